import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { WhatsAppEvents } from "../events"
import type { WorkKind } from "../modules/whatsapp/types"
import { whatsappWork } from "../workflows/work/whatsapp-work"

const KINDS_OF: Record<string, WorkKind[]> = {
  [WhatsAppEvents.WEBHOOK_EVENT_RECEIVED]: ["webhook_event"],
  // A received message may need an answer and may carry media to download.
  [WhatsAppEvents.MESSAGE_RECEIVED]: ["inbound_message", "media_download"],
  [WhatsAppEvents.MESSAGE_QUEUED]: ["outbound_message"],
}

/**
 * New work was stored (a webhook acknowledged, a message received or
 * queued): the drain takes it at once. The drain job covers what a lost
 * event or a stopped process leaves behind.
 */
export default async function drainWhatsAppWork({ event, container }: SubscriberArgs<unknown>) {
  const work = whatsappWork(container)
  for (const kind of KINDS_OF[event.name] ?? []) work.nudge(kind)
}

export const config: SubscriberConfig = {
  event: Object.keys(KINDS_OF),
  context: { subscriberId: "whatsapp-drain-work" },
}
