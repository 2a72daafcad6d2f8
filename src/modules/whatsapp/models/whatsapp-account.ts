import { model } from "@medusajs/framework/utils"
import { WhatsappAccountEvent } from "./whatsapp-account-event"
import { WhatsappCart } from "./whatsapp-cart"
import { WhatsappConversation } from "./whatsapp-conversation"

/**
 * One WhatsApp Business phone number. `access_token` and `app_secret` hold
 * AES-256-GCM ciphertext, never plaintext (see lib/secret-box).
 */
export const WhatsappAccount = model.define("whatsapp_account", {
  id: model.id({ prefix: "waacc" }).primaryKey(),
  name: model.text(),
  waba_id: model.text(),
  /** The Meta business portfolio that owns the WABA (its catalogs, its verification); read from Meta when absent. */
  business_id: model.text().nullable(),
  phone_number_id: model.text().unique(),
  display_phone_number: model.text().nullable(),
  access_token: model.text(),
  app_secret: model.text().nullable(),
  catalog_id: model.text().nullable(),
  sales_channel_id: model.text().nullable(),
  region_id: model.text().nullable(),
  language: model.text().default("en"),
  settings: model.json().default({}),
  /** From `phone_number_quality_update`: the messaging limit tier (TIER_250…) and the event that set it. */
  messaging_limit_tier: model.text().nullable(),
  quality_event: model.text().nullable(),
  quality_updated_at: model.dateTime().nullable(),
  /** From `account_review_update`: APPROVED, REJECTED, PENDING or DEFERRED. */
  review_decision: model.text().nullable(),
  review_updated_at: model.dateTime().nullable(),
  events: model.hasMany(() => WhatsappAccountEvent, { mappedBy: "account" }),
  conversations: model.hasMany(() => WhatsappConversation, { mappedBy: "account" }),
  carts: model.hasMany(() => WhatsappCart, { mappedBy: "account" }),
})
