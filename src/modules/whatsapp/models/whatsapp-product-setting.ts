import { model } from "@medusajs/framework/utils"

/**
 * Per-product WhatsApp switches; a product without a row is searchable and
 * shown. Two separate things: `searchable` only decides whether typed
 * messages find the product; `hidden_in_catalog` hides its items in the Meta
 * catalog (visibility "staging") and keeps it out of WhatsApp altogether.
 */
export const WhatsappProductSetting = model.define("whatsapp_product_setting", {
  id: model.id({ prefix: "waprod" }).primaryKey(),
  product_id: model.text().unique(),
  searchable: model.boolean().default(true),
  hidden_in_catalog: model.boolean().default(false),
})
