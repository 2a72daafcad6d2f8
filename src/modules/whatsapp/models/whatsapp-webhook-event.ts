import { model } from "@medusajs/framework/utils"

/**
 * A webhook POST exactly as received, written before the HTTP 200 so nothing
 * Meta considers delivered is ever lost. Processing happens later, from here.
 */
export const WhatsappWebhookEvent = model
  .define("whatsapp_webhook_event", {
    id: model.id({ prefix: "waevt" }).primaryKey(),
    /** The body's exact bytes: as text (every body Meta sends), or base64 when they are not UTF-8 text without NUL. */
    raw_body: model.text(),
    raw_body_encoding: model.enum(["utf8", "base64"]).default("utf8"),
    received_at: model.dateTime(),
    status: model
      .enum(["pending", "processed", "failed", "ignored"])
      .default("pending"),
    processed_at: model.dateTime().nullable(),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    last_error: model.text().nullable(),
    /** Set while one worker processes the event; expires if that worker dies. */
    locked_until: model.dateTime().nullable(),
    /** Phone number ids the payload was addressed to, for the admin list. */
    phone_number_ids: model.json().nullable(),
  })
  .indexes([{ on: ["status", "next_attempt_at"] }, { on: ["status", "received_at"] }])
