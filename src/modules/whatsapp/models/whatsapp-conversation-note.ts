import { model } from "@medusajs/framework/utils"

/**
 * An internal note on a conversation, written by an admin user for the team.
 * Never sent to the customer and never shown outside the admin.
 */
export const WhatsappConversationNote = model
  .define("whatsapp_conversation_note", {
    id: model.id({ prefix: "wanote" }).primaryKey(),
    conversation_id: model.text(),
    /** The Medusa admin user who wrote it. */
    author_id: model.text(),
    text: model.text(),
  })
  .indexes([{ on: ["conversation_id", "created_at"] }])
