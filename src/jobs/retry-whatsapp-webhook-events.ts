import { MedusaContainer } from "@medusajs/framework/types"
import { WHATSAPP_MODULE } from "../modules/whatsapp"
import type WhatsAppModuleService from "../modules/whatsapp/service"
import { listDueWebhookEvents } from "../modules/whatsapp/sql/webhook-events"
import { runWebhookEventProcessing } from "../workflows/channel/run-webhook-event"

/** Acknowledged events nobody picked up within this long are taken over (their worker died). */
const STALE_PENDING_MS = 15_000

/**
 * Retries failed webhook events whose backoff has passed and processes
 * acknowledged events that were never processed (a process killed after the
 * 200). Claims make it safe to run on every instance.
 */
export default async function retryWhatsAppWebhookEvents(container: MedusaContainer) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  for (;;) {
    const ids = await listDueWebhookEvents(whatsapp.sql, STALE_PENDING_MS, 100)
    for (const id of ids) {
      await runWebhookEventProcessing(container, id)
    }
    if (ids.length < 100) return
  }
}

export const config = {
  name: "whatsapp-retry-webhook-events",
  schedule: { interval: 5_000 },
}
