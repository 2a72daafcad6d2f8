import type { MedusaContainer } from "@medusajs/framework/types"
import { addShippingMethodToCartWorkflow, completeCartWorkflow, updateCartWorkflow } from "@medusajs/medusa/core-flows"
import { loadCart, previousAddress, regionProviders, shippingOptionsFor } from "../../api/whatsapp/checkout/[token]/checkout-view"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import { startWhatsAppCheckoutPaymentWorkflow } from "../checkout/workflows/start-whatsapp-checkout-payment"
import { recordWhatsAppOrderWorkflow } from "./workflows/record-whatsapp-order"

/** Medusa's built-in manual payment provider (cash on delivery, transfer): authorized at once, captured by "mark as paid". */
export const MANUAL_PAYMENT_PROVIDER = "pp_system_default"

export type PlacedWhatsAppOrder =
  | { status: "placed" | "existing"; order_id: string; has_street_address: boolean }
  | { status: "refused"; reason: string }

/**
 * "Order on submit" and the automation action `create_order`: completes a
 * WhatsApp cart now with manual payment, as the hosted checkout page does
 * when a customer picks cash on delivery, through the same Medusa workflows
 * run one after the other (address, delivery, payment session, completion).
 *
 * - Address: the cart keeps what it has; a proven customer's last shipping
 *   address fills an empty one (as the page prefills it). Without a street
 *   address the order is still placed: `has_street_address` tells the caller
 *   to ask for it.
 * - Delivery: the one already chosen, else the cheapest option Medusa offers
 *   for the cart's country.
 * - Idempotent: a cart with an order answers `existing` with it (Medusa's
 *   completeCartWorkflow also locks the cart and returns the order it made).
 *
 * The order is recorded at once (recordWhatsAppOrderWorkflow: linked to the
 * WhatsApp cart, confirmed in the chat), so "mark as paid" can follow
 * straight away; the `order.placed` subscriber then finds it recorded and
 * sends nothing twice (the link is made once, `where order_id is null`).
 * A cart that cannot become an order is `refused` with a reason and left as it was.
 */
export async function placeWhatsAppOrderNow(scope: MedusaContainer, whatsappCartId: string): Promise<PlacedWhatsAppOrder> {
  const whatsapp: WhatsAppModuleService = scope.resolve(WHATSAPP_MODULE)
  const checkout = await whatsapp.findWhatsAppCart({ id: whatsappCartId })
  if (!checkout) return { status: "refused", reason: `WhatsApp cart ${whatsappCartId} was not found` }
  if (!checkout.cart_id) return { status: "refused", reason: "the WhatsApp cart has no Medusa cart (nothing could be added)" }
  let cart = await loadCart(scope, checkout.cart_id)
  const hasStreet = (c: Record<string, any>) => !!c.shipping_address?.address_1
  if (checkout.order_id || cart.completed_at) {
    const { result } = await completeCartWorkflow(scope).run({ input: { id: cart.id } })
    if (!checkout.order_id) await recordWhatsAppOrderWorkflow(scope).run({ input: { order_id: result.id } })
    return { status: "existing", order_id: checkout.order_id ?? result.id, has_street_address: hasStreet(cart) }
  }
  if (!(cart.items ?? []).length) return { status: "refused", reason: "the cart is empty" }
  if (!regionProviders(cart).includes(MANUAL_PAYMENT_PROVIDER)) {
    return { status: "refused", reason: `manual payment (${MANUAL_PAYMENT_PROVIDER}) is not enabled in the cart's region` }
  }

  if (!hasStreet(cart) && checkout.proven_customer_id) {
    const stored = await previousAddress(scope, checkout.proven_customer_id)
    if (stored?.address_1 && (!cart.shipping_address?.country_code || stored.country_code === cart.shipping_address.country_code)) {
      const { email, ...address } = stored
      const shipping = Object.fromEntries(Object.entries(address).filter(([, v]) => v))
      await updateCartWorkflow(scope).run({
        input: { id: cart.id, ...(email && !cart.email ? { email } : {}), shipping_address: shipping, billing_address: shipping },
      })
      cart = await loadCart(scope, cart.id)
    }
  }

  const needsDelivery = (cart.items ?? []).some((i: any) => i.requires_shipping !== false)
  if (needsDelivery && !cart.shipping_methods?.length) {
    const options = await shippingOptionsFor(scope, cart)
    if (!options.length) return { status: "refused", reason: "Medusa offers no delivery option for the cart's country" }
    const cheapest = options.reduce((best, o) => (o.amount < best.amount ? o : best))
    await addShippingMethodToCartWorkflow(scope).run({ input: { cart_id: cart.id, options: [{ id: cheapest.id }] } })
    cart = await loadCart(scope, cart.id)
  }

  await startWhatsAppCheckoutPaymentWorkflow(scope).run({
    input: {
      whatsapp_cart_id: checkout.id,
      payment_collection_id: cart.payment_collection.id,
      provider_id: MANUAL_PAYMENT_PROVIDER,
      customer_id: cart.customer_id ?? undefined,
      data: {},
    },
  })
  const { result } = await completeCartWorkflow(scope).run({ input: { id: cart.id } })
  await recordWhatsAppOrderWorkflow(scope).run({ input: { order_id: result.id } })
  return { status: "placed", order_id: result.id, has_street_address: hasStreet(cart) }
}
