import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { paymentReceivedText } from "../../../lib/order-texts"
import { WhatsAppEvents } from "../../channel/workflows/process-whatsapp-webhook-event"
import { sendWhatsAppMessageWorkflow } from "../../channel/workflows/send-whatsapp-message"
import { captureWhatsAppOrderPaymentsStep, CaptureWhatsAppOrderPaymentsInput } from "../steps/capture-whatsapp-order-payments"
import { markWhatsAppCartPaidStep } from "../steps/mark-whatsapp-cart-paid"

/**
 * The admin's "mark as paid" for an order placed with a manual payment:
 * captures it in Medusa, records it on the WhatsApp cart, thanks the
 * customer and emits `whatsapp.cart.paid`. Idempotent.
 */
export const markWhatsAppCartPaidWorkflow = createWorkflow(
  "mark-whatsapp-cart-paid",
  (input: CaptureWhatsAppOrderPaymentsInput) => {
    const { checkout, display_id, captured } = captureWhatsAppOrderPaymentsStep(input)
    const marked = markWhatsAppCartPaidStep({ whatsapp_cart_id: input.whatsapp_cart_id })

    when("whatsapp-cart-newly-paid", { marked }, ({ marked }) => marked.changed).then(() => {
      sendWhatsAppMessageWorkflow.runAsStep({
        input: transform({ checkout, display_id }, ({ checkout, display_id }) => ({
          conversation_id: checkout.conversation_id,
          message: { type: "text" as const, text: { body: paymentReceivedText(checkout.language, display_id) } },
          idempotency_key: `payment-received:${checkout.id}`,
        })),
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
