import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import WhatsAppModule from "../modules/whatsapp"

/** The other direction: `order.whatsapp_cart` (and its conversation) for the admin's order page. */
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id" },
  { ...WhatsAppModule.linkable.whatsappCart.id, primaryKey: "order_id" },
  { readOnly: true }
)
