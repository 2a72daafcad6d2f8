import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { WhatsAppEvents } from "../workflows/channel/workflows/process-whatsapp-webhook-event"
import { handleInboundMessage } from "../workflows/selling/handle-inbound-message"

/** Answers a new incoming message: cart, product question, keyword rule, search or default reply. */
export default async function handleWhatsAppInboundMessage({ event, container }: SubscriberArgs<{ id: string }>) {
  await handleInboundMessage(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: WhatsAppEvents.MESSAGE_RECEIVED,
  context: { subscriberId: "whatsapp-handle-inbound-message" },
}
