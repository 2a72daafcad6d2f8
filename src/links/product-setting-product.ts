import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import WhatsAppModule from "../modules/whatsapp"

/** A product's WhatsApp switches (searchable), read through `product_id`. */
export default defineLink(
  { linkable: WhatsAppModule.linkable.whatsappProductSetting, field: "product_id" },
  ProductModule.linkable.product,
  { readOnly: true }
)
