import { generateEntityId } from "@medusajs/framework/utils"
import { detectOptCommand } from "../../../lib/keywords"
import { detectLanguage } from "../../../lib/language"
import { statusesUpgradableTo } from "../../../lib/message-status"
import { moveConversationIdentity, openConversation } from "./conversations"
import { accountsOfWaba, applyAccountEvent, applyTemplateStatus, applyUserPreference, setMarketingPreference, storeEcho } from "./account-events"
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
  wa_id: string | null
  user_id: string | null
  referred_retailer_id: string | null
  opt_command: "opt_out" | "opt_in" | null
  context: ReceivedMessageContext
}

export type IngestResult = {
  messages: IngestedMessage[]
  statusesApplied: number
  identityChanges: number
  /** Account-level items stored (template statuses, preferences, account events, echoes). */
  accountChanges: number
  unmatchedStatuses: string[]
  unrouted: string[]
  /** WABAs of account-level changes that no connected account has. */
  unroutedWabas: string[]
  notes: string[]
}

export type AccountRoute = { id: string; phone_number_id: string; waba_id?: string | null; display_phone_number?: string | null }
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
          referred_retailer_id, error_code, error_message, handled_at,
          media_id, media_mime_type, media_sha256, media_filename, media_status, created_at, updated_at)
       values (?, ?, ?, 'inbound', ?, ?, ?::jsonb, 'received', ?, ?, ?, ?,
               case when ?::boolean then null else now() end,
               -- A media message is downloaded by the media_download work.
               -- clock_timestamp(): a batch is one transaction, and the answers are claimed in this order.
               ?, ?, ?, ?, case when ?::text is null then null else 'pending' end, clock_timestamp(), now())
       on conflict (wamid) where wamid is not null and deleted_at is null do nothing
       returning id)
     update whatsapp_conversation set
       -- Meta does not guarantee order: keep the latest timestamps, whatever arrives last.
       -- A system notice (a number change) is not the customer writing: it opens no window.
       last_inbound_at = case when ?::boolean then greatest(coalesce(last_inbound_at, ?::timestamptz), ?::timestamptz) else last_inbound_at end,
       last_message_at = greatest(coalesce(last_message_at, ?::timestamptz), ?::timestamptz),
       -- Edits, deletions, reactions and notices change earlier messages: nothing new to read.
       unread_count = unread_count + case when ?::boolean then 1 else 0 end,
       opted_out = case when ?::text = 'opt_out' then true when ?::text = 'opt_in' then false else opted_out end,
       has_inquiry = has_inquiry or ?::boolean,
       language = coalesce(?::text, language),
       -- The customer writing again reopens a conversation the team closed.
       status = case when ?::boolean then 'open' else status end,
       closed_at = case when ?::boolean then null else closed_at end,
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
      item.media?.media_id ?? null,
      item.media?.mime_type ?? null,
      item.media?.sha256 ?? null,
      item.media?.filename ?? null,
      item.media?.media_id ?? null,
      item.type !== "system",
      item.timestamp,
      item.timestamp,
      item.timestamp,
      item.timestamp,
      !NOT_UNREAD.has(item.type),
      optCommand,
      optCommand,
      !!item.referredProduct,
      item.type === "text" ? detectLanguage(item.text) : null,
      !NOT_UNREAD.has(item.type),
      !NOT_UNREAD.has(item.type),
      conversationId,
    ]
  )
  return rows[0]?.id as string | undefined
}

/** Inbound types that change an earlier message or only notify: they add nothing unread. */
export const NOT_UNREAD = new Set(["edit", "revoke", "reaction", "system"])

/** Messages the plugin answers (cart, product question, search); the rest are only stored. */
export function needsReaction(item: Pick<InboundMessageItem, "type" | "text">, optCommand: IngestedMessage["opt_command"]) {
  if (item.type === "order") return true
  return (item.type === "text" || item.type === "button" || item.type === "interactive") && !optCommand && !!item.text?.trim()
}

/** Meta's error for a marketing template to a customer who stopped marketing messages. */
export const MARKETING_STOPPED_CODE = "131050"

/**
 * Moves an outbound message's status forward (never back), and keeps
 * Meta's pricing of it whatever the order the statuses arrive in. A 131050
 * failure means the customer stopped marketing messages: the conversation
 * remembers it, as the user_preferences webhook would.
 */
