import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { variantDisplayTitle } from "../../../lib/product-texts"
import type { OrderSummary } from "../../../lib/order-texts"
import { isFullyCaptured, livePayments } from "../../../lib/payments/order-payments"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { WhatsAppCartRow } from "../../../modules/whatsapp/types"
import { linesInOrderAdded } from "../../../lib/lines-in-order-added"

export type LoadedWhatsAppOrder = {
  checkout: WhatsAppCartRow | null
  order: OrderSummary & {
    id: string
    cart_id: string | null
    paid: boolean
    payment_provider_id: string | null
    customer_id: string | null
    /** The admin asked Medusa not to notify the customer about this order. */
    no_notification: boolean
  }
}

/**
 * The order with what the chat needs (lines, totals, whether the money is
 * in) and the WhatsApp cart it came from, if any: storefront orders have
 * none and are left alone.
 */
export const loadWhatsAppOrderStep = createStep("load-whatsapp-order", async (input: { order_id: string }, { container }) => {
  return new StepResponse(await loadWhatsAppOrder(container, input.order_id))
})

export async function loadWhatsAppOrder(container: MedusaContainer, orderId: string): Promise<LoadedWhatsAppOrder> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const [{ data: orders }, { data: links }] = await Promise.all([
    query.graph({
      entity: "order",
      fields: [
        "id",
        "display_id",
        "no_notification",
        "customer_id",
        "currency_code",
        "total",
        "shipping_total",
        "tax_total",
        "items.id",
        "items.created_at",
        "items.product_title",
        "items.variant_title",
        "items.title",
        "items.quantity",
        "items.total",
        "payment_collections.payments.captured_at",
        "payment_collections.payments.canceled_at",
        "payment_collections.payments.provider_id",
      ],
      filters: { id: orderId },
    }),
    query.graph({ entity: "order_cart", fields: ["cart_id"], filters: { order_id: orderId } }),
  ])
  const order = orders[0]
  if (!order) throw new Error(`Order ${orderId} not found`)
  const cartId = (links[0]?.cart_id as string | undefined) ?? null
  const payments = livePayments(order as any)
  const paid = isFullyCaptured(payments)
  const result: LoadedWhatsAppOrder = {
    checkout: cartId ? await whatsapp.findWhatsAppCart({ cart_id: cartId }) : null,
    order: {
      id: order.id,
      cart_id: cartId,
      display_id: order.display_id,
      currency: order.currency_code,
      items: linesInOrderAdded<any>(order.items).map((i: any) => ({
        title: i.product_title ? variantDisplayTitle(i.product_title, i.variant_title) : i.title,
        quantity: Number(i.quantity),
        total: Number(i.total),
      })),
      shipping_total: Number(order.shipping_total ?? 0),
      tax_total: Number(order.tax_total ?? 0),
      total: Number(order.total),
      awaiting_payment: !paid,
      paid,
      payment_provider_id: (payments[0]?.provider_id as string | undefined) ?? null,
      customer_id: (order.customer_id as string | null) ?? null,
      no_notification: !!order.no_notification,
    },
  }
  return result
}
