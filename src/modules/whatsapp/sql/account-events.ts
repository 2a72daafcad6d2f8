import { generateEntityId } from "@medusajs/framework/utils"
import type { AccountEventItem, EchoItem, TemplateStatusItem, UserPreferenceItem } from "../../../lib/webhook-account-events"
import { messageText } from "../../../lib/webhook-payload"
import { openConversation } from "./conversations"
import type { SqlRunner } from "./ingest"
import { marketingRefusal, templateRefusal } from "../../../lib/template-usability"

export type AccountRouteRow = { id: string; phone_number_id: string; waba_id?: string | null; display_phone_number?: string | null }

/** The accounts a WABA-level item concerns: every connected number of the WABA. */
export const accountsOfWaba = (accounts: AccountRouteRow[], wabaId: string) => accounts.filter((a) => a.waba_id === wabaId)

/**
 * Appends one account event to the log, once: a redelivered webhook
 * (same account, field, time and body) adds nothing.
 */
async function logAccountEvent(db: SqlRunner, accountId: string, e: { field: string; event: string | null; summary: string; payload: unknown; at: Date }) {
  const payload = JSON.stringify(e.payload)
  await db.execute(
    `insert into whatsapp_account_event (id, account_id, field, event, summary, payload, occurred_at, created_at, updated_at)
     select ?, ?, ?, ?, ?, ?::jsonb, ?, now(), now()
      where not exists (select 1 from whatsapp_account_event
                         where account_id = ? and field = ? and occurred_at = ? and payload = ?::jsonb and deleted_at is null)`,
    [generateEntityId("", "waaev"), accountId, e.field, e.event, e.summary, payload, e.at, accountId, e.field, e.at, payload]
  )
}

/**
 * Keeps the template's latest known status (an older webhook never
 * overwrites a newer one) and logs the change on each account of the WABA.
 */
export async function applyTemplateStatus(db: SqlRunner, item: TemplateStatusItem, accounts: AccountRouteRow[]) {
  await db.execute(
    `insert into whatsapp_template_status (id, waba_id, name, language, template_id, status, reason, category, other_info, event_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, now(), now())
     on conflict (waba_id, name, language) where deleted_at is null do update set
       template_id = coalesce(excluded.template_id, whatsapp_template_status.template_id),
       status = excluded.status, reason = excluded.reason,
       category = coalesce(excluded.category, whatsapp_template_status.category),
       other_info = excluded.other_info, event_at = excluded.event_at, updated_at = now()
     where whatsapp_template_status.event_at <= excluded.event_at`,
    [
      generateEntityId("", "watpl"),
      item.wabaId,
      item.name,
      item.language,
      item.templateId,
      item.status,
      item.reason,
      item.category,
      item.otherInfo ? JSON.stringify(item.otherInfo) : null,
      item.at,
    ]
  )
  const why = [item.reason, item.otherInfo?.title, item.otherInfo?.description].filter(Boolean).join(" — ")
  for (const account of accountsOfWaba(accounts, item.wabaId)) {
    await logAccountEvent(db, account.id, {
      field: "message_template_status_update",
      event: item.status,
      summary: `Template ${item.name} (${item.language}): ${item.status}${why ? ` — ${why}` : ""}`,
      payload: item.raw,
      at: item.at,
    })
  }
}

/**
 * Logs an account-level event on the accounts it concerns and keeps its
 * effect on them: the messaging tier (for the number named, else every
 * number of the WABA) or the review decision. Newer wins.
 */
export async function applyAccountEvent(db: SqlRunner, item: AccountEventItem, accounts: AccountRouteRow[]): Promise<number> {
  let targets = accountsOfWaba(accounts, item.wabaId)
  if (item.displayPhoneNumber) {
    const digits = (s: string | null | undefined) => (s ?? "").replace(/\D/g, "")
    const named = targets.filter((a) => digits(a.display_phone_number) === item.displayPhoneNumber)
    if (named.length) targets = named
  }
  for (const account of targets) {
    await logAccountEvent(db, account.id, { field: item.field, event: item.event, summary: item.summary, payload: item.raw, at: item.at })
  }
  const ids = targets.map((a) => a.id)
  if (ids.length && item.field === "phone_number_quality_update") {
    await db.execute(
      `update whatsapp_account set messaging_limit_tier = coalesce(?, messaging_limit_tier), quality_event = ?, quality_updated_at = ?, updated_at = now()
        where id in (${ids.map(() => "?").join(", ")}) and (quality_updated_at is null or quality_updated_at <= ?)`,
      [item.tier, item.event, item.at, ...ids, item.at]
    )
  }
  if (ids.length && item.field === "account_review_update" && item.decision) {
    await db.execute(
      `update whatsapp_account set review_decision = ?, review_updated_at = ?, updated_at = now()
        where id in (${ids.map(() => "?").join(", ")}) and (review_updated_at is null or review_updated_at <= ?)`,
      [item.decision, item.at, ...ids, item.at]
    )
  }
  return targets.length
}

