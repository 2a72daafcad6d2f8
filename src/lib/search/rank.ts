import { fold, indexTerms, ParsedQuery, sizeOfWord, stem } from "./normalize"

export type CandidateVariant = { id: string; title: string | null; options: string[] }
export type Candidate = {
  id: string
  title: string
  /** Other descriptive texts: collection, categories, tags, subtitle. */
  extra: string[]
  variants: CandidateVariant[]
}
export type RankedProduct = { product_id: string; variant_id: string | null; score: number; matched_variant: boolean }

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

/** How well one query term matches one indexed term: 1 exact, less for prefixes and typos. */
export function termMatch(query: string, term: string): number {
  if (query === term) return 1
  if (/^\d+$/.test(query) || /^\d+$/.test(term)) return 0
  if (query.length >= 3 && term.startsWith(query)) return 0.8
  if (term.length >= 4 && query.startsWith(term)) return 0.75
  const shortest = Math.min(query.length, term.length)
  if (shortest >= 4) {
    const distance = editDistance(query, term, 2)
    if (distance === 1) return 0.75
    if (distance === 2 && shortest >= 7) return 0.55
  }
  return 0
}

function best(query: string, terms: string[]): number {
  let score = 0
  for (const term of terms) {
    score = Math.max(score, termMatch(query, term))
    if (score === 1) break
  }
  return score
}

/** Letter sizes some markets use (Brazil: P/M/G/GG) under the canonical ones the query parser yields. */
const SIZE_ALIASES: Record<string, string> = { p: "s", g: "l", gg: "xl", xg: "xxl", ch: "s", gde: "l" }

/** A variant's option values as terms, sizes kept whole ("XL", "42"). */
function variantTerms(variant: CandidateVariant): string[] {
  const terms = indexTerms(...variant.options, variant.title)
  return [...terms, ...terms.filter((t) => SIZE_ALIASES[t]).map((t) => SIZE_ALIASES[t])]
}

/**
 * Orders search candidates for a parsed query and picks, in each product,
 * the variant whose options the query names ("camiseta roja M" → the red M).
 * Every query term counts: title and option matches fully, other texts less.
 */
export function rankCandidates(query: ParsedQuery, candidates: Candidate[]): RankedProduct[] {
  const sizes = query.sizes.map((s) => fold(s))
  const ranked: RankedProduct[] = []
  for (const candidate of candidates) {
    const titleTerms = indexTerms(candidate.title)
    const extraTerms = indexTerms(...candidate.extra)
    const perVariant = candidate.variants.map((v) => ({ variant: v, terms: variantTerms(v), hits: 0 }))
    let total = 0
    for (const term of query.terms) {
      const inTitle = best(term, titleTerms)
      let inOptions = 0
      for (const entry of perVariant) {
        const s = best(term, entry.terms)
        if (s >= 0.75) entry.hits += s
        inOptions = Math.max(inOptions, s)
      }
      total += Math.max(inTitle, inOptions, 0.6 * best(term, extraTerms))
    }
    for (const size of sizes) {
      for (const entry of perVariant) {
        if (entry.terms.includes(size)) entry.hits += 1
      }
    }
    // Loose size words ("grande") count for variants only when nothing else named a size.
    if (!sizes.length) {
      for (const term of query.terms) {
        const size = sizeOfWord(term)
        if (!size) continue
        for (const entry of perVariant) {
          if (entry.terms.includes(size)) entry.hits += 0.5
        }
      }
    }
    const coverage = query.terms.length ? total / query.terms.length : 0
    const titleCovered = titleTerms.filter((t) => query.terms.some((q) => termMatch(q, t) >= 0.75)).length
    const precision = titleTerms.length ? titleCovered / titleTerms.length : 0
    const top = perVariant.reduce<(typeof perVariant)[number] | null>((a, b) => (!a || b.hits > a.hits ? b : a), null)
    const sizeBonus = sizes.length && top && top.hits > 0 ? 0.05 : 0
    ranked.push({
      product_id: candidate.id,
      variant_id: top && top.hits > 0 ? top.variant.id : candidate.variants[0]?.id ?? null,
      score: coverage + 0.15 * precision + sizeBonus,
      matched_variant: !!top && top.hits > 0,
    })
  }
  return ranked.sort((a, b) => b.score - a.score)
}

/** Below this a result is noise: better to send the default reply than a wrong product. */
export const MIN_SCORE = 0.6

/** The results worth sending: good on their own and not far behind the best one. */
export function selectMatches(ranked: RankedProduct[], limit: number): RankedProduct[] {
  const top = ranked[0]?.score ?? 0
  return ranked.filter((r) => r.score >= MIN_SCORE && r.score >= top * 0.65).slice(0, limit)
}

export { stem }
