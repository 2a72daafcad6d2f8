import { model } from "@medusajs/framework/utils"

/**
 * A one-time link sent in a conversation so a logged-in storefront customer
 * can prove they hold that WhatsApp number. Only the token's hash is kept;
 * it works once, before `expires_at`, and only for `customer_id`.
 */
export const WhatsappPhoneLink = model
  .define("whatsapp_phone_link", {
    id: model.id({ prefix: "waplink" }).primaryKey(),
    conversation_id: model.text(),
    customer_id: model.text(),
    token_hash: model.text(),
    expires_at: model.dateTime(),
    used_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["token_hash"], unique: true, where: "deleted_at IS NULL" },
    { on: ["conversation_id", "created_at"] },
  ])
