import { Badge, Button, Input, Select, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { conversationQuery, type ConversationFilters } from "../../hooks/conversations"
import { useCurrentUser, useLiveConversations } from "../../hooks/team-inbox"
import { useDebouncedValue } from "../../lib/use-debounced-value"
import { conversationName, shortTime } from "./inbox-format"
import type { AdminWhatsAppConversation as Conversation } from "../../../types/http"
import { serviceWindow, useNow } from "./window-countdown"
import { apiErrorMessage } from "../../lib/api-error"

const PAGE = 50

type Props = {
  accountId?: string
  selectedId: string | null
  onSelect: (id: string) => void
}

type FlagFilter = "unread" | "has_cart" | "inquiry" | "handoff"
const FILTERS: { key: FlagFilter; label: string; testId: string }[] = [
  { key: "unread", label: "Unread", testId: "filter-unread" },
  { key: "has_cart", label: "Has cart", testId: "filter-cart" },
  { key: "inquiry", label: "Question", testId: "filter-question" },
  { key: "handoff", label: "Needs a person", testId: "filter-handoff" },
]

type Assigned = "me" | "none" | "all"
const VIEWS: { key: Assigned; label: string }[] = [
  { key: "me", label: "Mine" },
  { key: "none", label: "Unassigned" },
  { key: "all", label: "All" },
]
const ANY_STATUS = "any"

export const ConversationList = ({ accountId, selectedId, onSelect }: Props) => {
  const [flags, setFlags] = useState<Record<FlagFilter, boolean>>({ unread: false, has_cart: false, inquiry: false, handoff: false })
  const [assigned, setAssigned] = useState<Assigned>("all")
  const [status, setStatus] = useState<"open" | "closed" | typeof ANY_STATUS>("open")
  const [search, setSearch] = useState("")
  const q = useDebouncedValue(search.trim(), 300)
  const [limit, setLimit] = useState(PAGE)
  const me = useCurrentUser().data?.user.id
  const filters: ConversationFilters = {
    account_id: accountId,
    ...flags,
    assigned: assigned === "all" ? undefined : assigned,
    status: status === ANY_STATUS ? undefined : status,
    q: q.length >= 2 ? q : undefined,
  }
  // "Mine" is filed by the admin's own id; until it is known, a change reloads the list instead.
  const view =
    assigned === "me" && !me
      ? null
      : { account_id: accountId, ...flags, assigned_to: assigned === "all" ? undefined : assigned === "none" ? "none" : me, status: filters.status }
  const { data, isLoading, error } = useLiveConversations(conversationQuery(filters, limit), view)
  const now = useNow()
  const filtered = Object.values(flags).some(Boolean) || assigned !== "all" || status !== ANY_STATUS || !!filters.q

  return (
    <div className="flex min-h-0 flex-col divide-y" data-testid="conversation-list">
      <div className="flex flex-col gap-2 px-4 py-3">
        <Input
          size="small"
          type="search"
          placeholder="Search name, phone, @username or message"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="inbox-search"
        />
        <div className="flex items-center gap-2">
          <div className="flex gap-1" role="group" aria-label="Assigned to">
            {VIEWS.map(({ key, label }) => (
              <Button
                key={key}
                size="small"
                variant={assigned === key ? "primary" : "transparent"}
                aria-pressed={assigned === key}
                data-testid={`view-${key}`}
                onClick={() => setAssigned(key)}
              >
                {label}
              </Button>
            ))}
          </div>
          <div className="ml-auto w-28">
            <Select size="small" value={status} onValueChange={(value) => setStatus(value as typeof status)}>
              <Select.Trigger data-testid="status-filter">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="open">Open</Select.Item>
                <Select.Item value="closed">Closed</Select.Item>
                <Select.Item value={ANY_STATUS}>Any status</Select.Item>
              </Select.Content>
            </Select>
          </div>
        </div>
      </div>
      <div className="flex flex-wrap gap-2 px-4 py-3">
        {FILTERS.map(({ key, label, testId }) => (
          <Button
            key={key}
            size="small"
            variant={flags[key] ? "primary" : "secondary"}
            aria-pressed={flags[key]}
            data-testid={testId}
            onClick={() => setFlags((current) => ({ ...current, [key]: !current[key] }))}
          >
            {label}
          </Button>
        ))}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {isLoading && <Text size="small" className="px-4 py-3 text-ui-fg-subtle">Loading conversations…</Text>}
        {error && (
          <Text size="small" className="px-4 py-3 text-ui-fg-error">
            Could not load conversations: {apiErrorMessage(error)}
          </Text>
        )}
        {data && data.conversations.length === 0 && (
          <Text size="small" className="px-4 py-6 text-center text-ui-fg-subtle" data-testid="conversations-empty">
            {filtered ? "No conversations match these filters." : "No conversations yet. They appear when a customer writes."}
          </Text>
        )}
        <ul className="divide-y">
          {data?.conversations.map((conversation) => (
            <ConversationRow
              key={conversation.id}
              conversation={conversation}
              now={now}
              selected={conversation.id === selectedId}
              onSelect={onSelect}
            />
          ))}
        </ul>
        {data && data.count > data.conversations.length && (
          <div className="px-4 py-3">
            <Button size="small" variant="transparent" onClick={() => setLimit((l) => Math.min(l + PAGE, 200))}>
              Load more
            </Button>
          </div>
        )}
      </div>
    </div>
  )
}

type RowProps = { conversation: Conversation; now: number; selected: boolean; onSelect: (id: string) => void }

const ConversationRow = ({ conversation, now, selected, onSelect }: RowProps) => {
  const windowState = serviceWindow(conversation.window_closes_at, now)
  const unread = conversation.unread_count > 0
  return (
    <li>
      <button
        type="button"
        data-testid="conversation-row"
        data-conversation-id={conversation.id}
        aria-current={selected ? "true" : undefined}
        onClick={() => onSelect(conversation.id)}
        className={clx(
          "flex w-full flex-col gap-1.5 px-4 py-3 text-left transition-colors hover:bg-ui-bg-base-hover",
          selected && "bg-ui-bg-highlight hover:bg-ui-bg-highlight-hover"
        )}
      >
        <div className="flex items-center justify-between gap-2">
          <Text size="small" weight={unread ? "plus" : "regular"} className="truncate" data-testid="conversation-name">
            {conversationName(conversation)}
          </Text>
          <Text size="xsmall" className="shrink-0 text-ui-fg-muted">
            {shortTime(conversation.last_message_at ?? conversation.created_at)}
          </Text>
        </div>
        <div className="flex flex-wrap items-center gap-1">
          {unread && (
            <Badge size="2xsmall" color="blue" rounded="full" data-testid="unread-badge">
              {conversation.unread_count}
            </Badge>
          )}
          {conversation.handoff_at && (
            <Badge size="2xsmall" color="red" data-testid="handoff-badge" title="Automatic replies are paused until you resume them">
              Needs a person
            </Badge>
          )}
          {conversation.status === "closed" && <Badge size="2xsmall" color="grey" data-testid="closed-badge">Closed</Badge>}
          {conversation.has_cart && <Badge size="2xsmall" color="green" data-testid="cart-badge">Cart</Badge>}
          {conversation.has_inquiry && <Badge size="2xsmall" color="purple" data-testid="question-badge">Question</Badge>}
          {conversation.opted_out && <Badge size="2xsmall" color="red" data-testid="opted-out-badge">Opted out</Badge>}
          {conversation.marketing_preference === "stop" && (
            <Badge size="2xsmall" color="orange" data-testid="marketing-stopped-badge" title={conversation.marketing_preference_detail ?? undefined}>
              No marketing
            </Badge>
          )}
          <Badge
            size="2xsmall"
            color={!windowState.open ? "grey" : windowState.closingSoon ? "orange" : "green"}
            data-testid="window-badge"
          >
            {windowState.label}
          </Badge>
        </div>
      </button>
    </li>
  )
}
