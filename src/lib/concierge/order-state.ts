import { isFullyCaptured, livePayments } from "../payments/order-payments"

/**
 * Where an order stands, in one word the chat can say. Read from what
 * Medusa stores: the order's status and cancellation, its fulfillments'
 * shipped/delivered dates, and its payments (paid = every live payment
 * captured, as the order updates count it: a manual payment is only
 * authorized until the merchant marks it paid).
 */
export type OrderState = "canceled" | "delivered" | "shipped" | "paid" | "awaiting_payment"

type When = string | Date | null | undefined

export type OrderFacts = {
  status?: string | null
  canceled_at?: When
  fulfillments?: ({ shipped_at?: When; delivered_at?: When; canceled_at?: When } | null)[] | null
  payment_collections?: ({ payments?: ({ captured_at?: When; canceled_at?: When } | null)[] | null } | null)[] | null
}

export function orderState(order: OrderFacts): OrderState {
  if (order.status === "canceled" || order.canceled_at) return "canceled"
  const live = (order.fulfillments ?? []).filter((f): f is NonNullable<typeof f> => !!f && !f.canceled_at)
  if (live.length && live.every((f) => f.delivered_at)) return "delivered"
  if (live.some((f) => f.shipped_at || f.delivered_at)) return "shipped"
  return isFullyCaptured(livePayments(order as any)) ? "paid" : "awaiting_payment"
}
