import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { WhatsAppEvents } from "../events"
import type { WorkKind } from "../modules/whatsapp/types"
import { whatsappWork } from "../workflows/work/whatsapp-work"

const KIND_OF: Record<string, WorkKind> = {
  [WhatsAppEvents.WEBHOOK_EVENT_RECEIVED]: "webhook_event",
  [WhatsAppEvents.MESSAGE_RECEIVED]: "inbound_message",
  [WhatsAppEvents.MESSAGE_QUEUED]: "outbound_message",
}

/**
 * New work was stored (a webhook acknowledged, a message received or
 * queued): the drain takes it at once. The drain job covers what a lost
 * event or a stopped process leaves behind.
 */
export default async function drainWhatsAppWork({ event, container }: SubscriberArgs<unknown>) {
  whatsappWork(container).nudge(KIND_OF[event.name])
}

export const config: SubscriberConfig = {
  event: Object.keys(KIND_OF),
  context: { subscriberId: "whatsapp-drain-work" },
}
