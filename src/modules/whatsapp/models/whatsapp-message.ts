import { model } from "@medusajs/framework/utils"
import { WhatsappConversation } from "./whatsapp-conversation"

/**
 * Every message in and out. `wamid` is unique so a redelivered webhook can
 * never store a message twice; outbound rows exist before the Graph API call
 * and carry an idempotency key.
 */
export const WhatsappMessage = model
  .define("whatsapp_message", {
    id: model.id({ prefix: "wamsg" }).primaryKey(),
    conversation: model.belongsTo(() => WhatsappConversation, { mappedBy: "messages" }),
    wamid: model.text().nullable(),
    idempotency_key: model.text().nullable(),
    direction: model.enum(["inbound", "outbound"]),
    type: model.text(),
    text: model.text().nullable(),
    payload: model.json().nullable(),
    status: model
      .enum(["received", "queued", "sending", "sent", "delivered", "read", "played", "failed"])
      .default("received"),
    error_code: model.text().nullable(),
    error_message: model.text().nullable(),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    /** Set while one dispatcher holds the message; expires if that process dies. */
    claimed_until: model.dateTime().nullable(),
    /** Meta's timestamp of the message or of its latest status. */
    sent_at: model.dateTime().nullable(),
    referred_retailer_id: model.text().nullable(),
    referred_product_id: model.text().nullable(),
    referred_variant_id: model.text().nullable(),
    /** Inbound only: when its reaction (reply, cart, inquiry) finished; null = still to do. */
    handled_at: model.dateTime().nullable(),
    handle_attempts: model.number().default(0),
    handle_error: model.text().nullable(),
    handle_claimed_until: model.dateTime().nullable(),
    /** Image, video, audio, document or sticker: Meta's media id and what it said of the file. */
    media_id: model.text().nullable(),
    media_mime_type: model.text().nullable(),
    media_sha256: model.text().nullable(),
    media_size: model.number().nullable(),
    media_filename: model.text().nullable(),
    /** The file in Medusa's File module. */
    media_file_id: model.text().nullable(),
    media_url: model.text().nullable(),
    /** Inbound: pending until downloaded (the `media_download` work), then stored or failed with `media_error`. */
    media_status: model.enum(["pending", "stored", "failed"]).nullable(),
    media_error: model.text().nullable(),
    media_attempts: model.number().default(0),
    media_claimed_until: model.dateTime().nullable(),
    /** Meta's `pricing` of the message, from its statuses (category, billable, pricing_model, type). */
    pricing_category: model.text().nullable(),
    pricing_billable: model.boolean().nullable(),
    pricing_model: model.text().nullable(),
    pricing_type: model.text().nullable(),
    /** Outbound sent from the WhatsApp Business app on a coexisting number (`smb_message_echoes`), not by the plugin. */
    echo: model.boolean().default(false),
    /** `context.id` of an inbound message, and our message it names once that is known. */
    reply_to_wamid: model.text().nullable(),
    reply_to_message_id: model.text().nullable(),
    forwarded: model.boolean().default(false),
    frequently_forwarded: model.boolean().default(false),
    /** An edit, revoke or reaction: the wamid it acts on, and when it was applied (null: target not here yet). */
    target_wamid: model.text().nullable(),
    applied_at: model.dateTime().nullable(),
    /** Set on the edited message: its latest edit, and every earlier text (lib/message-lifecycle). */
    edited_at: model.dateTime().nullable(),
    edits: model.json().nullable(),
    /** Deleted by its sender: the inbox hides the text, kept only for the audit route. */
    revoked_at: model.dateTime().nullable(),
    /** The customer's current reaction to this message (null: none, or removed). */
    reaction_emoji: model.text().nullable(),
    reacted_at: model.dateTime().nullable(),
    /** Click-to-WhatsApp ad or post the message came from (lib/webhook-message-context AdReferral). */
    referral: model.json().nullable(),
  })
  .indexes([
    { on: ["wamid"], unique: true, where: "wamid IS NOT NULL" },
    { on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL" },
    { on: ["status", "next_attempt_at"], where: "direction = 'outbound'" },
    { on: ["created_at"], where: "direction = 'inbound' AND handled_at IS NULL" },
    { name: "IDX_whatsapp_message_media_pending", on: ["created_at"], where: "media_status = 'pending'" },
    { on: ["target_wamid"], where: "target_wamid IS NOT NULL AND applied_at IS NULL AND deleted_at IS NULL", name: "IDX_whatsapp_message_pending_target" },
    { on: ["reply_to_wamid"], where: "reply_to_wamid IS NOT NULL AND reply_to_message_id IS NULL AND deleted_at IS NULL", name: "IDX_whatsapp_message_pending_reply" },
  ])
