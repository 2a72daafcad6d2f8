/**
 * Words of a customer's message as the concierge compares them: lower case,
 * accents and punctuation gone ("¿Dónde está mi pedido?" → "donde esta mi
 * pedido"). Inner hyphens and apostrophes become spaces too, so "what's"
 * reads as "what s" on both the message's side and the phrase's side.
 */
export function conciergeWords(text: string | null | undefined): string[] {
  return (text ?? "")
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean)
}

/** True when `phrase` (already in concierge words) occurs as whole words in `words`. */
export function hasPhrase(words: string[], phrase: string): boolean {
  const wanted = phrase.split(" ")
  outer: for (let i = 0; i + wanted.length <= words.length; i++) {
    for (let j = 0; j < wanted.length; j++) {
      if (words[i + j] !== wanted[j]) continue outer
    }
    return true
  }
  return false
}
