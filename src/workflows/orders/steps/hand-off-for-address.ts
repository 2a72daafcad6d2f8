import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

/**
 * The customer's next message is their address, not a search: automatic
 * replies pause (handoff `address_needed`) until an admin has entered it on
 * the order and resumes them. A conversation already handed off keeps its
 * reason. Compensation restores the previous state.
 */
export const handOffForAddressStep = createStep(
  "hand-off-whatsapp-conversation-for-address",
  async (input: { conversation_id: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const before = await whatsapp.retrieveWhatsappConversation(input.conversation_id, { select: ["id", "handoff_at", "handoff_reason"] })
    if (before.handoff_at) return new StepResponse(false, null)
    await whatsapp.updateWhatsappConversations({ id: before.id, handoff_at: new Date(), handoff_reason: "address_needed" } as any)
    return new StepResponse(true, { id: before.id })
  },
  async (handedOff, { container }) => {
    if (!handedOff) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.updateWhatsappConversations({ id: handedOff.id, handoff_at: null, handoff_reason: null } as any)
  }
)
