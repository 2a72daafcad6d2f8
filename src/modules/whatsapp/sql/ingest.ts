import { generateEntityId } from "@medusajs/framework/utils"
import { detectOptCommand } from "../../../lib/keywords"
import { detectLanguage } from "../../../lib/language"
import { statusesUpgradableTo } from "../../../lib/message-status"
import { openConversation } from "./conversations"
import { type ReceivedMessageContext, recordMessageLifecycle } from "./message-lifecycle"
import type { InboundMessageItem, StatusItem, WebhookItem } from "../../../lib/webhook-payload"

/** Anything with MikroORM's `execute(sql, params)`: the module's entity manager. */
export type SqlRunner = { execute(sql: string, params?: unknown[]): Promise<any[]> }

export type IngestedMessage = {
  message_id: string
  conversation_id: string
  account_id: string
  wamid: string
  type: string
  text: string | null
  wa_id: string
  referred_retailer_id: string | null
  opt_command: "opt_out" | "opt_in" | null
  context: ReceivedMessageContext
}

export type IngestResult = {
  messages: IngestedMessage[]
  statusesApplied: number
  unmatchedStatuses: string[]
  unrouted: string[]
  notes: string[]
}

export type AccountRoute = { id: string; phone_number_id: string }
export type Keywords = { optOut: readonly string[]; optIn: readonly string[] }

/**
 * Inserts the message and, only if it is new, moves the conversation on
 * (window, unread count, opt-out): one round trip. A redelivered wamid
 * changes nothing and returns no id.
 */
async function insertInboundMessage(
  db: SqlRunner,
  conversationId: string,
  item: InboundMessageItem,
  optCommand: IngestedMessage["opt_command"]
) {
  const firstError = item.errors[0]
  const rows = await db.execute(
    `with inserted as (
       insert into whatsapp_message
         (id, conversation_id, wamid, direction, type, text, payload, status, sent_at,
          referred_retailer_id, error_code, error_message, handled_at, created_at, updated_at)
       values (?, ?, ?, 'inbound', ?, ?, ?::jsonb, 'received', ?, ?, ?, ?,
               case when ?::boolean then null else now() end, now(), now())
       on conflict (wamid) where wamid is not null and deleted_at is null do nothing
       returning id)
     update whatsapp_conversation set
       -- Meta does not guarantee order: keep the latest timestamps, whatever arrives last.
       last_inbound_at = greatest(coalesce(last_inbound_at, ?::timestamptz), ?::timestamptz),
       last_message_at = greatest(coalesce(last_message_at, ?::timestamptz), ?::timestamptz),
       unread_count = unread_count + 1,
       opted_out = case when ?::text = 'opt_out' then true when ?::text = 'opt_in' then false else opted_out end,
       has_inquiry = has_inquiry or ?::boolean,
       language = coalesce(?::text, language),
       updated_at = now()
     from inserted
     where whatsapp_conversation.id = ?
     returning inserted.id`,
    [
      generateEntityId("", "wamsg"),
      conversationId,
      item.wamid,
      item.type,
      item.text,
      JSON.stringify(item.raw),
      item.timestamp,
      item.referredProduct?.product_retailer_id ?? null,
      firstError?.code ?? null,
      firstError ? [firstError.title, firstError.message, firstError.details].filter(Boolean).join(": ") : null,
      needsReaction(item, optCommand),
      item.timestamp,
      item.timestamp,
      item.timestamp,
      item.timestamp,
      optCommand,
      optCommand,
      !!item.referredProduct,
      item.type === "text" ? detectLanguage(item.text) : null,
      conversationId,
    ]
  )
  return rows[0]?.id as string | undefined
}

/** Messages the plugin answers (cart, product question, search); the rest are only stored. */
export function needsReaction(item: Pick<InboundMessageItem, "type" | "text">, optCommand: IngestedMessage["opt_command"]) {
  if (item.type === "order") return true
  return (item.type === "text" || item.type === "button" || item.type === "interactive") && !optCommand && !!item.text?.trim()
}

async function applyStatus(db: SqlRunner, item: StatusItem) {
  const error = item.errors[0]
  const from = statusesUpgradableTo(item.status)
  if (!from.length) {
    return "stale"
  }
  const rows = await db.execute(
    `update whatsapp_message set
       status = ?,
       error_code = case when ? = 'failed' then ? else error_code end,
       error_message = case when ? = 'failed' then ? else error_message end,
       updated_at = now()
     where wamid = ? and direction = 'outbound' and status in (${from.map(() => "?").join(", ")})
     returning id`,
    [
      item.status,
      item.status,
      error?.code ?? null,
      item.status,
      error ? [error.title, error.message, error.details].filter(Boolean).join(": ") : null,
      item.wamid,
      ...from,
    ]
  )
  if (rows.length) return "applied"
  const [known] = await db.execute(`select id from whatsapp_message where wamid = ? and direction = 'outbound'`, [item.wamid])
  return known ? "stale" : "unknown"
}

/**
 * Writes one webhook event's items. Must run inside a transaction: the
 * caller compensates by deleting `messages` if anything after it fails.
 */
export async function ingestWebhookItems(
  db: SqlRunner,
  items: WebhookItem[],
  accounts: AccountRoute[],
  keywords: Keywords
): Promise<IngestResult> {
  const byPhone = new Map(accounts.map((a) => [a.phone_number_id, a.id]))
  const result: IngestResult = { messages: [], statusesApplied: 0, unmatchedStatuses: [], unrouted: [], notes: [] }

  for (const item of items) {
    if (item.kind === "unsupported") {
      result.notes.push(item.reason)
      continue
    }
    const accountId = byPhone.get(item.phoneNumberId)
    if (!accountId) {
      result.unrouted.push(item.phoneNumberId)
      continue
    }
    if (item.kind === "status") {
      const outcome = await applyStatus(db, item)
      if (outcome === "applied") result.statusesApplied++
      if (outcome === "unknown") result.unmatchedStatuses.push(item.wamid)
      continue
    }
    const conversationId = (await openConversation(db, { accountId, waId: item.waId, profileName: item.profileName })).id
    const optCommand = item.type === "text" ? detectOptCommand(item.text, keywords.optOut, keywords.optIn) : null
    const messageId = await insertInboundMessage(db, conversationId, item, optCommand)
    if (!messageId) {
      continue // a redelivery: the first delivery already had its effects
    }
    const context = await recordMessageLifecycle(db, conversationId, messageId, item)
    result.messages.push({
      message_id: messageId,
      conversation_id: conversationId,
      account_id: accountId,
      wamid: item.wamid,
      type: item.type,
      text: item.text,
      wa_id: item.waId,
      referred_retailer_id: item.referredProduct?.product_retailer_id ?? null,
      opt_command: optCommand,
      context,
    })
  }
  return result
}

/** Undo of `ingestWebhookItems` for a failed processing attempt. */
export async function removeIngestedMessages(db: SqlRunner, messages: Pick<IngestedMessage, "message_id" | "conversation_id">[]) {
  for (const { message_id, conversation_id } of messages) {
    const deleted = await db.execute(`delete from whatsapp_message where id = ? returning id`, [message_id])
    if (deleted.length) {
      await db.execute(
        `update whatsapp_conversation set unread_count = greatest(unread_count - 1, 0) where id = ?`,
        [conversation_id]
      )
    }
  }
}
