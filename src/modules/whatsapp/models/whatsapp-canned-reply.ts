import { model } from "@medusajs/framework/utils"

/**
 * A saved reply the team inserts into the composer. `text` may name
 * variables ({{customer_name}}, {{store_name}}…, see lib/inbox/canned-reply),
 * filled for the conversation it is inserted into.
 */
export const WhatsappCannedReply = model.define("whatsapp_canned_reply", {
  id: model.id({ prefix: "wacanned" }).primaryKey(),
  title: model.text(),
  text: model.text(),
})
