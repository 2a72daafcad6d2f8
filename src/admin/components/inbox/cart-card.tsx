import { Badge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { AdminWhatsAppCartStatus as ListedCartStatus, AdminWhatsAppListedCart as ListedCart, AdminWhatsAppMessage as Message } from "../../../types/http"
import { formatMoney } from "../../lib/format-money"
import { OrderTotalLine } from "../order-total-note"

const STATUS: Record<ListedCartStatus, { label: string; color: "green" | "red" | "blue" | "orange" | "grey" | "purple" }> = {
  pending: { label: "Pending", color: "grey" },
  submitted: { label: "Submitted", color: "blue" },
  link_sent: { label: "Checkout link sent", color: "blue" },
  ordered: { label: "Ordered, awaiting payment", color: "orange" },
  paid: { label: "Paid", color: "green" },
  abandoned: { label: "Abandoned", color: "orange" },
  recovered: { label: "Recovered", color: "green" },
  rejected: { label: "Rejected", color: "red" },
}

/** The cart row made from this order message: matched by message id, or by wamid for older rows. */
export function cartForMessage(message: Message, carts: ListedCart[] | undefined) {
  return carts?.find(
    (cart) => cart.source_message_id === message.id || (!!message.wamid && cart.source_wamid === message.wamid)
  )
}

/** Issues are lists keyed by kind; any non-empty one means Medusa changed what the customer sent. */
function hasIssues(issues: ListedCart["issues"]) {
  return Object.values(issues ?? {}).some((value) => (Array.isArray(value) ? value.length > 0 : !!value))
}

type Props = { message: Message; cart: ListedCart | undefined }

/** A cart the customer submitted from the WhatsApp catalog, and what became of it in Medusa. */
export const CartCard = ({ message, cart }: Props) => {
  // Medusa's lines (titles, Medusa's prices) once the cart exists; what the customer sent until then.
  const sent = message.payload?.order?.product_items ?? []
  const items = cart?.items?.length
    ? cart.items.map((i) => ({ key: i.variant_id ?? i.title, label: i.title, mono: false, quantity: i.quantity, price: formatMoney(i.unit_price, cart.currency_code) }))
    : sent.map((i) => ({ key: i.product_retailer_id, label: i.product_retailer_id, mono: true, quantity: i.quantity, price: formatMoney(i.item_price, i.currency) }))
  const status = cart ? STATUS[cart.status] : null

  return (
    <div
      className="bg-ui-bg-base shadow-elevation-card-rest mt-2 flex flex-col gap-2 rounded-lg p-3"
      data-testid="cart-card"
      data-cart-id={cart?.id}
    >
      <div className="flex items-center justify-between gap-2">
        <Text size="small" weight="plus">Cart</Text>
        {status && (
          <Badge size="2xsmall" color={status.color} data-testid="cart-status" data-status={cart!.status}>
            {status.label}
          </Badge>
        )}
      </div>
      <ul className="flex flex-col gap-1">
        {items.map((item, index) => (
          <li key={`${item.key}-${index}`} className="flex justify-between gap-3" data-testid="cart-item">
            <Text size="xsmall" className={`truncate text-ui-fg-subtle ${item.mono ? "font-mono" : ""}`}>{item.label}</Text>
            <Text size="xsmall" className="shrink-0 text-ui-fg-subtle">
              {item.quantity} × {item.price}
            </Text>
          </li>
        ))}
        {items.length === 0 && <Text size="xsmall" className="text-ui-fg-muted">No items in the message.</Text>}
      </ul>
      {cart && (
        <div className="flex flex-col gap-1 border-t pt-2">
          {cart.total !== null && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              Medusa total: {formatMoney(cart.total, cart.currency_code)}
            </Text>
          )}
          <OrderTotalLine note={cart.order_total_note} currency={cart.currency_code} />
          {hasIssues(cart.issues) && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              Some items were adjusted (unknown, out of stock or repriced).
            </Text>
          )}
          {cart.order_id ? (
            <Link
              to={`/orders/${cart.order_id}`}
              className="txt-compact-xsmall-plus text-ui-fg-interactive hover:underline"
              data-testid="cart-order-link"
            >
              View order
            </Link>
          ) : cart.cart_id ? (
            <Text size="xsmall" className="font-mono text-ui-fg-muted" data-testid="cart-id">
              Cart {cart.cart_id}
            </Text>
          ) : null}
        </div>
      )}
    </div>
  )
}
