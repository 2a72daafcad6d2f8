import type { SqlRunner } from "./ingest"
import { queueOutboundMessages } from "./outbound"
import type { WhatsAppCartRow } from "./checkout"

/** Carts still open this long after they were sent are left alone: a reminder weeks later is noise. */
export const RECOVERY_LOOKBACK_DAYS = 7

/** A WhatsApp cart due for its reminder: the cart row's fields with what the reminder needs of its conversation. */
export type DueCart = Pick<WhatsAppCartRow, "id" | "account_id" | "conversation_id" | "customer_id" | "wa_id" | "user_id" | "profile_name"> & {
  cart_id: string
  last_inbound_at: Date | null
  /** The customer's own language, when known. */
  language: string | null
  opted_out: boolean
  marketing_preference: "stop" | "resume" | null
  marketing_preference_detail: string | null
  created_at: Date
  /** created_at as PostgreSQL prints it (microseconds): the keyset, which a JS Date would round to milliseconds. */
  created_key: string
}

/**
 * Locks the next `limit` open carts of an account that were sent before
 * `dueBefore`, after the keyset `after`. Open carts have their own partial
 * index, so the scan never touches paid or reminded ones; rows another run
 * holds are skipped, not waited for. Call inside a transaction.
 */
export async function claimDueCarts(
  tx: SqlRunner,
  input: { accountId: string; dueBefore: Date; limit: number; after: { created_key: string; id: string } | null }
): Promise<DueCart[]> {
  const notBefore = new Date(input.dueBefore.getTime() - RECOVERY_LOOKBACK_DAYS * 86_400_000)
  const after = input.after ?? { created_key: notBefore.toISOString(), id: "" }
  return tx.execute(
    `select w.id, w.cart_id, w.account_id, w.conversation_id, w.customer_id, w.created_at, w.created_at::text as created_key,
            c.wa_id, c.user_id, c.profile_name, c.last_inbound_at, c.opted_out, c.language,
            c.marketing_preference, c.marketing_preference_detail
       from whatsapp_cart w
       join whatsapp_conversation c on c.id = w.conversation_id
      where w.account_id = ? and w.status in ('submitted', 'link_sent') and w.deleted_at is null
        and w.created_at <= ? and w.created_at > ? and (w.created_at, w.id) > (?::timestamptz, ?)
      order by w.created_at, w.id
      limit ?
        for update of w skip locked`,
    [input.accountId, input.dueBefore, notBefore, after.created_key, after.id, input.limit]
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

/**
 * A reminder still waiting in the queue when the cart gets paid is withdrawn
 * (kept in the inbox as failed, with the reason): nobody is asked to pay
 * twice, and the cart does not count as reminded.
 */
export async function withdrawQueuedReminder(db: SqlRunner, whatsappCartId: string): Promise<void> {
  const withdrawn = await db.execute(
    `update whatsapp_message set status = 'failed', error_code = 'withdrawn',
            error_message = 'Not sent: the cart was paid before the reminder left.', next_attempt_at = null, updated_at = now()
      where idempotency_key = ? and status = 'queued' and deleted_at is null
      returning id`,
    [recoveryMessageKey(whatsappCartId)]
  )
  if (withdrawn.length) {
    await db.execute(
      `update whatsapp_cart set recovery_sent_at = null, recovery_channel = null, recovery_skipped_reason = 'paid_before_sent', updated_at = now()
        where id = ?`,
      [whatsappCartId]
    )
  }
}

/** SQL: the cart's reminder actually left (Meta accepted it); a failed or withdrawn one does not count. */
export const REMINDER_DELIVERED = `exists (select 1 from whatsapp_message m
   where m.id = whatsapp_cart.recovery_message_id and m.status in ('sent', 'delivered', 'read', 'played'))`

export function recoveryMessageKey(whatsappCartId: string): string {
  return `cart-recovery:${whatsappCartId}`
}

/** What the caller decided for one due cart: a reminder to queue, or why there is none. */
export type ReminderDecision =
  | { cart: DueCart; skip: true; reason: string }
  | { cart: DueCart; skip: false; channel: "interactive" | "template"; message: { type: string }; preview: string | null; checkout_expires_at: Date }

export type ReminderResult = { decision: ReminderDecision; message: { id: string; created: boolean } | null }

/** See WhatsAppModuleService.remindDueCarts. Call inside a transaction. */
export async function remindDueCarts(
  tx: SqlRunner,
  input: { accountId: string; dueBefore: Date; now: Date; limit: number; after: DueCart | null },
  decide: (due: DueCart[]) => Promise<ReminderDecision[]>
): Promise<{ due: DueCart[]; results: ReminderResult[] }> {
  const due = await claimDueCarts(tx, input)
  if (!due.length) return { due, results: [] }
  const decisions = await decide(due)
  const sends = decisions.filter((d): d is Extract<ReminderDecision, { skip: false }> => !d.skip)
  const queued = await queueOutboundMessages(
    tx,
    sends.map((d) => ({
      conversationId: d.cart.conversation_id,
      type: d.message.type,
      text: d.preview,
      payload: d.message,
      idempotencyKey: recoveryMessageKey(d.cart.id),
    }))
  )
  const messageOf = new Map(sends.map((d, i) => [d, queued[i]]))
  const results = decisions.map((decision) => ({ decision, message: messageOf.get(decision as any) ?? null }))
  await recordRecoveryOutcomes(
    tx,
    input.now,
    results.map(({ decision, message }) => ({
      id: decision.cart.id,
      channel: decision.skip ? null : decision.channel,
      message_id: message?.id ?? null,
      skipped_reason: decision.skip ? decision.reason : null,
      checkout_expires_at: decision.skip ? null : decision.checkout_expires_at,
    }))
  )
  return { due, results }
}
