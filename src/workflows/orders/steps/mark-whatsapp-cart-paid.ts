import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

/** Records the payment on the WhatsApp cart; `changed: false` when it was already recorded. */
export const markWhatsAppCartPaidStep = createStep(
  "mark-whatsapp-cart-paid",
  async (input: { whatsapp_cart_id: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const updated = await whatsapp.markWhatsAppCartPaid(input.whatsapp_cart_id)
    return new StepResponse({ changed: !!updated, status: updated?.status ?? "paid" }, updated ? input.whatsapp_cart_id : null)
  },
  async (id, { container }) => {
    if (!id) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.unmarkWhatsAppCartPaid(id)
  }
)
