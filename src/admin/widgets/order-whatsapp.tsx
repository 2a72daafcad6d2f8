import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { conversationContact } from "../components/inbox/inbox-format"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"
import type { AdminWhatsAppListedCart as ListedCart } from "../../types/http"
import { formatDateTime } from "../components/catalog/format"
import { CartStatusBadge } from "../components/catalog/status-badges"
import { AdBadge } from "../components/inbox/message-lifecycle"
import { useMarkWhatsAppCartPaid, useWhatsAppCarts } from "../hooks/carts"
import { useConversation } from "../hooks/conversations"
import { apiErrorMessage } from "../lib/api-error"
import { formatMoney } from "../lib/format-money"
import { OrderTotalLine } from "../components/order-total-note"

const OrderWhatsappWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading, error } = useWhatsAppCarts({ order_id: order.id, limit: 5 })
  // Most orders do not come from WhatsApp: stay invisible until we know this one does.
  if (isLoading) return null
  if (error) {
    return (
      <Container className="px-6 py-4">
        <Text size="small" className="text-ui-fg-error">Could not check for a WhatsApp cart: {apiErrorMessage(error)}</Text>
      </Container>
    )
  }
  const cart = data?.carts[0]
  if (!cart) return null
  return <WhatsappOrderCard orderId={order.id} cart={cart} />
}

const WhatsappOrderCard = ({ orderId, cart }: { orderId: string; cart: ListedCart }) => {
  const conversation = useConversation(cart.conversation_id, { poll: false })
  const markPaid = useMarkWhatsAppCartPaid()

  const onMarkPaid = () =>
    markPaid.mutate(cart.id, {
      onSuccess: () => toast.success("Payment captured; the customer is told on WhatsApp"),
      onError: (error) => toast.error("Could not mark the order as paid", { description: apiErrorMessage(error) }),
    })

  return (
    <Container className="divide-y p-0" data-testid="order-whatsapp" data-cart-status={cart.status}>
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">WhatsApp</Heading>
        <CartStatusBadge status={cart.status} />
      </div>
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Text size="small" weight="plus">Conversation</Text>
        {conversation.isLoading && <Text size="small" className="text-ui-fg-subtle">Loading…</Text>}
        {!!conversation.error && (
          <Text size="small" className="text-ui-fg-error">{apiErrorMessage(conversation.error)}</Text>
        )}
        {conversation.data && (
          <>
            <Text size="small">{conversation.data.conversation.profile_name ?? "Unknown name"}</Text>
            <Text size="small" className="text-ui-fg-subtle">{conversationContact(conversation.data.conversation)}</Text>
          </>
        )}
        <Link
          to={`/whatsapp?conversation=${encodeURIComponent(cart.conversation_id)}`}
          className="txt-compact-small text-ui-fg-interactive hover:underline"
          data-testid="order-whatsapp-conversation-link"
        >
          Open in inbox
        </Link>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Field label="Cart total">{formatMoney(cart.total, cart.currency_code)}</Field>
        {cart.order_total_note && (
          <div className="flex justify-end">
            <OrderTotalLine note={cart.order_total_note} currency={cart.currency_code} />
          </div>
        )}
        <Field label="Payment provider">{cart.payment_provider_id ?? "—"}</Field>
        {cart.referral && <Field label="Came from"><AdBadge referral={cart.referral} testId="order-ad-badge" /></Field>}
        <Field label="Paid">{cart.paid_at ? formatDateTime(cart.paid_at) : "Not yet"}</Field>
        {cart.recovery_sent_at && <Field label="Reminder sent">{formatDateTime(cart.recovery_sent_at)}</Field>}
        {cart.status === "recovered" && <Field label="Recovered">Paid after the reminder</Field>}
      </div>
      {cart.status === "ordered" && (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            The customer chose a manual payment. Mark it paid once the money has arrived.
          </Text>
          <Button
            size="small"
            variant="secondary"
            onClick={onMarkPaid}
            isLoading={markPaid.isPending}
            disabled={markPaid.isPending}
            data-testid="order-mark-paid"
          >
            Mark as paid
          </Button>
        </div>
      )}
    </Container>
  )
}

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="flex items-center justify-between gap-x-4">
    <Text size="small" className="text-ui-fg-subtle">{label}</Text>
    <Text size="small" className="text-right">{children}</Text>
  </div>
)

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderWhatsappWidget
