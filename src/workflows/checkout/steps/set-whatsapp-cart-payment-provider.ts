import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

/** Records the provider the customer chose on the hosted page; compensation restores the earlier choice. */
export const setWhatsAppCartPaymentProviderStep = createStep(
  "set-whatsapp-cart-payment-provider",
  async (input: { id: string; provider_id: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const before = await whatsapp.retrieveWhatsappCart(input.id, { select: ["id", "payment_provider_id"] })
    await whatsapp.updateWhatsappCarts({ id: input.id, payment_provider_id: input.provider_id })
    return new StepResponse(input.provider_id, { id: input.id, payment_provider_id: before.payment_provider_id ?? null })
  },
  async (before, { container }) => {
    if (!before) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.updateWhatsappCarts(before)
  }
)
