import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

export type LinkWhatsAppOrderInput = {
  whatsapp_cart_id: string
  order_id: string
  paid: boolean
  payment_provider_id: string | null
  order_total: number
}

/** Sets the order on the WhatsApp cart; `linked: false` when an earlier run already did (then nothing else happens). */
export const linkWhatsAppOrderStep = createStep(
  "link-whatsapp-order",
  async (input: LinkWhatsAppOrderInput, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const updated = await whatsapp.linkWhatsAppOrder({
      id: input.whatsapp_cart_id,
      order_id: input.order_id,
      paid: input.paid,
      payment_provider_id: input.payment_provider_id,
      order_total: input.order_total,
    })
    return new StepResponse({ linked: !!updated, status: updated?.status ?? null }, updated ? input.whatsapp_cart_id : null)
  },
  async (linkedId, { container }) => {
    if (!linkedId) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.unlinkWhatsAppOrder(linkedId)
  }
)
