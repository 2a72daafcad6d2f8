import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

/**
 * Uses the token for the logged-in customer and links its conversation to
 * them (one transaction). Unknown, used, expired or someone else's tokens
 * get one answer, so the refusal says nothing about which it was.
 */
export const confirmPhoneLinkStep = createStep(
  "confirm-whatsapp-phone-link",
  async (input: { token: string; customer_id: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const confirmed = await whatsapp.confirmPhoneLink(input.token, input.customer_id)
    if (!confirmed) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This link is not valid: it was used, expired, or was asked for by another account")
    }
    return new StepResponse({ conversation_id: confirmed.conversation_id }, confirmed)
  },
  async (confirmed, { container }) => {
    if (!confirmed) return
    await (container.resolve(WHATSAPP_MODULE) as WhatsAppModuleService).linkConversationCustomer(confirmed.conversation_id, confirmed.previous)
  }
)
