import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { runWebhookEventProcessing } from "../workflows/channel/run-webhook-event"

/** Processes a webhook POST right after it was stored and acknowledged. */
export default async function processWhatsAppWebhookEvent({ event, container }: SubscriberArgs<{ id: string }>) {
  await runWebhookEventProcessing(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: "whatsapp.webhook_event.received",
  context: { subscriberId: "whatsapp-process-webhook-event" },
}
