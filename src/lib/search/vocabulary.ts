import vocabulary from "./vocabulary.json"
import { isFiller } from "./filler"
import { fold, joinHyphens, stem } from "./text"

/**
 * The es/pt/en product vocabulary (vocabulary.json: Shopify's product
 * taxonomy plus hand-written words, see docs/search.md) as a phrase matcher.
 * A phrase found in a text yields its concept's token ("zzjeans"): products
 * are indexed with the tokens of their texts and queries look for the tokens
 * of their words, so "vaqueros", "calça jeans" and "jeans" meet.
 */
export type ConceptKind = "product" | "color" | "material" | "attribute" | "flavour" | "merchant"

type Concept = { id: string; kind: string; es: string[]; pt: string[]; en: string[] }

/** A phrase as stemmed words with filler left out, as queries and texts are read. */
export function phraseKey(phrase: string): string[] {
  return fold(joinHyphens(phrase))
    .split(" ")
    .filter((w) => w && !isFiller(w))
    .map(stem)
}

export type PhraseMatch = { start: number; end: number; token: string; kind: ConceptKind }

/** Phrases (stemmed words) to concept tokens; longest phrases tried first. */
export class PhraseMatcher {
  private byFirst = new Map<string, { words: string[]; token: string; kind: ConceptKind }[]>()
  readonly known = new Set<string>()
  readonly kinds = new Map<string, ConceptKind>()

  add(phrase: string, token: string, kind: ConceptKind) {
    const words = phraseKey(phrase)
    if (!words.length) return
    const list = this.byFirst.get(words[0]) ?? []
    if (!list.some((e) => e.token === token && e.words.join(" ") === words.join(" "))) list.push({ words, token, kind })
    list.sort((a, b) => b.words.length - a.words.length)
    this.byFirst.set(words[0], list)
    for (const w of words) this.known.add(w)
    this.kinds.set(token, kind)
  }

  /**
   * Every phrase found in `words`. With `longestOnly` (queries), a word inside
   * a longer phrase is not matched again on its own: "pantalones cortos" means
   * shorts, not pants. Texts being indexed keep every match.
   */
  match(words: string[], longestOnly: boolean): PhraseMatch[] {
    const found: PhraseMatch[] = []
    let coveredUntil = 0
    for (let i = 0; i < words.length; i++) {
      const entries = this.byFirst.get(words[i])
      if (!entries) continue
      let longest = 0
      for (const entry of entries) {
        if (longestOnly && longest && entry.words.length < longest) break
        if (longestOnly && i + entry.words.length <= coveredUntil) continue
        if (entry.words.every((w, k) => words[i + k] === w)) {
          found.push({ start: i, end: i + entry.words.length, token: entry.token, kind: entry.kind })
          longest = Math.max(longest, entry.words.length)
        }
      }
      if (longest) coveredUntil = Math.max(coveredUntil, i + longest)
    }
    return found
  }
}

function build(): PhraseMatcher {
  const matcher = new PhraseMatcher()
  for (const concept of vocabulary.concepts as Concept[]) {
    for (const phrase of [...concept.es, ...concept.pt, ...concept.en]) {
      matcher.add(phrase, concept.id, concept.kind as ConceptKind)
    }
  }
  return matcher
}

/** The built-in vocabulary, built once. */
export const VOCABULARY = build()

/** Kind of a concept token, for the vocabulary and merchant groups alike. */
export function conceptKind(token: string): ConceptKind | null {
  return VOCABULARY.kinds.get(token) ?? null
}
