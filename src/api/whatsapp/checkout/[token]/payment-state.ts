import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, PaymentSessionStatus } from "@medusajs/framework/utils"

export type CartPaymentState = "none" | "unpaid" | "paid"

/** How long the return page waits for the cart's lock (the webhook may hold it while it completes the cart). */
const LOCK_TIMEOUT_SECONDS = 10

/**
 * Whether the cart's payment is done, without touching the cart: the
 * newest payment session says so when Medusa already authorized it;
 * otherwise Medusa asks the session's provider (its `authorizePayment`,
 * which for this plugin's hosted providers reads the provider's page and
 * captures an approved PayPal order). Unpaid, Medusa only records the
 * provider's status on the session. Under the cart's lock, as Medusa's own
 * payment webhook workflow does, so the two never authorize twice.
 */
export async function paymentStateOfCart(scope: MedusaContainer, cartId: string): Promise<CartPaymentState> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["payment_collection.payment_sessions.id", "payment_collection.payment_sessions.status", "payment_collection.payment_sessions.created_at"],
    filters: { id: cartId },
  })
  const sessions = [...(((data[0] as any)?.payment_collection?.payment_sessions ?? []) as { id: string; status: string; created_at: string }[])]
  if (!sessions.length) return "none"
  const session = sessions.sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime())[0]
  if (session.status === PaymentSessionStatus.AUTHORIZED || session.status === PaymentSessionStatus.CAPTURED) return "paid"
  const payments = scope.resolve(Modules.PAYMENT)
  try {
    const payment = await scope.resolve(Modules.LOCKING).execute(cartId, () => payments.authorizePaymentSession(session.id, {}), { timeout: LOCK_TIMEOUT_SECONDS })
    return payment ? "paid" : "unpaid"
  } catch {
    // Medusa answers "not authorized with the provider" for a page not paid yet.
    return "unpaid"
  }
}
