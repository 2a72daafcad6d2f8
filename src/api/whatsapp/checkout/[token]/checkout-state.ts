import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { SupportedLanguage } from "../../../../lib/account-settings"
import { isFullyCaptured, livePayments } from "../../../../lib/payments/order-payments"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import type { WhatsAppCartRow } from "../../../../modules/whatsapp/types"

export type PlacedOrder = { id: string; display_id: number; total: number; currency: string; awaiting_payment: boolean }

export type CheckoutState =
  | { kind: "invalid"; lang: SupportedLanguage }
  | { kind: "expired"; lang: SupportedLanguage }
  | { kind: "ordered"; lang: SupportedLanguage; checkout: WhatsAppCartRow; order: PlacedOrder }
  | { kind: "open"; lang: SupportedLanguage; checkout: WhatsAppCartRow & { cart_id: string }; token: string }

/**
 * What a checkout link leads to: nothing (bad or unknown token), an expired
 * link, an order already placed for the cart, or a cart to pay. The token
 * proves the link; the database says whether the cart is still payable.
 */
export async function resolveCheckout(scope: MedusaContainer, token: string): Promise<CheckoutState> {
  const whatsapp: WhatsAppModuleService = scope.resolve(WHATSAPP_MODULE)
  const check = whatsapp.verifyCheckoutToken(token)
  // An expired token is still authentic: it may lead to an order already placed.
  const id = check.ok || check.reason === "expired" ? check.id : undefined
  const checkout = id ? await whatsapp.findWhatsAppCart({ id }) : null
  const lang = checkout?.language ?? "en"
  if (!checkout || !checkout.cart_id) return { kind: "invalid", lang }

  const order = await placedOrder(scope, checkout.cart_id)
  if (order) return { kind: "ordered", lang, checkout, order }
  if (!check.ok) return { kind: "expired", lang }
  return { kind: "open", lang, checkout: checkout as WhatsAppCartRow & { cart_id: string }, token }
}

/** The order made from the cart, whether or not `order.placed` has been handled yet. */
export async function placedOrder(scope: MedusaContainer, cartId: string): Promise<PlacedOrder | null> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
  const orderId = links[0]?.order_id as string | undefined
  if (!orderId) return null
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "total", "currency_code", "payment_collections.payments.captured_at", "payment_collections.payments.canceled_at"],
    filters: { id: orderId },
  })
  const order = data[0] as any
  if (!order) return null
  return {
    id: order.id,
    display_id: order.display_id,
    total: Number(order.total),
    currency: order.currency_code,
    awaiting_payment: !isFullyCaptured(livePayments(order)),
  }
}
