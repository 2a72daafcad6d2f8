import { model } from "@medusajs/framework/utils"

/**
 * The merchant's answer to a common question (shipping, returns, payment
 * methods, opening hours) in one language; the concierge sends it when a
 * customer asks. One per account, topic and language.
 */
export const WhatsappFaqAnswer = model
  .define("whatsapp_faq_answer", {
    id: model.id({ prefix: "wafaq" }).primaryKey(),
    account_id: model.text(),
    topic: model.enum(["shipping", "returns", "payment", "hours"]),
    language: model.enum(["en", "es", "pt"]),
    answer: model.text(),
  })
  .indexes([{ on: ["account_id", "topic", "language"], unique: true, where: "deleted_at IS NULL" }])
