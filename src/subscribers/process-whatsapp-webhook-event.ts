import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { WhatsAppEvents } from "../events"
import { drainWebhookEvents } from "../workflows/channel/run-webhook-event"

/** Processes webhook POSTs right after they were stored and acknowledged (in batches under load). */
export default async function processWhatsAppWebhookEvent({ container }: SubscriberArgs<{ id: string }>) {
  await drainWebhookEvents(container)
}

export const config: SubscriberConfig = {
  event: WhatsAppEvents.WEBHOOK_EVENT_RECEIVED,
  context: { subscriberId: "whatsapp-process-webhook-event" },
}
