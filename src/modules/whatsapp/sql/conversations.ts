import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { FormerIdentity } from "../../../lib/customer-identity"
import type { SqlRunner } from "./ingest"

export type OpenedConversation = { id: string; last_inbound_at: Date | null; opted_out: boolean; created: boolean }

/** Who the customer is, as far as a webhook or a caller knows (see lib/customer-identity). */
export type ConversationIdentity = {
  waId?: string | null
  userId?: string | null
  parentUserId?: string | null
  username?: string | null
  profileName?: string | null
  /** When the customer sent what is being stored: a message older than a number or BSUID change follows the change. */
  at?: Date | null
}

const RETURNING = "returning id, last_inbound_at, opted_out, (xmax = 0) as created"
// A later profile name, username or parent BSUID replaces the stored one; a missing one keeps it.
const KEEP_PROFILE = `profile_name = coalesce(excluded.profile_name, whatsapp_conversation.profile_name),
       username = coalesce(excluded.username, whatsapp_conversation.username),
       parent_user_id = coalesce(excluded.parent_user_id, whatsapp_conversation.parent_user_id)`

/**
 * The one conversation of an account with a customer, created on first use.
 *
 * With one identifier it is one statement (`on conflict` on that
 * identifier's partial unique index), so concurrent callers share one row.
 * With both, the rows holding either are locked: none → create; one → it
 * gains the missing identifier (a replaced one is kept in
 * `former_identities`); two (the customer wrote first by phone, then as a
 * username) → they merge into the older, messages and carts included.
 */
export async function openConversation(db: SqlRunner, input: { accountId: string } & ConversationIdentity): Promise<OpenedConversation> {
  const waId = input.waId ?? null
  const userId = input.userId ?? null
  if (!waId && !userId) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A conversation needs the customer's phone (wa_id) or business-scoped user ID")
  }
  const values = [generateEntityId("", "waconv"), input.accountId, waId, userId, input.parentUserId ?? null, input.username ?? null, input.profileName ?? null]
  const insert = `insert into whatsapp_conversation (id, account_id, wa_id, user_id, parent_user_id, username, profile_name, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, now(), now())`
  if (!waId || !userId) {
    const conflict = waId ? `(account_id, wa_id) where deleted_at is null` : `(account_id, user_id) where deleted_at is null and user_id is not null`
    const [row] = await db.execute(`${insert} on conflict ${conflict} do update set ${KEEP_PROFILE} ${RETURNING}`, values)
    // Only a first message can be a late one from a replaced identifier: existing conversations cost nothing more.
    if (row.created && input.at) {
      const moved = await conversationThatReplaced(db, input.accountId, waId, userId, input.at, row.id)
      if (moved) return moved
    }
    return row
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const rows: { id: string; wa_id: string | null; user_id: string | null }[] = await db.execute(
      `select id, wa_id, user_id from whatsapp_conversation
       where account_id = ? and deleted_at is null and (wa_id = ? or user_id = ?)
       order by created_at, id for update`,
      [input.accountId, waId, userId]
    )
    if (!rows.length) {
      const moved = input.at ? await conversationThatReplaced(db, input.accountId, waId, userId, input.at, null) : null
      if (moved) return moved
      const [created] = await db.execute(`${insert} on conflict do nothing ${RETURNING}`, values)
      if (created) return created
      continue // created concurrently: lock and link it
    }
    const [kept, ...others] = rows
    for (const other of others) {
      await mergeConversations(db, kept.id, other.id)
    }
    const replaced: FormerIdentity[] = []
    const now = new Date().toISOString()
    if (kept.wa_id && kept.wa_id !== waId) replaced.push({ wa_id: kept.wa_id, replaced_at: now, reason: "phone_replaced" })
    if (kept.user_id && kept.user_id !== userId) replaced.push({ user_id: kept.user_id, replaced_at: now, reason: "user_id_replaced" })
    return setIdentity(db, kept.id, { ...input, waId, userId }, replaced)
  }
  throw new MedusaError(MedusaError.Types.CONFLICT, "The conversation was changed concurrently; the event will be retried")
}

