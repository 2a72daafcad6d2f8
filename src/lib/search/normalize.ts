import { isFiller, isServiceWord, withoutGreetings } from "./filler"
import type { SearchSynonyms } from "./synonyms"
import { fold, joinHyphens, stem } from "./text"
import { ConceptKind, VOCABULARY } from "./vocabulary"

export { fold, stem }

/**
 * Language-light text normalization for discovery search in Spanish,
 * Portuguese and English. The same functions turn product texts into index
 * terms and customer messages into query terms, so whatever they do (accent
 * folding, plural and gender endings) cancels out on both sides.
 */

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

/** Index terms of product texts: stemmed words plus the vocabulary concepts they name, duplicates left out. */
export function indexTerms(...texts: (string | null | undefined)[]): string[] {
  const seen = new Set<string>()
  for (const text of texts) {
    if (!text) continue
    for (const term of termsOfText(text, null)) seen.add(term)
  }
  return [...seen]
}

const termCache = new Map<string, string[]>()
const TERM_CACHE_SIZE = 20000

/**
 * Terms of one text: its stemmed words (the spaced and the joined form of
 * hyphenated words) and the concept tokens of the vocabulary's phrases and,
 * when given, the merchant's synonym groups (index side). Cached: option
 * values and categories repeat across thousands of products.
 */
export function termsOfText(text: string, synonyms: SearchSynonyms | null): string[] {
  const cacheKey = `${synonyms?.version ?? ""}\u0000${text}`
  const cached = termCache.get(cacheKey)
  if (cached) return cached
  const terms = new Set<string>()
  for (const variant of new Set([text, joinHyphens(text)])) {
    const words = fold(variant).split(" ").filter(Boolean)
    const stemmed = words.map(stem)
    for (const w of stemmed) terms.add(w)
    // Filler words are skipped for phrases, as queries skip them ("camisa de manga corta").
    const content = stemmed.filter((_, i) => !isFiller(words[i]))
    for (const m of VOCABULARY.match(content, false)) terms.add(m.token)
    if (synonyms) for (const m of synonyms.index.match(content, false)) terms.add(m.token)
  }
  const result = [...terms]
  if (termCache.size >= TERM_CACHE_SIZE) termCache.clear()
  termCache.set(cacheKey, result)
  return result
}

/** One word the customer typed, and what else satisfies it. */
export type QueryUnit = {
  /** The stemmed word. */
  word: string
  /** Concept tokens of the phrases the word is part of (vocabulary and merchant groups). */
  alternatives: string[]
  /** Stemmed words of merchant synonyms the word also finds, for fetching candidates. */
  expansions: string[]
  /** What the vocabulary says the word is: a product noun, a colour, a material… */
  kind: ConceptKind | null
}

export type ParsedQuery = {
  /** Stemmed words to look for, filler removed. */
  terms: string[]
  /** The same words with the concepts and synonyms they stand for. */
  units: QueryUnit[]
  /** Sizes the customer named, canonical ("m", "xl", "42"). */
  sizes: string[]
  /** Units the customer asked for, when they said so ("2 camisetas", "tres tazas"). */
  quantity: number | null
}

/** Understands a customer's message: what to look for, which size, how many. */
export function parseQuery(text: string, synonyms: SearchSynonyms | null = null): ParsedQuery {
  let folded = withoutGreetings(fold(joinHyphens(text)))
  for (const [phrase, size] of Object.entries(TWO_WORD_SIZES)) {
    folded = folded.replace(new RegExp(`\\b${phrase}\\b`, "g"), size)
  }
  const words = folded.split(" ").filter(Boolean)
  const kept: string[] = []
  let asksAboutShop = false
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
    if (/^\d{1,2}$/.test(word) && quantity === null && next && !/^\d/.test(next) && !UNITS.has(next) && kept.length === 0) {
      const n = Number(word)
      if (n >= 1 && n <= 99) {
        quantity = n
        continue
      }
    }
    if (isServiceWord(word)) asksAboutShop = true
    if (isFiller(word)) continue
    if (/^(xxs|xs|s|m|l|xl|xxl|xxxl|\dxl)$/.test(word)) {
      sizes.push(word)
      continue
    }
    kept.push(stem(word))
  }
  let units = toUnits(kept, synonyms)
  // "how long does shipping take?" is a question for the shop: with no product named, nothing to search.
  if (asksAboutShop && !units.some((u) => u.kind === "product")) units = []
  return { terms: units.map((u) => u.word), units, sizes: [...new Set(sizes)], quantity }
}

/** Groups the query's words with the vocabulary concepts and merchant synonyms their phrases name. */
function toUnits(words: string[], synonyms: SearchSynonyms | null): QueryUnit[] {
  const matches = [...VOCABULARY.match(words, true), ...(synonyms ? synonyms.query.match(words, true) : [])]
  const units = new Map<string, QueryUnit>()
  words.forEach((word, i) => {
    const covering = matches.filter((m) => m.start <= i && i < m.end)
    const unit = units.get(word) ?? { word, alternatives: [], expansions: [], kind: null }
    for (const m of covering) {
      if (!unit.alternatives.includes(m.token)) unit.alternatives.push(m.token)
      if (m.kind === "merchant" && synonyms) unit.expansions.push(...(synonyms.expansions.get(m.token) ?? []))
    }
    const kinds = covering.map((m) => (m.kind === "merchant" ? synonyms?.kinds.get(m.token) ?? null : m.kind))
    unit.kind = kinds.includes("product") ? "product" : unit.kind ?? kinds.find((k) => k) ?? null
    unit.expansions = [...new Set(unit.expansions)].filter((e) => e !== word)
    units.set(word, unit)
  })
  return [...units.values()]
}

/** The size a loose size word could mean ("grande" → "l"), for choosing a variant. */
export function sizeOfWord(stemmedOrFolded: string): string | null {
  for (const [word, size] of Object.entries(SIZE_WORDS)) {
    if (word.length > 2 && (word === stemmedOrFolded || stem(word) === stemmedOrFolded)) return size
  }
  return null
}
