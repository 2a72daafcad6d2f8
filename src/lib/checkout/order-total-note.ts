/**
 * Why an order's total differs from the total of the cart the customer sent
 * from WhatsApp, for the admin: the cart is priced before delivery is chosen,
 * so the order usually adds it. Null when the two are the same (nothing to
 * explain) or there is no order yet. Amounts are compared in minor units of
 * up to 3 decimals, so float noise never reads as a difference.
 */
export type OrderTotalNote = {
  order_total: number
  /** "delivery": the difference is exactly the delivery charged; "changed": anything else (quantities, prices, taxes, discounts). */
  reason: "delivery" | "changed"
  delivery: number
}

const minor = (n: number) => Math.round(n * 1000)

export function orderTotalNote(
  cartTotal: number | null,
  order: { total: number; shipping_total: number } | null
): OrderTotalNote | null {
  if (!order || cartTotal === null || !Number.isFinite(cartTotal)) return null
  if (minor(order.total) === minor(cartTotal)) return null
  const delivery = order.shipping_total ?? 0
  const reason = delivery > 0 && minor(cartTotal) + minor(delivery) === minor(order.total) ? "delivery" : "changed"
  return { order_total: order.total, reason, delivery }
}
