import { Badge, Button, Heading, Text } from "@medusajs/ui"
import { AdBadge } from "./message-lifecycle"
import { useEffect, useLayoutEffect, useRef, useState } from "react"
import { useWhatsAppCarts } from "../../hooks/carts"
import { useConversation, useMarkRead, useMessages } from "../../hooks/conversations"
import { CustomerLink } from "./customer-link"
import { HandoffBanner } from "./handoff-banner"
import { AssignmentControls } from "./assignment-controls"
import { NotesPanel } from "./notes-panel"
import { conversationContact, conversationName } from "./inbox-format"
import type { AdminWhatsAppAccount as InboxAccount, AdminWhatsAppConversation as Conversation } from "../../../types/http"
import { MessageBubble } from "./message-bubble"
import { OPTED_OUT_TEXT, ReplyBox, WINDOW_CLOSED_TEXT } from "./reply-box"
import { SendProductsModal } from "./send-products-modal"
import { serviceWindow, useNow } from "./window-countdown"
import { apiErrorMessage } from "../../lib/api-error"

const PAGE = 100
const MAX_MESSAGES = 500

type Props = { conversationId: string; accounts: InboxAccount[] }

export const Thread = ({ conversationId, accounts }: Props) => {
  const { data, isLoading, error } = useConversation(conversationId)
  const conversation = data?.conversation
  useMarkReadWhileOpen(conversation)

  if (isLoading) return <Text size="small" className="px-6 py-4 text-ui-fg-subtle">Loading conversation…</Text>
  // A failed poll keeps showing the last good data; only a chat never loaded shows the error.
  if (!conversation) {
    return (
      <Text size="small" className="px-6 py-4 text-ui-fg-error">
        Could not load the conversation: {error ? apiErrorMessage(error) : "not found"}
      </Text>
    )
  }
  const account = accounts.find((a) => a.id === conversation.account_id)
  return <OpenThread key={conversation.id} conversation={conversation} account={account} />
}

/**
 * Marks the chat read when it is opened and again whenever new messages
 * arrive while it stays open, so the list's unread badge doesn't come back.
 */
function useMarkReadWhileOpen(conversation: Conversation | undefined) {
  const markRead = useMarkRead()
  const lastMarked = useRef<string | null>(null)
  const id = conversation?.id
  const unread = conversation?.unread_count ?? 0
  const marker = `${id}:${conversation?.last_inbound_at}`
  useEffect(() => {
    if (!id || unread === 0 || lastMarked.current === marker) return
    lastMarked.current = marker
    // A failed request is tried again on the next poll rather than never.
    markRead.mutate(id, { onError: () => (lastMarked.current = null) })
    // markRead is a new object every render: depending on it would re-run this effect each poll.
  }, [id, unread, marker])
}

type OpenThreadProps = { conversation: Conversation; account: InboxAccount | undefined }

const OpenThread = ({ conversation, account }: OpenThreadProps) => {
  const [limit, setLimit] = useState(PAGE)
  const messages = useMessages(conversation.id, limit)
  const carts = useWhatsAppCarts(
    { conversation_id: conversation.id, limit: 200 },
    { enabled: conversation.has_cart || !!messages.data?.messages.some((m) => m.type === "order"), poll: true }
  )
  const now = useNow()
  const windowState = serviceWindow(conversation.window_closes_at, now)
  // The API pages newest first; a chat reads top to bottom.
  const ordered = [...(messages.data?.messages ?? [])].reverse()
  const newestId = ordered[ordered.length - 1]?.id
  const scroller = useStickToBottom(newestId)

  const sendProductsBlocked = conversation.opted_out
    ? OPTED_OUT_TEXT
    : !windowState.open
      ? WINDOW_CLOSED_TEXT
      : !account?.catalog_id
        ? "Connect a Meta catalog to this WhatsApp account before sending products."
        : null

  return (
    <div className="flex min-h-0 flex-1 flex-col divide-y" data-testid="thread" data-conversation-id={conversation.id}>
      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <div className="min-w-0">
          <Heading level="h2" className="truncate" data-testid="thread-name">{conversationName(conversation)}</Heading>
          <Text size="small" className="text-ui-fg-subtle" data-testid="thread-contact">
            {conversationContact(conversation)}
            {account && ` · ${account.name}`}
          </Text>
        </div>
        <div className="flex items-center gap-2">
          {conversation.first_referral && <AdBadge referral={conversation.first_referral} testId="thread-ad-badge" />}
          {conversation.opted_out && <Badge size="2xsmall" color="red">Opted out</Badge>}
          {conversation.marketing_preference === "stop" && (
            <Badge size="2xsmall" color="orange" data-testid="marketing-stopped-badge" title={conversation.marketing_preference_detail ?? undefined}>
              No marketing
            </Badge>
          )}
          <Badge
            size="2xsmall"
            color={!windowState.open ? "grey" : windowState.closingSoon ? "orange" : "green"}
            data-testid="thread-window"
          >
            {windowState.label}
          </Badge>
          <AssignmentControls conversation={conversation} />
          <SendProductsModal
            conversationId={conversation.id}
            catalogId={account?.catalog_id ?? null}
            disabledReason={sendProductsBlocked}
          />
        </div>
      </div>
      <CustomerLink conversation={conversation} />
      <HandoffBanner conversation={conversation} />
      <NotesPanel conversationId={conversation.id} />
      <div ref={scroller} className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto px-6 py-4" data-testid="message-list">
        {messages.data && messages.data.count > ordered.length && limit < MAX_MESSAGES && (
          <div className="flex justify-center">
            <Button size="small" variant="transparent" onClick={() => setLimit((l) => Math.min(l + PAGE, MAX_MESSAGES))}>
              Load older messages
            </Button>
          </div>
        )}
        {messages.isLoading && <Text size="small" className="text-ui-fg-subtle">Loading messages…</Text>}
        {messages.error && (
          <Text size="small" className="text-ui-fg-error">Could not load messages: {apiErrorMessage(messages.error)}</Text>
        )}
        {messages.data && ordered.length === 0 && (
          <Text size="small" className="py-6 text-center text-ui-fg-subtle">No messages in this conversation yet.</Text>
        )}
        {ordered.map((message) => (
          <MessageBubble key={message.id} message={message} carts={carts.data?.carts} />
        ))}
      </div>
      <ReplyBox conversation={conversation} windowOpen={windowState.open} />
    </div>
  )
}

/**
 * Scrolls to the newest message on open and when one arrives, unless the
 * merchant has scrolled up to read older ones.
 */
function useStickToBottom(newestId: string | undefined) {
  const ref = useRef<HTMLDivElement>(null)
  const nearBottom = useRef(true)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const onScroll = () => {
      nearBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80
    }
    el.addEventListener("scroll", onScroll)
    return () => el.removeEventListener("scroll", onScroll)
  }, [])
  useLayoutEffect(() => {
    const el = ref.current
    if (el && newestId && nearBottom.current) el.scrollTop = el.scrollHeight
  }, [newestId])
  return ref
}
