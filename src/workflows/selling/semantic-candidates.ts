import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { EmbeddingsError } from "../../lib/ai/embeddings-client"
import { type HybridOptions, type SimilarityLookup, unitVector } from "../../lib/search/hybrid"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import { WHATSAPP_PRODUCT_INDEX } from "../../search/whatsapp-product"

/** Nearest products added as candidates beside the lexical ones. */
const NEAREST = 20
/** Query vectors kept per process: shoppers repeat the same words. */
const QUERY_CACHE_SIZE = 500

export type SemanticCandidates<D> = {
  /** Index documents of the nearest products (the lexical search may have missed them). */
  documents: (D & { id: string })[]
  /** Cosine similarity of the query to any product with a vector (computed when asked). */
  similarity: SimilarityLookup
  /** How to merge (see lib/search/hybrid), or null when semantic search did not run. */
  merge: HybridOptions | null
  /** Why semantic search did not run: "off" without the `ai` option, else the failure. */
  skipped: string | null
  embedding_ms: number
}

const queryVectors = new Map<string, Float32Array>()
const lastWarned = new Map<string, number>()
const WARN_EVERY_MS = 60_000

/**
 * The semantic half of hybrid search (only with the `ai` option): embeds the
 * query within `ai.queryTimeoutMs`, scans the channel's product vectors, and
 * reads the nearest products' documents from the discovery index with the
 * same filters as the lexical search. Never throws: on a provider failure or
 * timeout it logs why and answers with nothing, so search stays lexical.
 */
export async function semanticCandidates<D>(
  container: MedusaContainer,
  input: { text: string; sales_channel_id: string | null; filters: Record<string, unknown>; fields: string[] }
): Promise<SemanticCandidates<D>> {
  const started = performance.now()
  const none = (skipped: string): SemanticCandidates<D> => ({ documents: [], similarity: new Map(), merge: null, skipped, embedding_ms: performance.now() - started })
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const client = whatsapp.embeddingsClient()
  const cache = whatsapp.productVectorCache()
  const ai = whatsapp.getOptions().ai
  if (!client || !cache || !ai) return none("off")
  const key = input.text.trim().toLowerCase().replace(/\s+/g, " ")
  try {
    const [index, query] = await Promise.all([cache.current(), embedQuery(client, key, ai.queryTimeoutMs)])
    const embedding_ms = performance.now() - started
    if (!index.size) return { ...none("no product vectors yet"), embedding_ms }
    const { similarity, nearest } = index.scan(query, { channel: input.sales_channel_id, k: NEAREST, minSimilarity: ai.minSimilarity })
    const merge = { minSimilarity: ai.minSimilarity }
    if (!nearest.length) return { documents: [], similarity, merge, skipped: null, embedding_ms }
    const search = container.resolve(Modules.SEARCH) as any
    const excluded = (input.filters.id as { $nin?: string[] } | undefined)?.$nin ?? []
    const ids = nearest.map((n) => n.id).filter((id) => !excluded.includes(id))
    if (!ids.length) return { documents: [], similarity, merge, skipped: null, embedding_ms }
    const result = await search.search({
      entity: WHATSAPP_PRODUCT_INDEX,
      fields: input.fields,
      filters: { ...input.filters, id: { $in: ids } },
      pagination: { take: ids.length },
      search_options: { count: "none" },
    })
    const documents = result.hits.map((hit: any) => ({ ...(hit.document as D), id: hit.id }))
    return { documents, similarity, merge, skipped: null, embedding_ms }
  } catch (error) {
    const reason = error instanceof EmbeddingsError ? error.message : `${(error as Error)?.name ?? "error"}`
    const kind = error instanceof EmbeddingsError ? error.code : "error"
    // Once a minute per kind of failure: a provider that is down would otherwise log every message.
    if (Date.now() - (lastWarned.get(kind) ?? -Infinity) >= WARN_EVERY_MS) {
      lastWarned.set(kind, Date.now())
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`whatsapp: semantic search skipped, lexical results only (${reason})`)
    }
    return none(reason)
  }
}

async function embedQuery(client: NonNullable<ReturnType<WhatsAppModuleService["embeddingsClient"]>>, text: string, timeoutMs: number) {
  const cached = queryVectors.get(`${client.model}\u0000${text}`)
  if (cached) return cached
  // One try: the shopper is waiting, and lexical results are a fine answer.
  const { vectors } = await client.embed([text], { timeoutMs, retries: 0 })
  const vector = unitVector(vectors[0])
  if (!vector) throw new EmbeddingsError("embeddings answer holds a zero vector", 200, "bad_response", false)
  if (queryVectors.size >= QUERY_CACHE_SIZE) queryVectors.delete(queryVectors.keys().next().value!)
  queryVectors.set(`${client.model}\u0000${text}`, vector)
  return vector
}