/**
 * Meta does not deliver in order: a message sent from the old number (or
 * with the old BSUID) may arrive after the change that replaced it. When no
 * conversation carries the identifier any more, the one that replaced it
 * after the message was sent takes the message (several: they merge). A
 * message sent after the replacement is someone else's (numbers are
 * reassigned) and opens its own conversation.
 */
async function conversationThatReplaced(
  db: SqlRunner,
  accountId: string,
  waId: string | null,
  userId: string | null,
  at: Date,
  justCreatedId: string | null
): Promise<OpenedConversation | null> {
  const formerOf = (key: "wa_id" | "user_id", value: string | null) => (value ? JSON.stringify([{ [key]: value }]) : null)
  const holders: { id: string }[] = await db.execute(
    `select c.id from whatsapp_conversation c
      where c.account_id = ? and c.deleted_at is null
        and (c.former_identities @> ?::jsonb or c.former_identities @> ?::jsonb)
        and exists (select 1 from jsonb_array_elements(c.former_identities) f
                     where (f->>'wa_id' = ? or f->>'user_id' = ?) and (f->>'replaced_at')::timestamptz >= ?)
      order by c.created_at, c.id for update`,
    [accountId, formerOf("wa_id", waId) ?? "[null]", formerOf("user_id", userId) ?? "[null]", waId, userId, at]
  )
  if (!holders.length) return null
  // The conversation opened a moment ago for this message is not needed: it holds nothing yet.
  if (justCreatedId) await db.execute(`delete from whatsapp_conversation where id = ?`, [justCreatedId])
  const [kept, ...others] = holders
  for (const other of others) await mergeConversations(db, kept.id, other.id)
  const [row] = await db.execute(`select id, last_inbound_at, opted_out, false as created from whatsapp_conversation where id = ?`, [kept.id])
  return row
}

async function setIdentity(db: SqlRunner, id: string, identity: ConversationIdentity, replaced: FormerIdentity[]): Promise<OpenedConversation> {
  const [row] = await db.execute(
    `update whatsapp_conversation set
       wa_id = coalesce(?, wa_id), user_id = coalesce(?, user_id),
       parent_user_id = coalesce(?, parent_user_id), username = coalesce(?, username),
       profile_name = coalesce(?, profile_name),
       former_identities = former_identities || ?::jsonb, updated_at = now()
     where id = ? returning id, last_inbound_at, opted_out, false as created`,
    [identity.waId ?? null, identity.userId ?? null, identity.parentUserId ?? null, identity.username ?? null, identity.profileName ?? null, JSON.stringify(replaced), id]
  )
  return row
}

/**
 * Folds `goneId` into `keptId`: its messages, carts and phone links move, the
 * window, counters and flags combine (an opt-out anywhere stays an opt-out),
 * and the folded row is soft-deleted with `merged_into_id` so that its id and
 * identifiers still lead to the customer.
 */
