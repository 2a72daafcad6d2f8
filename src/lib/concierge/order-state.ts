/**
 * Where an order stands, in one word the chat can say. Read from what
 * Medusa stores: the order's status and cancellation, its fulfillments'
 * shipped/delivered dates, and its payment collections' status.
 */
export type OrderState = "canceled" | "delivered" | "shipped" | "paid" | "awaiting_payment"

export type OrderFacts = {
  status?: string | null
  canceled_at?: string | Date | null
  fulfillments?: ({ shipped_at?: string | Date | null; delivered_at?: string | Date | null; canceled_at?: string | Date | null } | null)[] | null
  payment_collections?: ({ status?: string | null } | null)[] | null
}

const PAID = new Set(["authorized", "completed", "partially_captured", "captured", "partially_authorized"])

export function orderState(order: OrderFacts): OrderState {
  if (order.status === "canceled" || order.canceled_at) return "canceled"
  const live = (order.fulfillments ?? []).filter((f): f is NonNullable<typeof f> => !!f && !f.canceled_at)
  if (live.length && live.every((f) => f.delivered_at)) return "delivered"
  if (live.some((f) => f.shipped_at || f.delivered_at)) return "shipped"
  const paid = (order.payment_collections ?? []).some((p) => !!p?.status && PAID.has(p.status))
  return paid ? "paid" : "awaiting_payment"
}
