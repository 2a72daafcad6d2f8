import { generateEntityId } from "@medusajs/framework/utils"
import type { SqlRunner } from "./ingest"

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
    `insert into whatsapp_cart (id, account_id, conversation_id, source_wamid, source_message_id, status, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'pending', now(), now())
     on conflict (source_wamid) where deleted_at is null do nothing
     returning id`,
    [generateEntityId("", "wacart"), input.account_id, input.conversation_id, input.source_wamid, input.source_message_id]
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
