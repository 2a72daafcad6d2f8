import { fold, stem } from "../search/text"
import { VOCABULARY } from "../search/vocabulary"

/**
 * Colours and sizes as a shopper names them in es/pt/en, mapped to one key
 * so "azul", "blue" and "azules" ask for the same option value, and "G"
 * (Brazilian sizing) or "grande" for an "L". Colours come from the search
 * vocabulary (lib/search/vocabulary: one list for search and questions);
 * sizes are read here, for one product's own options.
 */
const SIZES: Record<string, string[]> = {
  xs: ["xs", "pp"],
  s: ["s", "p", "pequena", "pequeno", "small"],
  m: ["m", "mediana", "mediano", "media", "medio", "medium"],
  l: ["l", "g", "grande", "large"],
  xl: ["xl", "gg"],
  xxl: ["xxl", "xg", "xgg"],
}
/** Words after which a lone letter is a size: "talla M", "en L", "no G", "in S". */
export const SIZE_CUES = new Set(["talla", "tallas", "tamanho", "tamano", "size", "numero", "en", "na", "no", "in", "de", "a", "uma", "una", "um", "un"])

/** Plural and gender folded for words longer than three letters: roja/rojos → roj, azules → azul. */
export function foldWord(word: string): string {
  if (word.length <= 3) return word
  return word.replace(/(es|s)$/, "").replace(/[aoe]$/, "")
}

const KEYS = new Map<string, string>()
for (const [key, words] of Object.entries(SIZES)) for (const w of words) KEYS.set(foldWord(w), `size:${key}`)

/** One comparable key per word: a colour or size concept, else the folded word itself. */
export function variantWordKey(word: string): string {
  const colour = VOCABULARY.match([stem(fold(word))], false).find((m) => m.kind === "color")
  if (colour) return `colour:${colour.token}`
  const folded = foldWord(word)
  return KEYS.get(folded) ?? folded
}

export function isVariantConcept(key: string): boolean {
  return key.startsWith("colour:") || key.startsWith("size:")
}

/** Single-letter size keys ("s", "m", "l", "g"…) need a cue before them: "a", "e" and "o" are words too. */
export function needsSizeCue(word: string): boolean {
  return word.length === 1
}
