import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { WhatsAppEvents } from "../events"
import { WHATSAPP_MODULE } from "../modules/whatsapp"
import type WhatsAppModuleService from "../modules/whatsapp/service"

/** Sends a message as soon as it is queued; the dispatch job covers what this misses. */
export default async function dispatchWhatsAppMessage({ event, container }: SubscriberArgs<{ id: string }>) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  await whatsapp.dispatchOutboundMessage(event.data.id)
}

export const config: SubscriberConfig = {
  event: WhatsAppEvents.MESSAGE_QUEUED,
  context: { subscriberId: "whatsapp-dispatch-message" },
}
