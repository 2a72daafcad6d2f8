import { model } from "@medusajs/framework/utils"

/**
 * Variants whose catalog item may have changed (product, variant, price or
 * stock events): the `catalog_change` kind of the work queue. Repeated
 * events for one variant collapse into one row; a row is due once it has
 * been quiet for a few seconds, so a bulk edit becomes one sync instead of a
 * storm. A failed sync keeps its rows with a backoff, and gives up visibly
 * (`failed_at`, `last_error`) at the attempt cap.
 */
export const WhatsappCatalogQueue = model.define("whatsapp_catalog_queue", {
  id: model.text().primaryKey(),
  queued_at: model.dateTime(),
  attempts: model.number().default(0),
  locked_until: model.dateTime().nullable(),
  next_attempt_at: model.dateTime().nullable(),
  last_error: model.text().nullable(),
  failed_at: model.dateTime().nullable(),
})
