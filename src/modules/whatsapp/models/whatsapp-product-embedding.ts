import { model } from "@medusajs/framework/utils"

/**
 * A product's embedding from the optional AI provider (hybrid search), one
 * row per product, keyed by the product id. The row is also its work item
 * (the `product_embedding` kind of the work queue): a product change sets
 * `queued_at`; the drain embeds it in the background, again only when the
 * hash of its text (and model) changed. The vector is a JSON array of
 * numbers: the embedded PostgreSQL has no vector extension, and the nearest
 * neighbour scan runs in memory (see lib/search/hybrid).
 */
export const WhatsappProductEmbedding = model.define("whatsapp_product_embedding", {
  id: model.text().primaryKey(),
  model: model.text().nullable(),
  text_hash: model.text().nullable(),
  dimensions: model.number().nullable(),
  vector: model.json().nullable(),
  /** The product's sales channels when embedded: the scan's channel filter. */
  sales_channel_ids: model.json().nullable(),
  embedded_at: model.dateTime().nullable(),
  queued_at: model.dateTime().nullable(),
  attempts: model.number().default(0),
  locked_until: model.dateTime().nullable(),
  next_attempt_at: model.dateTime().nullable(),
  last_error: model.text().nullable(),
  failed_at: model.dateTime().nullable(),
})
