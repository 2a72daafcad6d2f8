import { Text } from "@medusajs/ui"
import type { OrderTotalNote } from "../../lib/checkout/order-total-note"
import { formatMoney } from "../lib/format-money"

/**
 * The order's total under the cart's, only when they differ, with why: the
 * cart is priced before the customer chooses delivery at checkout.
 */
export const OrderTotalLine = ({ note, currency }: { note: OrderTotalNote | null | undefined; currency: string | null }) => {
  if (!note) return null
  const why = note.reason === "delivery" ? `delivery ${formatMoney(note.delivery, currency)} added at checkout` : "the cart changed at checkout"
  return (
    <Text size="xsmall" className="text-ui-fg-subtle" data-testid="order-total-note" data-reason={note.reason}>
      Order total: {formatMoney(note.order_total, currency)} ({why})
    </Text>
  )
}
