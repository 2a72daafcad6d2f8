import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createPaymentSessionsWorkflow } from "@medusajs/medusa/core-flows"
import { setWhatsAppCartPaymentProviderStep } from "../steps/set-whatsapp-cart-payment-provider"

export type StartWhatsAppCheckoutPaymentInput = {
  whatsapp_cart_id: string
  payment_collection_id: string
  provider_id: string
  customer_id?: string
  /** What the provider needs: return and cancel URLs, email, name, phone, locale, description. */
  data: Record<string, unknown>
}

/**
 * "Pay" on the hosted checkout page: records the chosen provider on the
 * WhatsApp cart and opens a payment session through Medusa's own
 * `createPaymentSessionsWorkflow` (nested, so a failed session undoes the
 * provider choice). A hosted provider answers with the page to send the
 * customer to (`checkout_url` in the session data); a manual one has
 * nothing to visit, and the page completes the cart next, as a storefront
 * would.
 */
export const startWhatsAppCheckoutPaymentWorkflow = createWorkflow(
  "start-whatsapp-checkout-payment",
  (input: StartWhatsAppCheckoutPaymentInput) => {
    setWhatsAppCartPaymentProviderStep(transform({ input }, ({ input }) => ({ id: input.whatsapp_cart_id, provider_id: input.provider_id })))
    const session = createPaymentSessionsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        payment_collection_id: input.payment_collection_id,
        provider_id: input.provider_id,
        customer_id: input.customer_id,
        data: input.data,
      })),
    })
    return new WorkflowResponse(
      transform({ session }, ({ session }) => ({
        payment_session_id: session.id,
        checkout_url: ((session.data as Record<string, unknown> | undefined)?.checkout_url as string | undefined) ?? null,
      }))
    )
  }
)
