import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

/** Stores an internal note (a trigger marks its conversation changed for the inbox); compensation deletes it. */
export const createConversationNoteStep = createStep(
  "create-whatsapp-conversation-note",
  async (input: { conversation_id: string; author_id: string; text: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.retrieveWhatsappConversation(input.conversation_id, { select: ["id"] })
    const note = await whatsapp.createWhatsappConversationNotes(input)
    return new StepResponse(note, note.id)
  },
  async (id, { container }) => {
    if (!id) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.deleteWhatsappConversationNotes(id)
  }
)
