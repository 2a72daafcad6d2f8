import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { WhatsAppEvents } from "../events"
import { placeWhatsAppOrderOnSubmit } from "../workflows/orders/place-whatsapp-order-on-submit"

/** Accounts with `order_on_submit: "on"`: the submitted cart becomes an order at once (cash on delivery). */
export default async function placeWhatsAppOrderOnSubmitSubscriber({ event, container }: SubscriberArgs<{ whatsapp_cart_id: string; account_id: string }>) {
  await placeWhatsAppOrderOnSubmit(container, { whatsapp_cart_id: event.data.whatsapp_cart_id, account_id: event.data.account_id })
}

export const config: SubscriberConfig = { event: WhatsAppEvents.CART_SUBMITTED, context: { subscriberId: "place-whatsapp-order-on-submit" } }
