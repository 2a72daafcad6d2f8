import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import WhatsAppModule from "../modules/whatsapp"

/** A catalog item's variant, read through `variant_id` (no pivot table). */
export default defineLink(
  { linkable: WhatsAppModule.linkable.whatsappCatalogItem, field: "variant_id" },
  ProductModule.linkable.productVariant,
  { readOnly: true }
)
