import type { SqlRunner } from "./ingest"

/** Carts still open this long after they were sent are left alone: a reminder weeks later is noise. */
export const RECOVERY_LOOKBACK_DAYS = 7

export type DueCart = {
  id: string
  cart_id: string
  account_id: string
  conversation_id: string
  customer_id: string | null
  wa_id: string
  profile_name: string | null
  last_inbound_at: Date | null
  opted_out: boolean
  created_at: Date
}

/**
 * Locks the next `limit` open carts of an account that were sent before
 * `dueBefore`, after the keyset `after`. Open carts have their own partial
 * index, so the scan never touches paid or reminded ones; rows another run
 * holds are skipped, not waited for. Call inside a transaction.
 */
export async function claimDueCarts(
  tx: SqlRunner,
  input: { accountId: string; dueBefore: Date; limit: number; after: { created_at: Date; id: string } | null }
): Promise<DueCart[]> {
  const notBefore = new Date(input.dueBefore.getTime() - RECOVERY_LOOKBACK_DAYS * 86_400_000)
  const after = input.after ?? { created_at: notBefore, id: "" }
  return tx.execute(
    `select w.id, w.cart_id, w.account_id, w.conversation_id, w.customer_id, w.created_at,
            c.wa_id, c.profile_name, c.last_inbound_at, c.opted_out
       from whatsapp_cart w
       join whatsapp_conversation c on c.id = w.conversation_id
      where w.account_id = ? and w.status in ('submitted', 'link_sent') and w.deleted_at is null
        and w.created_at <= ? and w.created_at > ? and (w.created_at, w.id) > (?, ?)
      order by w.created_at, w.id
      limit ?
        for update of w skip locked`,
    [input.accountId, input.dueBefore, notBefore, after.created_at, after.id, input.limit]
  )
}

export type RecoveryOutcome = {
  id: string
  /** Set when a reminder was queued. */
  channel: "interactive" | "template" | null
  message_id: string | null
  skipped_reason: string | null
  checkout_expires_at: Date | null
}

/**
 * Records what happened to each claimed cart in one statement: it is
 * abandoned now, with its reminder (and the new link's expiry) or the reason
 * there was none. A cart paid meanwhile is left as it is.
 */
export async function recordRecoveryOutcomes(tx: SqlRunner, now: Date, outcomes: RecoveryOutcome[]): Promise<number> {
  if (!outcomes.length) return 0
  const rows = await tx.execute(
    `update whatsapp_cart w
        set status = 'abandoned', abandoned_at = ?,
            recovery_sent_at = case when o.channel is not null then ?::timestamptz else null end,
            recovery_channel = o.channel, recovery_message_id = o.message_id,
            recovery_skipped_reason = o.skipped_reason,
            checkout_expires_at = coalesce(o.checkout_expires_at, w.checkout_expires_at),
            updated_at = now()
       from jsonb_to_recordset(?::jsonb)
         as o(id text, channel text, message_id text, skipped_reason text, checkout_expires_at timestamptz)
      where w.id = o.id and w.status in ('submitted', 'link_sent')
      returning w.id`,
    [now, now, JSON.stringify(outcomes)]
  )
  return rows.length
}

/** A reminder still waiting in the queue when the cart gets paid is withdrawn: nobody is asked to pay twice. */
export async function withdrawQueuedReminder(db: SqlRunner, whatsappCartId: string): Promise<void> {
  await db.execute(`delete from whatsapp_message where idempotency_key = ? and status = 'queued'`, [recoveryMessageKey(whatsappCartId)])
}

export function recoveryMessageKey(whatsappCartId: string): string {
  return `cart-recovery:${whatsappCartId}`
}
