import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules, PaymentActions, PaymentWebhookEvents } from "@medusajs/framework/utils"
import type { ProviderWebhookPayload } from "@medusajs/framework/types"
import { offerWhatsAppCheckoutRetryWorkflow } from "../workflows/checkout/workflows/offer-whatsapp-checkout-retry"

/**
 * Medusa's own webhook subscriber ignores failed and expired payments; for a
 * WhatsApp cart they deserve a message with a fresh link. The provider reads
 * (and verifies) the event; anything else is left to Medusa.
 */
export default async function whatsappPaymentFailed({ event, container }: SubscriberArgs<ProviderWebhookPayload>) {
  const input = event.data
  if ((input.payload?.rawData as any)?.type === "Buffer") {
    input.payload.rawData = Buffer.from((input.payload.rawData as any).data)
  }
  let outcome
  try {
    outcome = await container.resolve(Modules.PAYMENT).getWebhookActionAndData(input)
  } catch {
    return // a bad signature: Medusa's subscriber reports it
  }
  const reason = outcome.action === PaymentActions.FAILED ? "failed" : outcome.action === PaymentActions.CANCELED ? "expired" : null
  if (!reason || !outcome.data?.session_id) return
  await offerWhatsAppCheckoutRetryWorkflow(container).run({ input: { payment_session_id: outcome.data.session_id, reason } })
}

export const config: SubscriberConfig = {
  event: PaymentWebhookEvents.WebhookReceived,
  context: { subscriberId: "whatsapp-payment-failed" },
}
