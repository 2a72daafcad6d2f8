import { model } from "@medusajs/framework/utils"

/**
 * What one recovery step did for one cart (unique per cart and step): the
 * reminder it queued, or why none, the promotion code it offered, and when
 * the customer opened the link after it. The per-step figures count these.
 */
export const WhatsappRecoveryStep = model
  .define("whatsapp_recovery_step", {
    id: model.id({ prefix: "warecstep" }).primaryKey(),
    whatsapp_cart_id: model.text(),
    account_id: model.text(),
    step: model.number(),
    message_id: model.text().nullable(),
    /** `superseded` when a later step fell due at the same time and was sent instead. */
    skipped_reason: model.text().nullable(),
    promotion_code: model.text().nullable(),
    decided_at: model.dateTime(),
    clicked_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["whatsapp_cart_id", "step"], unique: true, where: "deleted_at IS NULL" },
    { on: ["account_id", "decided_at"] },
  ])
