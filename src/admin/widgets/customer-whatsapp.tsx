import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { conversationContact } from "../components/inbox/inbox-format"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatDateTime } from "../components/catalog/format"
import { useConversations } from "../hooks/conversations"
import { apiErrorMessage } from "../lib/api-error"

const CustomerWhatsappWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, error } = useConversations({ customer_id: customer.id }, 20, { poll: false })
  // Nothing to show for customers who never wrote on WhatsApp, so no placeholder while checking.
  if (isLoading) return null
  if (error) {
    return (
      <Container className="px-6 py-4">
        <Text size="small" className="text-ui-fg-error">Could not load WhatsApp conversations: {apiErrorMessage(error)}</Text>
      </Container>
    )
  }
  const conversations = data?.conversations ?? []
  if (!conversations.length) return null

  return (
    <Container className="divide-y p-0" data-testid="customer-whatsapp">
      <div className="px-6 py-4">
        <Heading level="h2">WhatsApp</Heading>
      </div>
      {conversations.map((conversation) => (
        <div key={conversation.id} className="flex items-center justify-between gap-x-4 px-6 py-4">
          <div>
            <Text size="small" weight="plus">
              {conversation.profile_name ?? "Unknown name"}
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              {conversationContact(conversation)} · last message {formatDateTime(conversation.last_message_at)}
            </Text>
          </div>
          <div className="flex items-center gap-x-3">
            {conversation.unread_count > 0 && (
              <Badge color="blue" size="2xsmall">
                {conversation.unread_count} unread
              </Badge>
            )}
            <Link
              to={`/whatsapp?conversation=${encodeURIComponent(conversation.id)}`}
              className="txt-compact-small text-ui-fg-interactive hover:underline"
              data-testid="customer-whatsapp-conversation-link"
              data-conversation-id={conversation.id}
            >
              Open in inbox
            </Link>
          </div>
        </div>
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerWhatsappWidget
