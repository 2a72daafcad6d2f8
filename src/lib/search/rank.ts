import { fold, ParsedQuery, QueryUnit, sizeOfWord, stem, termsOfText } from "./normalize"
import type { SearchSynonyms } from "./synonyms"
import { genderless } from "./text"
import { VOCABULARY } from "./vocabulary"

export type CandidateVariant = { id: string; title: string | null; options: string[] }
export type Candidate = {
  id: string
  title: string
  /** Collection, categories, tags, subtitle. */
  extra: string[]
  description?: string | null
  variants: CandidateVariant[]
}
export type RankedProduct = {
  product_id: string
  variant_id: string | null
  score: number
  matched_variant: boolean
  /** Share of the query's words the product explains, weighted by where (title > options > category > description). */
  coverage: number
  /** A word matched in the title, options or category/collection/tags, not only in the description. */
  explained: boolean
  /** The product names a product noun of the query (a vocabulary noun such as "camiseta" or "yoga mat"). */
  noun_matched: boolean
  /** Close to the query in meaning (hybrid search, lib/search/hybrid): kept even with no word in common. */
  semantic?: boolean
}

/** How much a match counts by field: what the title says matters most, the description least. */
export const FIELD_WEIGHTS = { title: 1, options: 0.9, extra: 0.7, description: 0.4 }

/** Optimal string alignment distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const prev2: number[] = new Array(b.length + 1).fill(0)
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1)
      cur[j] = d
      rowMin = Math.min(rowMin, d)
    }
    if (rowMin > max) return max + 1
    prev2.splice(0, prev2.length, ...prev)
    prev = cur
  }
  return prev[b.length]
}

const isToken = (term: string) => term.startsWith("zz") || term.startsWith("zm")

/** How well one query word matches one indexed word: 1 exact, less for prefixes and typos. */
export function termMatch(query: string, term: string): number {
  if (query === term) return 1
  if (/^\d+$/.test(query) || /^\d+$/.test(term) || isToken(term)) return 0
  // Two different words the vocabulary knows are different things, not a typo of each other (vaqueros ≠ vaquera).
  if (VOCABULARY.known.has(query) && VOCABULARY.known.has(term)) return 0
  if (query.length >= 3 && term.startsWith(query)) return 0.8
  if (term.length >= 4 && query.startsWith(term)) return 0.75
  const q = genderless(query)
  const t = genderless(term)
  const shortest = Math.min(q.length, t.length)
  if (shortest >= 4) {
    const distance = q === t ? 0 : editDistance(q, t, 2)
    if (distance <= 1) return 0.75
    if (distance === 2 && shortest >= 7) return 0.55
  }
  return 0
}

/** Best match of a query word in a field: a shared concept counts as an exact match. */
function unitMatch(unit: QueryUnit, terms: string[], tokens: Set<string>): number {
  if (unit.alternatives.some((a) => tokens.has(a)) || unit.expansions.some((e) => tokens.has(e))) return 1
  let score = 0
  for (const term of terms) {
    score = Math.max(score, termMatch(unit.word, term))
    if (score === 1) break
  }
  return score
}

type Field = { terms: string[]; tokens: Set<string> }
function field(texts: (string | null | undefined)[], synonyms: SearchSynonyms | null): Field {
  const terms = [...new Set(texts.filter((t): t is string => !!t).flatMap((t) => termsOfText(t, synonyms)))]
  return { terms, tokens: new Set(terms) }
}

/** Letter sizes some markets use (Brazil: P/M/G/GG) under the canonical ones the query parser yields. */
const SIZE_ALIASES: Record<string, string> = { p: "s", g: "l", gg: "xl", xg: "xxl", ch: "s", gde: "l" }

/** A variant's option values as a field, sizes kept whole ("XL", "42"). */
function variantField(variant: CandidateVariant, synonyms: SearchSynonyms | null): Field {
  const f = field([...variant.options, variant.title], synonyms)
  const aliases = f.terms.filter((t) => SIZE_ALIASES[t]).map((t) => SIZE_ALIASES[t])
  for (const a of aliases) f.tokens.add(a)
  return { terms: [...f.terms, ...aliases], tokens: f.tokens }
}

/**
 * Orders search candidates for a parsed query and picks, in each product,
 * the variant whose options the query names ("camiseta roja M" → the red M).
 * The score is how much of the query the product explains, each word
 * counted where it matched best (title > options > category/collection/tags >
 * description); then a product whose title names the query's product noun
 * goes first, then one whose title the query explains more of.
 */
export function rankCandidates(query: ParsedQuery, candidates: Candidate[], synonyms: SearchSynonyms | null = null): RankedProduct[] {
  const sizes = query.sizes.map((s) => fold(s))
  const units = query.units
  const ranked: RankedProduct[] = []
  for (const candidate of candidates) {
    const title = field([candidate.title], synonyms)
    const extra = field(candidate.extra, synonyms)
    const description = field([candidate.description], synonyms)
    const perVariant = candidate.variants.map((v) => ({ variant: v, field: variantField(v, synonyms), hits: 0 }))
    let total = 0
    let explained = false
    let nounInTitle = false
    let nounMatched = false
    const titleWordsExplained = new Set<string>()
    for (const unit of units) {
      const inTitle = unitMatch(unit, title.terms, title.tokens)
      let inOptions = 0
      for (const entry of perVariant) {
        const s = unitMatch(unit, entry.field.terms, entry.field.tokens)
        if (s >= 0.75) entry.hits += s
        inOptions = Math.max(inOptions, s)
      }
      const inExtra = unitMatch(unit, extra.terms, extra.tokens)
      const inDescription = unitMatch(unit, description.terms, description.tokens)
      total += Math.max(
        FIELD_WEIGHTS.title * inTitle,
        FIELD_WEIGHTS.options * inOptions,
        FIELD_WEIGHTS.extra * inExtra,
        FIELD_WEIGHTS.description * inDescription
      )
      const strong = Math.max(inTitle, inOptions, inExtra) >= 0.75
      explained ||= strong
      if (unit.kind === "product") {
        nounMatched ||= strong
        nounInTitle ||= inTitle >= 0.75
      }
      if (inTitle >= 0.75) {
        for (const t of title.terms) if (!t.startsWith("zz") && !t.startsWith("zm") && (termMatch(unit.word, t) >= 0.75 || unit.alternatives.length)) titleWordsExplained.add(t)
      }
    }
    for (const size of sizes) {
      for (const entry of perVariant) {
        if (entry.field.tokens.has(size)) entry.hits += 1
      }
    }
    // Loose size words ("grande") count for variants only when nothing else named a size.
    if (!sizes.length) {
      for (const unit of units) {
        const size = sizeOfWord(unit.word)
        if (!size) continue
        for (const entry of perVariant) {
          if (entry.field.tokens.has(size)) entry.hits += 0.5
        }
      }
    }
    const coverage = units.length ? total / units.length : 0
    const titleWords = title.terms.filter((t) => !t.startsWith("zz") && !t.startsWith("zm"))
    const precision = titleWords.length ? Math.min(1, titleWordsExplained.size / titleWords.length) : 0
    const top = perVariant.reduce<(typeof perVariant)[number] | null>((a, b) => (!a || b.hits > a.hits ? b : a), null)
    const sizeBonus = sizes.length && top && top.hits > 0 ? 0.05 : 0
    ranked.push({
      product_id: candidate.id,
      variant_id: top && top.hits > 0 ? top.variant.id : candidate.variants[0]?.id ?? null,
      score: coverage + (nounInTitle ? 0.15 : 0) + 0.1 * precision + sizeBonus,
      matched_variant: !!top && top.hits > 0,
      coverage,
      explained,
      noun_matched: nounMatched,
    })
  }
  return ranked.sort((a, b) => b.score - a.score)
}

/**
 * The results worth sending. No fixed score threshold: a product is kept
 * when its title, options or category explain part of the query and it
 * either names the query's product noun or explains half the query, and it
 * is not far behind the best one. When some product names the noun, products
 * that only share an adjective ("roja") are left out.
 */
export function selectMatches(ranked: RankedProduct[], limit: number): RankedProduct[] {
  let relevant = ranked.filter((r) => r.semantic || (r.explained && (r.noun_matched || r.coverage >= 0.5)))
  if (relevant.some((r) => r.noun_matched)) relevant = relevant.filter((r) => r.noun_matched)
  const top = relevant[0]?.score ?? 0
  return relevant.filter((r) => r.score >= top * 0.65).slice(0, limit)
}

export { stem }
