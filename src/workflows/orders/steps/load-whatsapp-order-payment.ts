import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { WhatsAppCartRow } from "../../../modules/whatsapp/types"
import { livePayments } from "../../../lib/payments/order-payments"

export type CaptureWhatsAppOrderPaymentsInput = { whatsapp_cart_id: string; captured_by?: string }

/**
 * What "mark as paid" captures: the order's one uncaptured payment (a
 * manual payment: transfer, cash on delivery), or none when it was captured
 * already, so running it again is safe. Reads only; the workflow captures
 * through Medusa's `capturePaymentWorkflow`.
 */
export const loadWhatsAppOrderPaymentStep = createStep(
  "load-whatsapp-order-payment",
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
    const uncaptured = payments.filter((p) => !p.captured_at).map((p) => p.id!)
    if (uncaptured.length > 1) {
      // A WhatsApp checkout makes one payment; several come from elsewhere and are captured one by one in the order page.
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${checkout.order_id} has ${uncaptured.length} payments to capture: capture them on the order page`)
    }
    return new StepResponse({
      checkout: checkout as WhatsAppCartRow,
      display_id: data[0].display_id as number,
      total: Number(data[0].total),
      currency: data[0].currency_code as string,
      payment_id: uncaptured[0] ?? null,
    })
  }
)
