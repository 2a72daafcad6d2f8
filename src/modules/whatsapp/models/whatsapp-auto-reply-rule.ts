import { model } from "@medusajs/framework/utils"

/**
 * A keyword rule of one account: when an incoming text matches (`exact`: the
 * whole message; `contains`: whole words inside it), answer with a text or
 * with products instead of searching.
 */
export const WhatsappAutoReplyRule = model
  .define("whatsapp_auto_reply_rule", {
    id: model.id({ prefix: "warule" }).primaryKey(),
    account_id: model.text(),
    name: model.text(),
    match: model.enum(["exact", "contains"]).default("contains"),
    keywords: model.json(),
    reply_type: model.enum(["text", "products"]).default("text"),
    reply_text: model.text().nullable(),
    product_ids: model.json().nullable(),
    variant_ids: model.json().nullable(),
    priority: model.number().default(0),
    active: model.boolean().default(true),
  })
  .indexes([{ on: ["account_id", "active"] }])
