import { generateEntityId } from "@medusajs/framework/utils"
import type { SqlRunner } from "./ingest"
import { CONVERSATION_LANGUAGE } from "./checkout"

/** A `pending` row older than this belongs to a process that died mid-way. */
const STALE_PENDING_SECONDS = 120

/**
 * Inserts the cart row for an order message, or finds it. `fresh` is true
 * for the caller that should build the cart: the inserter, or whoever takes
 * over a stale pending row (its `updated_at` is bumped atomically, so only
 * one caller wins).
 */
export async function reserveWhatsAppCart(
  db: SqlRunner,
  input: { account_id: string; conversation_id: string; source_wamid: string; source_message_id: string }
): Promise<{ id: string; fresh: boolean; created: boolean }> {
  const inserted = await db.execute(
    // The conversation's latest ad referral (last touch) is the cart's ad attribution.
    `insert into whatsapp_cart (id, account_id, conversation_id, source_wamid, source_message_id, status,
       referral_source_id, referral_ctwa_clid, referral, created_at, updated_at)
     select ?, ?, c.id, ?, ?, 'pending', c.last_referral->>'source_id', c.last_referral->>'ctwa_clid', c.last_referral, now(), now()
       from whatsapp_conversation c where c.id = ?
     on conflict (source_wamid) where deleted_at is null do nothing
     returning id`,
    [generateEntityId("", "wacart"), input.account_id, input.source_wamid, input.source_message_id, input.conversation_id]
  )
  if (inserted.length) {
    return { id: inserted[0].id, fresh: true, created: true }
  }
  const takenOver = await db.execute(
    `update whatsapp_cart set updated_at = now()
     where source_wamid = ? and deleted_at is null and status = 'pending'
       and updated_at < now() - interval '${STALE_PENDING_SECONDS} seconds'
     returning id`,
    [input.source_wamid]
  )
  if (takenOver.length) {
    return { id: takenOver[0].id, fresh: true, created: false }
  }
  const [existing] = await db.execute(`select id from whatsapp_cart where source_wamid = ? and deleted_at is null`, [input.source_wamid])
  return { id: existing.id, fresh: false, created: false }
}

/** Deletes a cart row that never got past `pending` (compensation of a reservation). */
export async function releasePendingCart(db: SqlRunner, id: string): Promise<void> {
  await db.execute(`delete from whatsapp_cart where id = ? and status = 'pending'`, [id])
}

/** An incoming order message with what building its cart needs from the conversation and account. */
export async function loadOrderMessage(db: SqlRunner, messageId: string) {
  const [row] = await db.execute(
    `select m.id, m.wamid, m.type, m.payload, m.direction, c.id as conversation_id, c.wa_id, c.user_id, c.profile_name,
            a.id as account_id, a.catalog_id, a.region_id, a.sales_channel_id, ${CONVERSATION_LANGUAGE} as language
     from whatsapp_message m
     join whatsapp_conversation c on c.id = m.conversation_id
     join whatsapp_account a on a.id = c.account_id
     where m.id = ? and m.deleted_at is null`,
    [messageId]
  )
  return row ?? null
}

export type RecordedCartFields = {
  status: "submitted" | "rejected"
  cart_id: string | null
  customer_id: string | null
  currency_code: string | null
  total: number | null
  items: unknown[]
  issues: Record<string, unknown>
  checkout_expires_at: Date | null
}

/** Records the Medusa cart built for a WhatsApp cart; the conversation then has a cart. */
export async function recordCart(db: SqlRunner, id: string, conversationId: string, fields: RecordedCartFields): Promise<void> {
  await db.execute(
    `update whatsapp_cart set status = ?, cart_id = ?, customer_id = ?, currency_code = ?, total = ?, raw_total = ?::jsonb,
       items = ?::jsonb, issues = ?::jsonb, checkout_expires_at = ?, updated_at = now()
     where id = ?`,
    [
      fields.status,
      fields.cart_id,
      fields.customer_id,
      fields.currency_code,
      fields.total,
      fields.total === null ? null : JSON.stringify({ value: String(fields.total), precision: 20 }),
      JSON.stringify(fields.items),
      JSON.stringify(fields.issues),
      fields.checkout_expires_at,
      id,
    ]
  )
  if (fields.cart_id) {
    await db.execute(`update whatsapp_conversation set has_cart = true, updated_at = now() where id = ?`, [conversationId])
  }
}

/** Undoes recordCart (compensation): the row is pending again, for the next attempt. */
export async function unrecordCart(db: SqlRunner, id: string): Promise<void> {
  await db.execute(`update whatsapp_cart set status = 'pending', cart_id = null where id = ?`, [id])
}

/** The summary is queued: the cart moves on to `link_sent` (a rejected one stays rejected). */
export async function markCartLinkSent(db: SqlRunner, id: string, messageId: string): Promise<void> {
  await db.execute(
    `update whatsapp_cart set link_message_id = ?,
       status = case when status = 'submitted' then 'link_sent' else status end, updated_at = now()
     where id = ?`,
    [messageId, id]
  )
}
