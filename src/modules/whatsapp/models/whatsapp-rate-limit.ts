import { model } from "@medusajs/framework/utils"

/**
 * One pacing schedule (a business number, or a business number and one
 * customer): `tat` is the GCRA "theoretical arrival time" every instance
 * books its next send against (see lib/outbound/pacing).
 */
export const WhatsappRateLimit = model.define("whatsapp_rate_limit", {
  id: model.text().primaryKey(),
  tat: model.dateTime(),
  /** Epoch milliseconds of the last sends that passed the gate, oldest first (see passSendGate). */
  recent_sends: model.json().nullable(),
})
