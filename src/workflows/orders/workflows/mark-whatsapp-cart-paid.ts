import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { WhatsAppEvents } from "../../../events"
import { sendWhatsAppOrderUpdateWorkflow } from "../../order-updates/workflows/send-whatsapp-order-update"
import { recoveredEventData } from "../recovered-event"
import { CaptureWhatsAppOrderPaymentsInput, loadWhatsAppOrderPaymentStep } from "../steps/load-whatsapp-order-payment"
import { markWhatsAppCartPaidStep } from "../steps/mark-whatsapp-cart-paid"

/**
 * The admin's "mark as paid" for an order placed with a manual payment:
 * captures it in Medusa (its `capturePaymentWorkflow`, nested), records it on the WhatsApp cart, thanks the
 * customer (the `paid` order update) and emits `whatsapp.cart.paid`, plus
 * `whatsapp.cart.recovered` after a reminder. Idempotent.
 */
export const markWhatsAppCartPaidWorkflow = createWorkflow(
  "mark-whatsapp-cart-paid",
  (input: CaptureWhatsAppOrderPaymentsInput) => {
    const { checkout, total, currency, payment_id } = loadWhatsAppOrderPaymentStep(input)
    when("whatsapp-order-payment-uncaptured", { payment_id }, ({ payment_id }) => !!payment_id).then(() => {
      capturePaymentWorkflow.runAsStep({
        input: transform({ payment_id, input }, ({ payment_id, input }) => ({ payment_id: payment_id!, captured_by: input.captured_by })),
      })
    })
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
      transform({ checkout, payment_id, marked }, ({ checkout, payment_id, marked }) => ({
        whatsapp_cart_id: checkout.id,
        order_id: checkout.order_id,
        captured_payment_ids: payment_id ? [payment_id] : [],
        already_paid: !marked.changed,
      }))
    )
  }
)
