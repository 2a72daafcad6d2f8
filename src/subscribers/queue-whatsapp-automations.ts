import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ORDER_EVENT_TRIGGERS, WHATSAPP_EVENT_TRIGGERS } from "../lib/automations/trigger-events"
import { automationTriggerFor } from "../workflows/automations/trigger-for-event"
import { runAutomationsFor } from "../workflows/automations/enqueue-automation-runs"

/**
 * Turns the plugin's events and Medusa's order events into automation runs.
 * It books runs (one per rule and event, ever), claiming those due now in
 * the same statement; the `automation_run` work lane runs them, in the
 * background, so a slow action never holds up the event bus.
 */
export default async function queueWhatsAppAutomations({ event, container }: SubscriberArgs<Record<string, any>>) {
  const trigger = await automationTriggerFor(container, event.name, event.data ?? {})
  if (trigger) await runAutomationsFor(container, trigger)
}

export const config: SubscriberConfig = {
  event: [...Object.keys(WHATSAPP_EVENT_TRIGGERS), ...Object.keys(ORDER_EVENT_TRIGGERS)],
  context: { subscriberId: "whatsapp-queue-automations" },
}
