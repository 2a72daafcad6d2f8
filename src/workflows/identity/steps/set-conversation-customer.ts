import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { CustomerLink } from "../../../modules/whatsapp/types"

/** Sets or clears a conversation's customer link; compensation puts the previous one back. */
export const setConversationCustomerStep = createStep(
  "set-whatsapp-conversation-customer",
  async (input: { conversation_id: string; link: CustomerLink }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const written = await whatsapp.linkConversationCustomer(input.conversation_id, input.link)
    if (!written) throw new MedusaError(MedusaError.Types.NOT_FOUND, `WhatsApp conversation ${input.conversation_id} was not found`)
    return new StepResponse(written.current, { conversation_id: input.conversation_id, previous: written.previous })
  },
  async (compensation, { container }) => {
    if (!compensation) return
    await (container.resolve(WHATSAPP_MODULE) as WhatsAppModuleService).linkConversationCustomer(compensation.conversation_id, compensation.previous)
  }
)