/** Sets a conversation's marketing preference if `at` is not older than the one it has (webhooks arrive out of order). */
export async function setMarketingPreference(
  db: SqlRunner,
  conversationId: string,
  preference: { value: "stop" | "resume"; at: Date; detail: string | null }
) {
  await db.execute(
    `update whatsapp_conversation set marketing_preference = ?, marketing_preference_at = ?, marketing_preference_detail = ?, updated_at = now()
      where id = ? and (marketing_preference_at is null or marketing_preference_at <= ?)`,
    [preference.value, preference.at, preference.detail, conversationId, preference.at]
  )
}

/** A customer stopped or resumed marketing messages: kept on their conversation (opened if new, so the choice is never lost). */
export async function applyUserPreference(db: SqlRunner, item: UserPreferenceItem, accountId: string) {
  const conversation = await openConversation(db, { accountId, waId: item.waId, userId: item.userId })
  await setMarketingPreference(db, conversation.id, { value: item.value as "stop" | "resume", at: item.at, detail: item.detail })
}

/**
 * A message the business sent from the WhatsApp Business app: stored as an
 * outbound message of the customer's conversation (once per wamid), already
 * sent, never answered and never opening the customer-service window.
 */
export async function storeEcho(db: SqlRunner, item: EchoItem, accountId: string): Promise<boolean> {
  const conversation = await openConversation(db, { accountId, waId: item.waId, userId: item.userId })
  const rows = await db.execute(
    `with inserted as (
       insert into whatsapp_message (id, conversation_id, wamid, direction, type, text, payload, status, sent_at, echo, created_at, updated_at)
       values (?, ?, ?, 'outbound', ?, ?, ?::jsonb, 'sent', ?, true, clock_timestamp(), now())
       on conflict (wamid) where wamid is not null and deleted_at is null do nothing
       returning id)
     update whatsapp_conversation set last_message_at = greatest(coalesce(last_message_at, ?::timestamptz), ?::timestamptz), updated_at = now()
       from inserted where whatsapp_conversation.id = ?
     returning inserted.id`,
    [
      generateEntityId("", "wamsg"),
      conversation.id,
      item.wamid,
      item.type,
      messageText(item.raw),
      JSON.stringify(item.raw),
      item.timestamp,
      item.timestamp,
      item.timestamp,
      conversation.id,
    ]
  )
  return rows.length > 0
}

export type TemplateStatusRow = {
  name: string
  language: string
  template_id: string | null
  status: string
  reason: string | null
  category: string | null
  other_info: { title?: string | null; description?: string | null } | null
  event_at: Date
}

const TEMPLATE_STATUS_COLUMNS = `t.name, t.language, t.template_id, t.status, t.reason, t.category, t.other_info, t.event_at`

/** What Meta last said of an account's template (by its WABA), or null. */
export async function findTemplateStatus(db: SqlRunner, accountId: string, name: string, language: string): Promise<TemplateStatusRow | null> {
  const [row] = await db.execute(
    `select ${TEMPLATE_STATUS_COLUMNS} from whatsapp_template_status t
       join whatsapp_account a on a.waba_id = t.waba_id
      where a.id = ? and t.name = ? and t.language = ? and t.deleted_at is null`,
    [accountId, name, language]
  )
  return row ?? null
}

/** Every template status Meta reported for an account's WABA. */
export async function listTemplateStatuses(db: SqlRunner, accountId: string): Promise<TemplateStatusRow[]> {
  return db.execute(
    `select ${TEMPLATE_STATUS_COLUMNS} from whatsapp_template_status t
       join whatsapp_account a on a.waba_id = t.waba_id
      where a.id = ? and t.deleted_at is null order by t.name, t.language`,
    [accountId]
  )
}

export type AccountEventRow = { id: string; field: string; event: string | null; summary: string; occurred_at: Date }

/** An account's latest account-level events, newest first. */
export async function listAccountEvents(db: SqlRunner, accountId: string, limit: number): Promise<AccountEventRow[]> {
  return db.execute(
    `select id, field, event, summary, occurred_at from whatsapp_account_event
      where account_id = ? and deleted_at is null order by occurred_at desc, created_at desc, id desc limit ?`,
    [accountId, limit]
  )
}

/**
 * Why a template must not go to a conversation's customer, from what Meta
 * said of the template and of the customer; null when nothing stands in
 * the way. One query: the conversation, its account's WABA, the template.
 */
export async function templateRefusalForConversation(db: SqlRunner, conversationId: string, name: string, language: string): Promise<string | null> {
  const [row] = await db.execute(
    `select c.marketing_preference, c.marketing_preference_detail,
            t.name, t.language, t.status, t.reason, t.category, t.other_info
       from whatsapp_conversation c
       join whatsapp_account a on a.id = c.account_id
       left join whatsapp_template_status t on t.waba_id = a.waba_id and t.name = ? and t.language = ? and t.deleted_at is null
      where c.id = ?`,
    [name, language, conversationId]
  )
  if (!row) return null
  return templateRefusal(row.status ? row : null) ?? marketingRefusal(row.category, row)
}
