import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { EmbeddingsError } from "../../lib/ai/embeddings-client"
import { embeddingTextHash, productEmbeddingText, type EmbeddableProduct } from "../../lib/ai/product-text"
import { describeError } from "../../lib/safe-error"
import { failedWorkOutcome, workRetryOptions } from "../../lib/webhook-event-failure"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import type { EmbeddingWrite } from "../../modules/whatsapp/sql/product-embeddings"
import type { WorkOutcome } from "../../modules/whatsapp/types"

/** What an embedding is made from, and where the product is sold. */
const PRODUCT_FIELDS = [
  "id",
  "status",
  "title",
  "subtitle",
  "description",
  "collection.title",
  "categories.name",
  "tags.value",
  "variants.title",
  "variants.options.value",
  "sales_channels.id",
]

/** A product batch waits at most this long for the provider, per request. */
const REQUEST_TIMEOUT_MS = 30_000

type Claimed = { id: string; attempts: number }
type ProductRow = EmbeddableProduct & { id: string; status: string; sales_channels?: { id: string }[] }
type Pending = { id: string; text: string; hash: string; channels: string[] }

/**
 * The `product_embedding` work handler, in the background of product
 * changes: reads the claimed products, drops rows of products gone or
 * unpublished, and embeds only those whose text (or the model) changed since
 * their stored vector. A rate limit or an unreachable provider keeps them
 * queued with backoff; a refusal (bad key, bad model, input too long) gives
 * them up visibly with the provider's reason (never the key).
 */
export async function embedProducts(container: MedusaContainer, claimed: Claimed[]) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const client = whatsapp.embeddingsClient()
  const done = (items: Claimed[]): WorkOutcome[] => items.map((c) => ({ id: c.id, result: "done", claimedAttempts: c.attempts }))
  if (!client) {
    // The option was removed after these were queued: nothing to do.
    await whatsapp.finishWork("product_embedding", done(claimed))
    return { retryInMs: null }
  }
  const ids = claimed.map((c) => c.id)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: PRODUCT_FIELDS, filters: { id: ids } })
  const products = (data as ProductRow[]).filter((p) => p.status === "published")
  await whatsapp.removeProductEmbeddings(ids.filter((id) => !products.some((p) => p.id === id)))

  const states = new Map((await whatsapp.productEmbeddingStates(ids)).map((s) => [s.id, s]))
  const writes: EmbeddingWrite[] = []
  const pending: Pending[] = []
  for (const product of products) {
    const text = productEmbeddingText(product)
    const hash = embeddingTextHash(text, client.model)
    const channels = (product.sales_channels ?? []).map((s) => s.id)
    const state = states.get(product.id)
    if (state?.has_vector && state.model === client.model && state.text_hash === hash) {
      writes.push({ id: product.id, model: client.model, text_hash: hash, sales_channel_ids: channels })
    } else {
      pending.push({ id: product.id, text, hash, channels })
    }
  }

  const refused = new Map<string, string>()
  const embedded: [Pending, number[]][] = []
  let failure: unknown = null
  try {
    await embedAll(client, pending, refused, embedded)
  } catch (error) {
    failure = error
  }
  // Batches embedded before a failure are kept.
  for (const [item, vector] of embedded) {
    writes.push({ id: item.id, model: client.model, text_hash: item.hash, sales_channel_ids: item.channels, vector })
  }
  await whatsapp.writeProductEmbeddings(writes)
  const unfinished = new Set(pending.map((p) => p.id).filter((id) => !refused.has(id) && !embedded.some(([item]) => item.id === id)))

  const outcomes: WorkOutcome[] = []
  let retryInMs: number | null = null
  const retryOptions = workRetryOptions(whatsapp.getOptions())
  for (const item of claimed) {
    const reason = refused.get(item.id)
    if (reason) {
      outcomes.push({ id: item.id, result: "failed", note: `gave up: ${reason}` })
    } else if (failure && unfinished.has(item.id)) {
      const note = failure instanceof EmbeddingsError ? failure.message : describeError(failure)
      const permanent = failure instanceof EmbeddingsError && !failure.retryable
      const outcome = permanent ? { id: item.id, result: "failed" as const, note: `gave up: ${note}` } : failedWorkOutcome(item.id, note, item.attempts, retryOptions)
      if (outcome.result === "retry") {
        const wait = Math.max(outcome.delayMs, (failure as EmbeddingsError).retryAfterMs ?? 0)
        outcomes.push({ ...outcome, delayMs: wait })
        retryInMs = retryInMs === null ? wait : Math.min(retryInMs, wait)
      } else {
        outcomes.push(outcome)
      }
    } else {
      outcomes.push(...done([item]))
    }
  }
  if (failure || refused.size) {
    const note = failure instanceof EmbeddingsError ? failure.message : failure ? describeError(failure) : [...refused.values()][0]
    logger.warn(`whatsapp: product embeddings failed for ${unfinished.size + refused.size} product(s): ${note}`)
  }
  await whatsapp.finishWork("product_embedding", outcomes)
  return { retryInMs }
}

/**
 * Vectors for the pending products, in batches. A batch the provider refuses
 * as a bad request (one input too long, say) is tried product by product so
 * one bad text does not hold up the rest; those refused alone are recorded
 * in `refused`. Other failures (rate limit, key, network) throw, leaving
 * what was embedded before in `out`.
 */
async function embedAll(
  client: NonNullable<ReturnType<WhatsAppModuleService["embeddingsClient"]>>,
  pending: Pending[],
  refused: Map<string, string>,
  out: [Pending, number[]][]
) {
  const call = { timeoutMs: REQUEST_TIMEOUT_MS, retries: 2 }
  for (let i = 0; i < pending.length; i += client.batchSize) {
    const batch = pending.slice(i, i + client.batchSize)
    try {
      const { vectors } = await client.embed(batch.map((p) => p.text), call)
      batch.forEach((p, k) => out.push([p, vectors[k]]))
    } catch (error) {
      if (!(error instanceof EmbeddingsError && error.status === 400)) throw error
      for (const item of batch) {
        try {
          const { vectors } = await client.embed([item.text], call)
          out.push([item, vectors[0]])
        } catch (single) {
          if (!(single instanceof EmbeddingsError && single.status === 400)) throw single
          refused.set(item.id, single.message)
        }
      }
    }
  }
}

/**
 * Queues every published product that has no vector from the configured
 * model (the option was just set, or the model changed) and those given up
 * before. Run once per process, on the drain's first sweep.
 */
export async function queueProductsWithoutEmbeddings(container: MedusaContainer): Promise<number> {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const client = whatsapp.embeddingsClient()
  if (!client) return 0
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const page = 5_000
  let queued = 0
  for (let skip = 0; ; skip += page) {
    const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { status: "published" }, pagination: { skip, take: page } } as any)
    queued += await whatsapp.queueMissingProductEmbeddings(data.map((p: { id: string }) => p.id), client.model)
    if (data.length < page) break
  }
  return queued
}
