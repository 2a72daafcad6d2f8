import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../modules/whatsapp"
import type WhatsAppModuleService from "../modules/whatsapp/service"
import { markWhatsAppCartPaidWorkflow } from "../workflows/orders/workflows/mark-whatsapp-cart-paid"

/**
 * A payment captured anywhere in Medusa (the order page's own "capture"
 * button included) marks the order's WhatsApp cart paid. Captures that happen
 * before the order exists (hosted pages) are recorded when the order is placed.
 */
export default async function whatsappPaymentCaptured({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "payment_collection.order.id"],
    filters: { id: event.data.id },
  })
  const orderId = (data[0] as any)?.payment_collection?.order?.id
  if (!orderId) return
  const checkout = await whatsapp.findWhatsAppCart({ order_id: orderId })
  if (!checkout || checkout.paid_at) return
  await markWhatsAppCartPaidWorkflow(container).run({ input: { whatsapp_cart_id: checkout.id } })
}

export const config: SubscriberConfig = {
  event: PaymentEvents.CAPTURED,
  context: { subscriberId: "whatsapp-payment-captured" },
}
