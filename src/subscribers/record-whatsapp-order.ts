import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { recordWhatsAppOrderWorkflow } from "../workflows/orders/workflows/record-whatsapp-order"

/** An order from a WhatsApp cart: link it, confirm it in the chat, emit `whatsapp.checkout.completed`. */
export default async function recordWhatsAppOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  await recordWhatsAppOrderWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "whatsapp-record-order" },
}
