import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WhatsAppEvents } from "../../../events"
import { sendWhatsAppOrderUpdateWorkflow } from "../../order-updates/workflows/send-whatsapp-order-update"
import { recoveredEventData } from "../recovered-event"
import { captureWhatsAppOrderPaymentsStep, CaptureWhatsAppOrderPaymentsInput } from "../steps/capture-whatsapp-order-payments"
import { markWhatsAppCartPaidStep } from "../steps/mark-whatsapp-cart-paid"

/**
 * The admin's "mark as paid" for an order placed with a manual payment:
 * captures it in Medusa, records it on the WhatsApp cart, thanks the
 * customer (the `paid` order update) and emits `whatsapp.cart.paid`, plus
 * `whatsapp.cart.recovered` after a reminder. Idempotent.
 */
export const markWhatsAppCartPaidWorkflow = createWorkflow(
  "mark-whatsapp-cart-paid",
  (input: CaptureWhatsAppOrderPaymentsInput) => {
    const { checkout, total, currency, captured } = captureWhatsAppOrderPaymentsStep(input)
    const marked = markWhatsAppCartPaidStep({ whatsapp_cart_id: input.whatsapp_cart_id })

    when("whatsapp-cart-newly-paid", { marked }, ({ marked }) => marked.changed).then(() => {
      sendWhatsAppOrderUpdateWorkflow.runAsStep({
        input: transform({ checkout }, ({ checkout }) => ({ order_id: checkout.order_id!, update: "paid" as const })),
      })
      emitEventStep({
        eventName: WhatsAppEvents.CART_PAID,
        data: transform({ checkout, marked }, ({ checkout, marked }) => ({
          whatsapp_cart_id: checkout.id,
          order_id: checkout.order_id,
          conversation_id: checkout.conversation_id,
          account_id: checkout.account_id,
          status: marked.status,
        })),
      }).config({ name: "emit-whatsapp-cart-paid" })
      emitEventStep({
        eventName: WhatsAppEvents.CART_RECOVERED,
        data: transform({ checkout, marked, total, currency }, ({ checkout, marked, total, currency }) =>
          marked.status === "recovered" ? [recoveredEventData(checkout, { id: checkout.order_id, total, currency })] : []
        ),
      }).config({ name: "emit-whatsapp-cart-recovered" })
    })

    return new WorkflowResponse(
      transform({ checkout, captured, marked }, ({ checkout, captured, marked }) => ({
        whatsapp_cart_id: checkout.id,
        order_id: checkout.order_id,
        captured_payment_ids: captured,
        already_paid: !marked.changed,
      }))
    )
  }
)
