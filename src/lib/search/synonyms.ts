import { ConceptKind, phraseKey, PhraseMatcher, VOCABULARY } from "./vocabulary"

/**
 * A merchant's synonym group. `two_way`: every term finds the others.
 * `one_way`: a query with `source` also finds products that say one of
 * `terms`, but not the other way round ("x also finds y").
 */
export type SynonymGroup = { id: string; mode: "two_way" | "one_way"; source: string | null; terms: string[] }

/** Merchant groups ready for search: what queries read, what product texts read, and the words to fetch. */
export type SearchSynonyms = {
  /** Changes whenever the groups change, so cached product terms are not reused across versions. */
  version: string
  query: PhraseMatcher
  index: PhraseMatcher
  /** Group token → stemmed words of the phrases a query naming the group also finds. */
  expansions: Map<string, string[]>
  /** Group token → kind, taken from the vocabulary when a member is a known product noun. */
  kinds: Map<string, ConceptKind | null>
}

const tokenOf = (id: string) => `zm${id.toLowerCase().replace(/[^a-z0-9]/g, "")}`

export function buildSynonyms(groups: SynonymGroup[], version: string): SearchSynonyms {
  const query = new PhraseMatcher()
  const index = new PhraseMatcher()
  const expansions = new Map<string, string[]>()
  const kinds = new Map<string, ConceptKind | null>()
  for (const group of groups) {
    const token = tokenOf(group.id)
    const asked = group.mode === "two_way" ? group.terms : [group.source ?? ""]
    const found = group.terms
    for (const phrase of asked) query.add(phrase, token, "merchant")
    for (const phrase of found) index.add(phrase, token, "merchant")
    expansions.set(token, [...new Set(found.flatMap(phraseKey))])
    // A group over product nouns ("esterilla" = "mat") counts as naming a product.
    const members = [...asked, ...found].flatMap((p) => VOCABULARY.match(phraseKey(p), true))
    kinds.set(token, members.some((m) => m.kind === "product") ? "product" : members[0]?.kind ?? null)
  }
  return { version, query, index, expansions, kinds }
}
