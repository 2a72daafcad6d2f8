import type { WhatsAppCartRow } from "../../modules/whatsapp/types"

/** `whatsapp.cart.recovered`: a cart paid after its reminder, with the revenue it brought back. */
export function recoveredEventData(
  checkout: Pick<WhatsAppCartRow, "id" | "cart_id" | "conversation_id" | "account_id" | "recovery_sent_at">,
  order: { id: string | null; total: number | null; currency: string | null }
) {
  return {
    whatsapp_cart_id: checkout.id,
    cart_id: checkout.cart_id,
    order_id: order.id,
    conversation_id: checkout.conversation_id,
    account_id: checkout.account_id,
    recovery_sent_at: checkout.recovery_sent_at,
    total: order.total,
    currency: order.currency,
  }
}
