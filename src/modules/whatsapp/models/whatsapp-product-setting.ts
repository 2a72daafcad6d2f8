import { model } from "@medusajs/framework/utils"

/** Per-product WhatsApp switches; a product without a row is searchable. */
export const WhatsappProductSetting = model.define("whatsapp_product_setting", {
  id: model.id({ prefix: "waprod" }).primaryKey(),
  product_id: model.text().unique(),
  searchable: model.boolean().default(true),
})
