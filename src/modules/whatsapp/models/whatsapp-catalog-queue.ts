import { model } from "@medusajs/framework/utils"

/**
 * Variants whose catalog item may have changed (product, variant, price or
 * stock events). Repeated events for one variant collapse into one row; the
 * sync job takes rows once they have been quiet for a few seconds, so a bulk
 * edit becomes one sync instead of a storm.
 */
export const WhatsappCatalogQueue = model.define("whatsapp_catalog_queue", {
  id: model.text().primaryKey(),
  queued_at: model.dateTime(),
})
