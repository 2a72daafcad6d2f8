import { model } from "@medusajs/framework/utils"

/**
 * A message template's status as Meta last reported it by the
 * `message_template_status_update` webhook (APPROVED, PAUSED, DISABLED,
 * REJECTED with its reason…), per WABA, name and language. `event_at` is the
 * webhook's time: an older report never overwrites a newer one.
 */
export const WhatsappTemplateStatus = model
  .define("whatsapp_template_status", {
    id: model.id({ prefix: "watpl" }).primaryKey(),
    waba_id: model.text(),
    name: model.text(),
    language: model.text(),
    template_id: model.text().nullable(),
    status: model.text(),
    reason: model.text().nullable(),
    category: model.text().nullable(),
    /** Meta's `other_info` (title, description) sent with pauses and locks. */
    other_info: model.json().nullable(),
    event_at: model.dateTime(),
  })
  .indexes([{ on: ["waba_id", "name", "language"], unique: true, where: "deleted_at IS NULL" }])
