import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Container, Heading, Select, Text } from "@medusajs/ui"
import { Link, useSearchParams } from "react-router-dom"
import { ConversationList } from "../../components/inbox/conversation-list"
import { useWhatsAppAccounts } from "../../hooks/accounts"
import { Thread } from "../../components/inbox/thread"
import { apiErrorMessage } from "../../lib/api-error"

const ALL_ACCOUNTS = "all"

/**
 * The WhatsApp inbox: conversations on the left, the open one on the right.
 * The open conversation (and the account filter) live in the URL, so other
 * pages can link to /app/whatsapp?conversation=<id>.
 */
const WhatsAppInboxPage = () => {
  const [searchParams, setSearchParams] = useSearchParams()
  const selectedId = searchParams.get("conversation")
  const accountId = searchParams.get("account") ?? undefined
  const accounts = useWhatsAppAccounts()
  const accountList = accounts.data?.accounts ?? []

  const setParam = (key: string, value: string | null) =>
    setSearchParams((current) => {
      const next = new URLSearchParams(current)
      if (value) next.set(key, value)
      else next.delete(key)
      return next
    })

  return (
    <Container className="flex flex-col divide-y p-0" data-testid="whatsapp-inbox">
      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <div>
          <Heading level="h1">WhatsApp inbox</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Chats with customers, their carts and questions. Updates every few seconds.
          </Text>
        </div>
        {accountList.length > 1 && (
          <div className="w-56">
            <Select
              size="small"
              value={accountId ?? ALL_ACCOUNTS}
              onValueChange={(value) => setParam("account", value === ALL_ACCOUNTS ? null : value)}
            >
              <Select.Trigger data-testid="account-filter">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL_ACCOUNTS}>All numbers</Select.Item>
                {accountList.map((account) => (
                  <Select.Item key={account.id} value={account.id}>
                    {account.name}
                    {account.display_phone_number ? ` (${account.display_phone_number})` : ""}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        )}
      </div>
      {accounts.error && (
        <Text size="small" className="px-6 py-4 text-ui-fg-error">
          Could not load WhatsApp accounts: {apiErrorMessage(accounts.error)}
        </Text>
      )}
      {accounts.data && accountList.length === 0 ? (
        <div className="px-6 py-10 text-center" data-testid="inbox-no-account">
          <Text size="small" className="text-ui-fg-subtle">
            No WhatsApp number is connected yet.{" "}
            <Link to="/settings/whatsapp" className="text-ui-fg-interactive hover:underline">
              Connect one in Settings
            </Link>
            .
          </Text>
        </div>
      ) : (
        // A fixed-height split so the list and the thread scroll on their own.
        <div className="grid h-[calc(100vh-11rem)] min-h-[520px] grid-cols-[320px_minmax(0,1fr)] divide-x" data-testid="inbox-split">
          <ConversationList
            accountId={accountId}
            selectedId={selectedId}
            onSelect={(id) => setParam("conversation", id)}
          />
          <div className="flex min-h-0 flex-col">
            {selectedId ? (
              <Thread key={selectedId} conversationId={selectedId} accounts={accountList} />
            ) : (
              <div className="flex flex-1 items-center justify-center px-6" data-testid="thread-empty">
                <Text size="small" className="text-ui-fg-subtle">Select a conversation to read and reply.</Text>
              </div>
            )}
          </div>
        </div>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "WhatsApp",
  icon: ChatBubbleLeftRight,
})

export default WhatsAppInboxPage
