import vocabulary from "./vocabulary.json"

/** Lowercase, accents removed, anything but letters and digits becomes a space. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
}

/** Hyphenated and spaced forms of one word ("t-shirt", "t shirt") become one ("tshirt"). */
export function joinHyphens(text: string): string {
  return text.replace(/(\p{L})-(\p{L})/gu, "$1$2")
}

/** Singular of a folded es/pt/en word: camisetas → camiseta, pantalones → pantalon, hoodies → hoodie. */
export function singular(word: string): string {
  if (/^\d/.test(word) || word.length < 4) return word
  let w = word
  if (w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1)
  if (w.length >= 5 && w.endsWith("e") && !/[aeiou]e$/.test(w)) w = w.slice(0, -1)
  return w
}

/**
 * Product nouns of the vocabulary keep their gender ending: "vaqueros"
 * (jeans) and "vaquera" (denim, of a jacket) are different things, while
 * adjectives fold (rojas/rojo). Built from the vocabulary's product phrases.
 */
const NOUNS = new Set(
  (vocabulary.concepts as { kind: string; es: string[]; pt: string[]; en: string[] }[])
    .filter((c) => c.kind === "product")
    .flatMap((c) => [...c.es, ...c.pt, ...c.en])
    .flatMap((phrase) => fold(joinHyphens(phrase)).split(" "))
    .filter((w) => w.length >= 4)
    .map(singular)
)

/**
 * Reduces a folded word to a stem shared by its singular/plural forms and,
 * except for product nouns, its masculine/feminine forms: camisetas →
 * camiseta, rojas/rojo → roj, pantalones → pantalon. Crude on purpose: both
 * sides of the search use it, so it only has to be consistent.
 */
export function stem(word: string): string {
  if (/^\d/.test(word) || word.length < 4) return word
  const w = singular(word)
  if (NOUNS.has(w)) return w
  return genderless(w)
}

/** Drops an es/pt gender ending (roja → roj). Used for stems and for comparing typos. */
export function genderless(word: string): string {
  return word.length >= 4 && /[ao]$/.test(word) ? word.slice(0, -1) : word
}

/** Stemmed words of a text, in order, with hyphenated words joined. */
export function stems(text: string): string[] {
  return fold(joinHyphens(text))
    .split(" ")
    .filter(Boolean)
    .map(stem)
}
