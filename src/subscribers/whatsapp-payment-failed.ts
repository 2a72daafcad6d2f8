import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules, PaymentActions, PaymentWebhookEvents } from "@medusajs/framework/utils"
import type { ProviderWebhookPayload } from "@medusajs/framework/types"
import { offerWhatsAppCheckoutRetryWorkflow } from "../workflows/orders/workflows/offer-whatsapp-checkout-retry"

/**
 * Medusa's own webhook subscriber ignores failed and expired payments; for a
 * WhatsApp cart they deserve a message with a fresh link. The provider reads
 * (and verifies) the event; anything else is left to Medusa.
 */
export default async function whatsappPaymentFailed({ event, container }: SubscriberArgs<ProviderWebhookPayload>) {
  // Medusa's own subscriber gets the same event object: read it, don't change it.
  const raw = event.data.payload?.rawData as any
  const input = { ...event.data, payload: { ...event.data.payload, rawData: raw?.type === "Buffer" ? Buffer.from(raw.data) : raw } }
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
