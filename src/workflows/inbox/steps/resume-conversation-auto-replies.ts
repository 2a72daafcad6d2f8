import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

/** Ends a handoff: automatic replies answer again and the run of missed searches starts over; compensation restores both. */
export const resumeConversationAutoRepliesStep = createStep(
  "resume-whatsapp-conversation-auto-replies",
  async (input: { conversation_id: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const before = await whatsapp.retrieveWhatsappConversation(input.conversation_id, { select: ["id", "handoff_at", "handoff_reason", "search_misses"] })
    await whatsapp.updateWhatsappConversations({ id: before.id, handoff_at: null, handoff_reason: null, search_misses: 0 } as any)
    return new StepResponse(null, { id: before.id, handoff_at: before.handoff_at, handoff_reason: before.handoff_reason, search_misses: before.search_misses })
  },
  async (before, { container }) => {
    if (!before) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.updateWhatsappConversations(before as any)
  }
)
