/**
 * Language-light text normalization for discovery search in Spanish,
 * Portuguese and English. The same functions turn product texts into index
 * terms and customer messages into query terms, so whatever they do (accent
 * folding, plural and gender endings) cancels out on both sides.
 */

const STOPWORDS = new Set(
  [
    // es
    "quiero", "quisiera", "queria", "busco", "buscando", "necesito", "tienes", "teneis", "tienen", "hay", "me", "mi",
    "un", "una", "unos", "unas", "el", "la", "los", "las", "lo", "de", "del", "en", "para", "por", "con", "y", "o", "que",
    "algo", "hola", "porfa", "favor", "gracias", "buenas", "comprar", "ver", "alguna", "alguno", "tengo", "es", "al",
    // pt
    "quero", "procuro", "procurando", "preciso", "tem", "voces", "voce", "vcs", "um", "uma", "uns", "umas", "os", "as",
    "do", "da", "dos", "das", "no", "na", "nos", "nas", "pra", "com", "e", "ou", "oi", "ola", "obrigado", "obrigada",
    "ai", "aí", "gostaria", "queria", "ter",
    // en
    "i", "im", "want", "need", "looking", "for", "an", "the", "some", "of", "in", "with", "and", "or", "please", "pls",
    "do", "you", "have", "hi", "hello", "hey", "any", "show", "buy", "get", "to", "is", "are", "would", "like", "a",
  ].map(fold)
)

/** Words that announce a size: the next word is a size, not a product word. */
const SIZE_MARKERS = new Set(["talla", "talle", "tamanho", "tam", "size", "numero", "num", "n"])
const COLOR_MARKERS = new Set(["color", "colour", "cor"])

const SIZE_WORDS: Record<string, string> = {
  pequena: "s", pequeno: "s", chica: "s", chico: "s", small: "s", p: "s",
  mediana: "m", mediano: "m", media: "m", medio: "m", medium: "m", med: "m",
  grande: "l", large: "l", g: "l",
  extragrande: "xl", xlarge: "xl", gg: "xl",
}
const TWO_WORD_SIZES: Record<string, string> = {
  "extra grande": "xl", "muy grande": "xl", "extra large": "xl", "x large": "xl",
  "extra pequena": "xs", "extra small": "xs", "xx large": "xxl",
}

const NUMBER_WORDS: Record<string, number> = {
  dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, docena: 12,
  dois: 2, duas: 2, quatro: 4, sete: 7, oito: 8, nove: 9, dez: 10, duzia: 12,
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, dozen: 12, pair: 2,
}
/** Units after a number make it part of the product ("250 g"), not a quantity. */
const UNITS = new Set(["g", "gr", "kg", "ml", "l", "cl", "cm", "mm", "m", "gb", "tb", "w", "mah", "v", "oz", "lb", "pack", "uds", "un"])

/** Lowercase, accents removed, anything but letters and digits becomes a space. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
}

/**
 * Reduces a folded word to a stem shared by its singular/plural and
 * masculine/feminine forms in es/pt/en: camisetas → camiset, rojas/rojo → roj,
 * pantalones/pantalón → pantalon, hoodies → hoodi. Deliberately crude; it only
 * has to be consistent.
 */
export function stem(word: string): string {
  if (/^\d/.test(word) || word.length < 4) return word
  let w = word
  if (w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1)
  if (w.length >= 5 && w.endsWith("e") && !/[aeiou]e$/.test(w)) w = w.slice(0, -1)
  if (w.length >= 4 && /[ao]$/.test(w)) w = w.slice(0, -1)
  return w
}

/** Hyphenated and spaced forms of one word ("t-shirt", "t shirt") become one ("tshirt"). */
function joinHyphens(text: string): string {
  return text.replace(/(\p{L})-(\p{L})/gu, "$1$2")
}

/** Index terms of a product text: folded, stemmed, in order, duplicates kept out. */
export function indexTerms(...texts: (string | null | undefined)[]): string[] {
  const seen = new Set<string>()
  for (const text of texts) {
    if (!text) continue
    for (const variant of new Set([text, joinHyphens(text)])) {
      for (const word of fold(variant).split(" ")) {
        if (word) seen.add(stem(word))
      }
    }
  }
  return [...seen]
}

export type ParsedQuery = {
  /** Stemmed words to look for, stopwords removed. */
  terms: string[]
  /** Sizes the customer named, canonical ("m", "xl", "42"). */
  sizes: string[]
  /** Units the customer asked for, when they said so ("2 camisetas", "tres tazas"). */
  quantity: number | null
}

/** Understands a customer's message: what to look for, which size, how many. */
export function parseQuery(text: string): ParsedQuery {
  let folded = fold(joinHyphens(text))
  for (const [phrase, size] of Object.entries(TWO_WORD_SIZES)) {
    folded = folded.replace(new RegExp(`\\b${phrase}\\b`, "g"), size)
  }
  const words = folded.split(" ").filter(Boolean)
  const terms: string[] = []
  const sizes: string[] = []
  let quantity: number | null = null

  for (let i = 0; i < words.length; i++) {
    const word = words[i]
    const next = words[i + 1]
    if (SIZE_MARKERS.has(word) && next) {
      sizes.push(SIZE_WORDS[next] ?? next)
      i++
      continue
    }
    if (COLOR_MARKERS.has(word)) continue
    const multiplier = /^x(\d{1,2})$/.exec(word) ?? /^(\d{1,2})x$/.exec(word)
    if (multiplier) {
      quantity = Number(multiplier[1])
      continue
    }
    if (NUMBER_WORDS[word] !== undefined && quantity === null) {
      quantity = NUMBER_WORDS[word]
      continue
    }
    // A small number before a product word, with only filler before it, is a quantity ("quiero 2 tazas").
    if (/^\d{1,2}$/.test(word) && quantity === null && next && !/^\d/.test(next) && !UNITS.has(next) && terms.length === 0) {
      const n = Number(word)
      if (n >= 1 && n <= 99) {
        quantity = n
        continue
      }
    }
    if (STOPWORDS.has(word)) continue
    if (/^(xxs|xs|s|m|l|xl|xxl|xxxl|\dxl)$/.test(word)) {
      sizes.push(word)
      continue
    }
    terms.push(stem(word))
  }
  return { terms: [...new Set(terms)], sizes: [...new Set(sizes)], quantity }
}

/** The size a loose size word could mean ("grande" → "l"), for choosing a variant. */
export function sizeOfWord(stemmedOrFolded: string): string | null {
  for (const [word, size] of Object.entries(SIZE_WORDS)) {
    if (word.length > 2 && (word === stemmedOrFolded || stem(word) === stemmedOrFolded)) return size
  }
  return null
}