async function applyStatus(db: SqlRunner, item: StatusItem) {
  const error = item.errors[0]
  const from = statusesUpgradableTo(item.status)
  const upgradable = from.length ? `m.status in (${from.map(() => "?").join(", ")})` : "false"
  const pricing = item.pricing
  const rows = await db.execute(
    `with target as (
       select id, conversation_id, ${upgradable} as upgrade from whatsapp_message m
        where m.wamid = ? and m.direction = 'outbound' for update)
     update whatsapp_message m set
       status = case when target.upgrade then ? else m.status end,
       error_code = case when target.upgrade and ? = 'failed' then ? else m.error_code end,
       error_message = case when target.upgrade and ? = 'failed' then ? else m.error_message end,
       pricing_category = coalesce(?, m.pricing_category),
       pricing_billable = coalesce(?, m.pricing_billable),
       pricing_model = coalesce(?, m.pricing_model),
       pricing_type = coalesce(?, m.pricing_type),
       updated_at = now()
     from target where m.id = target.id
     returning m.id, target.conversation_id, target.upgrade`,
    [
      ...from,
      item.wamid,
      item.status,
      item.status,
      error?.code ?? null,
      item.status,
      error ? [error.title, error.message, error.details].filter(Boolean).join(": ") : null,
      pricing?.category ?? null,
      pricing?.billable ?? null,
      pricing?.pricing_model ?? null,
      pricing?.type ?? null,
    ]
  )
  const [row] = rows
  if (!row) return "unknown"
  if (item.status === "failed" && error?.code === MARKETING_STOPPED_CODE) {
    await setMarketingPreference(db, row.conversation_id, {
      value: "stop",
      at: item.timestamp,
      detail: `Meta error ${MARKETING_STOPPED_CODE}: ${error.details ?? error.title ?? "the customer stopped marketing messages"}`,
    })
  }
  return row.upgrade ? "applied" : "stale"
}

/**
 * Takes a transaction-scoped advisory lock per key, in the order of the
 * keys' 64-bit hashes: two transactions that share keys take them in the
 * same order, so one waits for the other and neither deadlocks. A hash
 * collision only serializes two unrelated keys.
 */
export async function lockIngestKeys(db: SqlRunner, keys: string[]) {
  if (!keys.length) return
  await db.execute(
    `select count(pg_advisory_xact_lock(h)) from (
       select distinct hashtextextended(k, ${INGEST_LOCK_SEED}) as h from jsonb_array_elements_text(?::jsonb) as k order by h) as ordered`,
    [JSON.stringify(keys)]
  )
}

/** Seeds the hash so the plugin's advisory locks do not share key space with other users' plain integer keys. */
const INGEST_LOCK_SEED = 1_470_819

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
  const result: IngestResult = { messages: [], statusesApplied: 0, identityChanges: 0, accountChanges: 0, unmatchedStatuses: [], unrouted: [], unroutedWabas: [], notes: [] }

  for (const item of items) {
    if (item.kind === "unsupported") {
      result.notes.push(item.reason)
      continue
    }
    if (item.kind === "template_status" || item.kind === "account_event") {
      // Addressed to a WABA: every connected number of it.
      if (!accountsOfWaba(accounts, item.wabaId).length) {
        result.unroutedWabas.push(item.wabaId)
        continue
      }
      if (item.kind === "template_status") await applyTemplateStatus(db, item, accounts)
      else await applyAccountEvent(db, item, accounts)
      result.accountChanges++
      continue
    }
    const accountId = byPhone.get(item.phoneNumberId)
    if (!accountId) {
      result.unrouted.push(item.phoneNumberId)
      continue
    }
    if (item.kind === "user_preference") {
      await applyUserPreference(db, item, accountId)
      result.accountChanges++
      continue
    }
    if (item.kind === "echo") {
      if (await storeEcho(db, item, accountId)) result.accountChanges++
      continue
    }
    if (item.kind === "status") {
      const outcome = await applyStatus(db, item)
      if (outcome === "applied") result.statusesApplied++
      if (outcome === "unknown") result.unmatchedStatuses.push(item.wamid)
      continue
    }
    if (item.kind === "identity_change") {
      const moved = await moveConversationIdentity(db, { accountId, from: item.from, to: item.to, reason: item.reason, at: item.timestamp })
      if (moved) result.identityChanges++
      else result.notes.push(`${item.reason}: no conversation with the former identifier`)
      continue
    }
    const conversationId = (
      await openConversation(db, {
        accountId,
        waId: item.waId,
        userId: item.userId,
        parentUserId: item.parentUserId,
        username: item.username,
        profileName: item.profileName,
        at: item.timestamp,
      })
    ).id
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
      user_id: item.userId,
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
