import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { Candidate, rankCandidates, selectMatches } from "../../lib/search/rank"
import { parseQuery, ParsedQuery } from "../../lib/search/normalize"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import { WHATSAPP_PRODUCT_INDEX } from "../../search/whatsapp-product"
import { loadSearchSynonyms } from "./search-synonyms"
import { mergeHybrid } from "../../lib/search/hybrid"
import { semanticCandidates } from "./semantic-candidates"

// Defined once, with the admin search response that returns it.
import type { AdminWhatsAppSearchMatch as SearchMatch } from "../../types/http/stats"
export type { SearchMatch }

export type ProductSearchResult = { query: ParsedQuery; matches: SearchMatch[] }

/** Candidates read per engine query before re-ranking. */
const CANDIDATES = 40

type IndexedProduct = Omit<Candidate, "variants"> & {
  handle?: string
  variants?: { id: string; title: string; options: string[] }[]
}

/**
 * Discovery search for one account: Medusa's Search module (Postgres full
 * text with typo tolerance) finds candidates among the account's sales
 * channel; `rankCandidates` orders them term by term and picks the variant
 * the customer described. Products switched off for WhatsApp search, or
 * hidden from the WhatsApp catalog, are left out.
 */
export async function searchWhatsAppProducts(
  container: MedusaContainer,
  input: { sales_channel_id: string | null; text: string; limit?: number }
): Promise<ProductSearchResult> {
  const synonyms = await loadSearchSynonyms(container)
  const query = parseQuery(input.text, synonyms)
  if (!query.terms.length) {
    return { query, matches: [] }
  }
  let searchModule: any
  try {
    searchModule = container.resolve(Modules.SEARCH)
  } catch {
    // An app that disabled Medusa's Search module: no discovery, the default reply answers.
    return { query, matches: [] }
  }
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  // Left out: products switched off for typed search, and products hidden from WhatsApp altogether.
  const hidden = (
    await whatsapp.listWhatsappProductSettings({ $or: [{ searchable: false }, { hidden_in_catalog: true }] } as any, { select: ["product_id"] })
  ).map((s) => s.product_id)

  const filters: Record<string, unknown> = {}
  if (input.sales_channel_id) filters.sales_channel_ids = input.sales_channel_id
  if (hidden.length) filters.id = { $nin: hidden }

  // One query with every word and typo tolerance (a trigram scan), plus one
  // exact query per word (served by the full-text index) so each word's own
  // best products are candidates even when another word is common. A word
  // also looks for the vocabulary concepts and merchant synonyms it stands for.
  const wordQuery = (u: ParsedQuery["units"][number]) => [u.word, ...u.alternatives, ...u.expansions].join(" ")
  const expands = query.units.some((u) => u.alternatives.length || u.expansions.length)
  // With concepts, one more exact query with everything ranks first the products that name most of them
  // ("norte leather jacket" on a Spanish shelf: the Norte jacket that is also of leather).
  const queries = [
    { q: query.terms.join(" "), typo: true },
    ...(expands && query.units.length > 1 ? [{ q: query.units.map(wordQuery).join(" "), typo: false }] : []),
    ...(query.units.length > 1 || expands ? query.units.map((u) => ({ q: wordQuery(u), typo: false })) : []),
  ]
  // Hybrid search (only with the `ai` option): runs beside the lexical queries; never throws.
  const semantic = semanticCandidates<IndexedProduct>(container, { text: input.text, sales_channel_id: input.sales_channel_id, filters, fields: ["id", "title", "handle", "extra", "description", "variants"] })
  const results = await searchModule.searchMany(
    queries.map(({ q, typo }) => ({
      entity: WHATSAPP_PRODUCT_INDEX,
      fields: ["id", "title", "handle", "extra", "description", "variants"],
      filters: { ...filters, q },
      pagination: { take: CANDIDATES },
      search_options: { match_strategy: "any", typo_tolerance: typo, count: "none" },
    }))
  )
  const candidates = new Map<string, IndexedProduct>()
  for (const result of results) {
    for (const hit of result.hits) {
      if (!candidates.has(hit.id)) candidates.set(hit.id, { ...(hit.document as IndexedProduct), id: hit.id })
    }
  }
  const { documents: semanticDocuments, similarity, merge } = await semantic
  for (const doc of semanticDocuments) if (!candidates.has(doc.id)) candidates.set(doc.id, doc)
  const lexical = rankCandidates(
    query,
    [...candidates.values()].map((c) => ({ id: c.id, title: c.title, extra: c.extra ?? [], description: c.description ?? null, variants: c.variants ?? [] })),
    synonyms
  )
  const ranked = merge ? mergeHybrid(lexical, similarity, merge) : lexical
  const matches = selectMatches(ranked, input.limit ?? 5).map((r) => {
      const product = candidates.get(r.product_id)!
      return {
        product_id: r.product_id,
        variant_id: r.variant_id,
        matched_variant: r.matched_variant,
        score: r.score,
        title: product.title,
        handle: product.handle ?? null,
        variant_ids: (product.variants ?? []).map((v) => v.id),
      }
    })
  return { query, matches }
}
