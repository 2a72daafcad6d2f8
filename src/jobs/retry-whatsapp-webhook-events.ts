import { MedusaContainer } from "@medusajs/framework/types"
import { drainWebhookEvents } from "../workflows/channel/run-webhook-event"

/**
 * Retries failed webhook events whose backoff has passed and processes
 * acknowledged events that were never processed (a process killed after the
 * 200, or an event bus message lost). Claims make it safe on every instance.
 */
export default async function retryWhatsAppWebhookEvents(container: MedusaContainer) {
  await drainWebhookEvents(container)
}

export const config = {
  name: "whatsapp-retry-webhook-events",
  schedule: { interval: 5_000 },
}