export async function mergeConversations(db: SqlRunner, keptId: string, goneId: string): Promise<void> {
  const [gone] = await db.execute(
    `update whatsapp_conversation set deleted_at = now(), merged_into_id = ?, updated_at = now()
     where id = ? and deleted_at is null
     returning wa_id, user_id, last_inbound_at, last_message_at, unread_count, opted_out, has_cart, has_inquiry,
               language, customer_id, customer_link_method, customer_linked_by, customer_linked_at, former_identities,
               marketing_preference, marketing_preference_at, marketing_preference_detail, first_referral, last_referral`,
    [keptId, goneId]
  )
  if (!gone) return
  for (const table of ["whatsapp_message", "whatsapp_cart", "whatsapp_phone_link"]) {
    await db.execute(`update ${table} set conversation_id = ? where conversation_id = ?`, [keptId, goneId])
  }
  const [kept] = await db.execute(`select wa_id, user_id from whatsapp_conversation where id = ?`, [keptId])
  const now = new Date().toISOString()
  // An identifier the kept conversation lacks moves over and stays live; one it has differently becomes former.
  const former: FormerIdentity[] = [
    ...(gone.former_identities ?? []),
    ...(gone.wa_id && kept?.wa_id && kept.wa_id !== gone.wa_id ? [{ wa_id: gone.wa_id, replaced_at: now, reason: "merged" }] : []),
    ...(gone.user_id && kept?.user_id && kept.user_id !== gone.user_id ? [{ user_id: gone.user_id, replaced_at: now, reason: "merged" }] : []),
  ]
  await db.execute(
    `update whatsapp_conversation c set
       last_inbound_at = greatest(c.last_inbound_at, ?::timestamptz),
       last_message_at = greatest(c.last_message_at, ?::timestamptz),
       unread_count = c.unread_count + ?, opted_out = c.opted_out or ?,
       has_cart = c.has_cart or ?, has_inquiry = c.has_inquiry or ?,
       language = coalesce(c.language, ?),
       -- The newer marketing choice wins, whichever conversation heard it.
       marketing_preference = case when ?::timestamptz > coalesce(c.marketing_preference_at, '-infinity') then ? else c.marketing_preference end,
       marketing_preference_detail = case when ?::timestamptz > coalesce(c.marketing_preference_at, '-infinity') then ? else c.marketing_preference_detail end,
       marketing_preference_at = greatest(c.marketing_preference_at, ?::timestamptz),
       -- Ad attribution: the earliest first touch and the latest last touch of the two.
       first_referral = case when ?::jsonb is null then c.first_referral when c.first_referral is null then ?::jsonb
         when (?::jsonb->>'at')::timestamptz < (c.first_referral->>'at')::timestamptz then ?::jsonb else c.first_referral end,
       last_referral = case when ?::jsonb is null then c.last_referral when c.last_referral is null then ?::jsonb
         when (?::jsonb->>'at')::timestamptz > (c.last_referral->>'at')::timestamptz then ?::jsonb else c.last_referral end,
       customer_link_method = case when c.customer_id is null then ? else c.customer_link_method end,
       customer_linked_by = case when c.customer_id is null then ? else c.customer_linked_by end,
       customer_linked_at = case when c.customer_id is null then ?::timestamptz else c.customer_linked_at end,
       customer_id = coalesce(c.customer_id, ?),
       wa_id = coalesce(c.wa_id, ?), user_id = coalesce(c.user_id, ?),
       former_identities = c.former_identities || ?::jsonb, updated_at = now()
     where c.id = ?`,
    [
      gone.last_inbound_at, gone.last_message_at, gone.unread_count, gone.opted_out, gone.has_cart, gone.has_inquiry,
      gone.language,
      gone.marketing_preference_at, gone.marketing_preference, gone.marketing_preference_at, gone.marketing_preference_detail, gone.marketing_preference_at,
      ...Array(4).fill(gone.first_referral ? JSON.stringify(gone.first_referral) : null),
      ...Array(4).fill(gone.last_referral ? JSON.stringify(gone.last_referral) : null),
      gone.customer_link_method, gone.customer_linked_by, gone.customer_linked_at, gone.customer_id,
      gone.wa_id, gone.user_id, JSON.stringify(former.filter((f) => f.wa_id !== undefined || f.user_id !== undefined)), keptId,
    ]
  )
}

export type IdentityChange = {
  accountId: string
  from: { waId: string | null; userId: string | null }
  to: { waId: string | null; userId: string | null; parentUserId: string | null }
  reason: string
  /** Meta's time of the change: messages sent before it from the old identifier still land here. */
  at: Date
}

/**
 * Moves a conversation to the customer's new phone or BSUID. The old
 * identifier goes to `former_identities`; a conversation already open under
 * the new one is merged in. Unknown old identifiers change nothing (the next
 * message opens the conversation under the new one). Returns the moved id.
 */
