import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

type ReferredProduct = { message_id: string; variant_id: string | null; product_id: string | null }

/** Remembers on a product question which Medusa product it was about (shown in the inbox). */
export const recordReferredProductStep = createStep(
  "record-whatsapp-referred-product",
  async (input: ReferredProduct, { container }) => {
    if (!input.variant_id) return new StepResponse(null, null as ReferredProduct | null)
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const before = await whatsapp.setReferredProduct(input.message_id, input)
    return new StepResponse(null, { message_id: input.message_id, ...before } as ReferredProduct | null)
  },
  async (before, { container }) => {
    if (!before) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.setReferredProduct(before.message_id, before)
  }
)
