import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { WhatsAppCartRow } from "../../../modules/whatsapp/types"
import { livePayments } from "../../../lib/payments/order-payments"

export type CaptureWhatsAppOrderPaymentsInput = { whatsapp_cart_id: string; captured_by?: string }

/**
 * "Mark as paid" for a manual payment (transfer, cash on delivery): captures
 * the order's authorized payments through Medusa, so the order shows paid
 * everywhere. Payments already captured are skipped, so running it again is safe.
 */
export const captureWhatsAppOrderPaymentsStep = createStep(
  "capture-whatsapp-order-payments",
  async (input: CaptureWhatsAppOrderPaymentsInput, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const checkout = await whatsapp.findWhatsAppCart({ id: input.whatsapp_cart_id })
    if (!checkout) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `WhatsApp cart ${input.whatsapp_cart_id} was not found`)
    }
    if (!checkout.order_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "The customer has not placed the order yet (no address or shipping chosen): there is nothing to mark as paid"
      )
    }
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "total", "currency_code", "payment_collections.payments.id", "payment_collections.payments.captured_at", "payment_collections.payments.canceled_at"],
      filters: { id: checkout.order_id },
    })
    const payments = livePayments(data[0] as any)
    if (!payments.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${checkout.order_id} has no payment to capture`)
    }
    const captured: string[] = []
    for (const payment of payments.filter((p) => !p.captured_at)) {
      await capturePaymentWorkflow(container).run({ input: { payment_id: payment.id!, captured_by: input.captured_by } })
      captured.push(payment.id!)
    }
    return new StepResponse({
      checkout: checkout as WhatsAppCartRow,
      display_id: data[0].display_id as number,
      total: Number(data[0].total),
      currency: data[0].currency_code as string,
      captured,
    })
  }
)
