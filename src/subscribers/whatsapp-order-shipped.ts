import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendWhatsAppOrderUpdateWorkflow } from "../workflows/order-updates/workflows/send-whatsapp-order-update"

/** A shipment with its tracking numbers, for orders that came from WhatsApp (unless the admin unticked "notify"). */
export default async function whatsappOrderShipped({ event, container }: SubscriberArgs<{ id: string; no_notification?: boolean }>) {
  if (event.data.no_notification) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order_fulfillment", fields: ["order_id"], filters: { fulfillment_id: event.data.id } })
  const orderId = (data[0] as { order_id?: string } | undefined)?.order_id
  if (!orderId) return
  await sendWhatsAppOrderUpdateWorkflow(container).run({ input: { order_id: orderId, update: "shipped", fulfillment_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "shipment.created", context: { subscriberId: "whatsapp-order-shipped" } }
