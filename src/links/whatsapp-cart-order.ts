import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import WhatsAppModule from "../modules/whatsapp"

/** The order a WhatsApp cart became, read through `order_id` (no pivot table). */
export default defineLink(
  { linkable: WhatsAppModule.linkable.whatsappCart, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
