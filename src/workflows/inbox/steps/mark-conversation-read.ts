import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

/** Sets a conversation's unread count to zero; compensation puts the count back. */
export const markConversationReadStep = createStep(
  "mark-whatsapp-conversation-read",
  async (input: { conversation_id: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const before = await whatsapp.retrieveWhatsappConversation(input.conversation_id, { select: ["id", "unread_count"] })
    await whatsapp.updateWhatsappConversations({ id: before.id, unread_count: 0 } as any)
    return new StepResponse(null, { id: before.id, unread_count: before.unread_count })
  },
  async (before, { container }) => {
    if (!before) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.updateWhatsappConversations({ id: before.id, unread_count: before.unread_count } as any)
  }
)