export async function moveConversationIdentity(db: SqlRunner, change: IdentityChange): Promise<string | null> {
  const [current] = await db.execute(
    `select id from whatsapp_conversation where account_id = ? and deleted_at is null
       and ((?::text is not null and user_id = ?) or (?::text is not null and wa_id = ?))
     order by created_at, id limit 1 for update`,
    [change.accountId, change.from.userId, change.from.userId, change.from.waId, change.from.waId]
  )
  const replaced: FormerIdentity[] = []
  const replacedAt = change.at.toISOString()
  if (change.from.waId && change.to.waId && change.from.waId !== change.to.waId) replaced.push({ wa_id: change.from.waId, replaced_at: replacedAt, reason: change.reason })
  if (change.from.userId && change.to.userId && change.from.userId !== change.to.userId) replaced.push({ user_id: change.from.userId, replaced_at: replacedAt, reason: change.reason })
  if (!current) {
    // The change arrived before anything from the old identifier: the conversation starts under the new one,
    // remembering the old one so that late messages sent before the change join it.
    if (!replaced.length || !(change.to.waId || change.to.userId)) return null
    const opened = await openConversation(db, { accountId: change.accountId, waId: change.to.waId, userId: change.to.userId, parentUserId: change.to.parentUserId })
    await db.execute(`update whatsapp_conversation set former_identities = former_identities || ?::jsonb, updated_at = now() where id = ?`, [JSON.stringify(replaced), opened.id])
    return opened.id
  }
  const holders: { id: string }[] = await db.execute(
    `select id from whatsapp_conversation where account_id = ? and deleted_at is null and id <> ?
       and ((?::text is not null and user_id = ?) or (?::text is not null and wa_id = ?))
     order by id for update`,
    [change.accountId, current.id, change.to.userId, change.to.userId, change.to.waId, change.to.waId]
  )
  for (const holder of holders) {
    await mergeConversations(db, current.id, holder.id)
  }
  await db.execute(
    `update whatsapp_conversation set wa_id = coalesce(?, wa_id), user_id = coalesce(?, user_id),
       parent_user_id = coalesce(?, parent_user_id), former_identities = former_identities || ?::jsonb, updated_at = now()
     where id = ?`,
    [change.to.waId, change.to.userId, change.to.parentUserId, JSON.stringify(replaced), current.id]
  )
  return current.id
}

/** The text the trigram index IDX_whatsapp_conversation_search_trgm covers (Migration20261221030000): keep both identical. */
export const SEARCH_DOCUMENT = `(coalesce(profile_name, '') || ' ' || coalesce(username, '') || ' ' || coalesce(wa_id, '') || ' ' || coalesce(user_id, '') || ' ' || coalesce(parent_user_id, ''))`

/**
 * Conversations matching what an admin typed: a name, a username (with or
 * without @), a phone in any notation, a BSUID, a former phone or BSUID, or
 * words of a message. Each branch is served by an index (trigrams for the
 * identity text and message text, jsonb containment for former identities),
 * so the cost follows the matches, not the table. Newest first.
 */
export const SEARCH_SQL = `with hits as (
       select id from whatsapp_conversation
        where deleted_at is null and (${SEARCH_DOCUMENT} ilike ? or (?::text <> '' and ${SEARCH_DOCUMENT} like ?))
       union
       select id from whatsapp_conversation
        where deleted_at is null and (former_identities @> jsonb_build_array(jsonb_build_object('user_id', ?::text))
           or (?::text <> '' and former_identities @> jsonb_build_array(jsonb_build_object('wa_id', ?::text))))
       union
       select conversation_id from whatsapp_message
        where deleted_at is null and text is not null and text ilike ?)
     select c.id from whatsapp_conversation c join hits on hits.id = c.id
      where c.deleted_at is null
      order by c.last_message_at desc nulls last, c.id desc limit ?`

export function searchParameters(q: string, limit: number): unknown[] {
  // Digits are compared as a phone only when the text is a phone ("+34 611-22"): the 17 in "María 17" is not one.
  const digits = /^[+\d\s().-]+$/.test(q) && /\d{3}/.test(q.replace(/\D/g, "")) ? q.replace(/\D/g, "") : ""
  const escape = (s: string) => s.replace(/[%_\\]/g, "\\$&")
  const like = `%${escape(q.replace(/^@/, ""))}%`
  const text = `%${escape(q)}%`
  return [like, digits, `%${digits}%`, q, digits, digits, text, limit]
}

export async function findConversationIds(db: SqlRunner, q: string, limit = 200): Promise<string[]> {
  const rows = await db.execute(SEARCH_SQL, searchParameters(q, limit))
  return rows.map((r: { id: string }) => r.id)
}

/** Removes a conversation openConversation created, while nothing was written in it (compensation). */
export async function closeEmptyConversation(db: SqlRunner, id: string): Promise<void> {
  await db.execute(
    `delete from whatsapp_conversation c where c.id = ? and not exists (select 1 from whatsapp_message m where m.conversation_id = c.id)`,
    [id]
  )
}
