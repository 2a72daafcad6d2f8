import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendWhatsAppOrderUpdateWorkflow } from "../workflows/order-updates/workflows/send-whatsapp-order-update"

/** Tells a WhatsApp customer their order was cancelled. */
export default async function whatsappOrderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  await sendWhatsAppOrderUpdateWorkflow(container).run({ input: { order_id: event.data.id, update: "canceled" } })
}

export const config: SubscriberConfig = { event: "order.canceled", context: { subscriberId: "whatsapp-order-canceled" } }
