import { model } from "@medusajs/framework/utils"

/**
 * One product variant as an item of one Meta catalog. `retailer_id` is what
 * Commerce Manager calls the content ID and what carts reference; by default
 * the variant id, so editing a SKU never orphans an item.
 */
export const WhatsappCatalogItem = model
  .define("whatsapp_catalog_item", {
    id: model.id({ prefix: "wacat" }).primaryKey(),
    catalog_id: model.text(),
    variant_id: model.text(),
    product_id: model.text().nullable(),
    retailer_id: model.text(),
    retailer_id_source: model.enum(["default", "manual", "imported"]).default("default"),
    content_hash: model.text().nullable(),
    /** A content ID this variant had at Meta before a remap: deleted by the next sync. */
    replaced_retailer_id: model.text().nullable(),
    sync_status: model.enum(["pending", "synced", "error", "invalid", "deleted"]).default("pending"),
    errors: model.json().nullable(),
    warnings: model.json().nullable(),
    last_synced_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["catalog_id", "retailer_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["catalog_id", "variant_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["catalog_id", "sync_status"] },
  ])
