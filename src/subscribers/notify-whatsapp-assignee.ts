import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { WhatsAppEvents } from "../events"
import { notifyWhatsAppAssigneeWorkflow } from "../workflows/inbox/workflows/notify-whatsapp-assignee"

/** Each new message from a customer tells the admin their conversation is assigned to (if any). */
export default async function notifyWhatsAppAssignee({ event, container }: SubscriberArgs<{ conversation_id: string; type: string }>) {
  await notifyWhatsAppAssigneeWorkflow(container).run({ input: { conversation_id: event.data.conversation_id, type: event.data.type } })
}

export const config: SubscriberConfig = { event: WhatsAppEvents.MESSAGE_RECEIVED, context: { subscriberId: "notify-whatsapp-assignee" } }
