import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendWhatsAppMessageWorkflow } from "../../channel/workflows/send-whatsapp-message"
import { PrepareCheckoutRetryInput, prepareCheckoutRetryStep } from "../steps/prepare-checkout-retry"

/**
 * A provider reported a failed or expired payment for a WhatsApp cart: the
 * customer gets one message per payment session with a fresh checkout link.
 */
export const offerWhatsAppCheckoutRetryWorkflow = createWorkflow(
  "offer-whatsapp-checkout-retry",
  (input: PrepareCheckoutRetryInput) => {
    const prepared = prepareCheckoutRetryStep(input)
    const sent = when("whatsapp-checkout-retry-due", { prepared }, ({ prepared }) => !!prepared).then(() =>
      sendWhatsAppMessageWorkflow.runAsStep({
        input: transform({ prepared, input }, ({ prepared, input }) => ({
          conversation_id: prepared!.conversation_id,
          message: prepared!.message,
          idempotency_key: `payment-retry:${input.payment_session_id}`,
        })),
      })
    )
    return new WorkflowResponse(transform({ prepared, sent }, ({ prepared, sent }) => ({
      whatsapp_cart_id: prepared?.whatsapp_cart_id ?? null,
      message_id: sent?.id ?? null,
    })))
  }
)
