/** What an order's payments say, read from `payment_collections.payments` of a query.graph order. */
type PaymentLike = { id?: string; captured_at?: unknown; canceled_at?: unknown; provider_id?: string } | null | undefined
type OrderLike = { payment_collections?: ({ payments?: PaymentLike[] | null } | null)[] | null }

/** The order's payments that were not canceled. */
export function livePayments<P extends PaymentLike>(order: OrderLike | null | undefined): NonNullable<P>[] {
  return (order?.payment_collections ?? []).flatMap((pc) => (pc?.payments ?? []) as P[]).filter((p): p is NonNullable<P> => !!p && !p.canceled_at)
}

/** Paid means every live payment captured: an order placed with a manual payment is only authorized. */
export function isFullyCaptured(payments: PaymentLike[]): boolean {
  return payments.length > 0 && payments.every((p) => !!p?.captured_at)
}
