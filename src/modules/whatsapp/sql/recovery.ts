import { generateEntityId } from "@medusajs/framework/utils"
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
  /** How many recovery steps the cart has had (sent, skipped or passed over). */
  recovery_step: number
  /** created_at as PostgreSQL prints it (microseconds): the keyset, which a JS Date would round to milliseconds. */
  created_key: string
}

/** Carts a recovery step may still reach: open, or abandoned after an earlier step. */
export const RECOVERABLE_STATUSES = `('submitted', 'link_sent', 'abandoned')`

/**
 * Locks the next `limit` carts of an account due for their next recovery
 * step, after the keyset `after`. `cutoffs[n]` is the latest send time at
 * which step n + 1 is due, so a cart that had `recovery_step` steps is due
 * when it was sent at or before `cutoffs[recovery_step]`. A partial index
 * holds only carts with a step left, so the scan never touches paid or
 * finished ones; rows another run holds are skipped, not waited for. Call
 * inside a transaction.
 */
export async function claimDueCarts(
  tx: SqlRunner,
  input: { accountId: string; cutoffs: Date[]; limit: number; after: { created_key: string; id: string } | null }
): Promise<DueCart[]> {
  const first = input.cutoffs[0]
  const notBefore = new Date(first.getTime() - RECOVERY_LOOKBACK_DAYS * 86_400_000)
  const after = input.after ?? { created_key: notBefore.toISOString(), id: "" }
  return tx.execute(
    `select w.id, w.cart_id, w.account_id, w.conversation_id, w.customer_id, w.created_at, w.created_at::text as created_key,
            w.recovery_step,
            c.wa_id, c.user_id, c.profile_name, c.last_inbound_at, c.opted_out, c.language,
            c.marketing_preference, c.marketing_preference_detail
       from whatsapp_cart w
       join whatsapp_conversation c on c.id = w.conversation_id
      where w.account_id = ? and w.status in ${RECOVERABLE_STATUSES} and w.recovery_step < ${MAX_STEPS} and w.deleted_at is null
        and w.recovery_step < ?
        and w.created_at <= ? and w.created_at > ? and (w.created_at, w.id) > (?::timestamptz, ?)
        and w.created_at <= (?::jsonb ->> w.recovery_step)::timestamptz
      order by w.created_at, w.id
      limit ?
        for update of w skip locked`,
    [
      input.accountId,
      input.cutoffs.length,
      first,
      notBefore,
      after.created_key,
      after.id,
      JSON.stringify(input.cutoffs.map((c) => c.toISOString())),
      input.limit,
    ]
  )
}

/** Steps beyond any configuration: a cart set to it is finished with recovery (paid for, opted out, gone). */
export const MAX_STEPS = 3

export type RecoveryOutcome = {
  id: string
  /** The step this outcome is for; MAX_STEPS when no later step may follow. */
  step: number
  /** Set when a reminder was queued. */
  channel: "interactive" | "template" | null
  message_id: string | null
  skipped_reason: string | null
  checkout_expires_at: Date | null
}

/**
 * Records what happened to each claimed cart in one statement: it is
 * abandoned (since its first step), with its latest reminder (and the new
 * link's expiry) or the reason there was none. The cart keeps the last
 * reminder that was sent, so paying after any step counts as recovered. A
 * cart paid meanwhile is left as it is.
 */
export async function recordRecoveryOutcomes(tx: SqlRunner, now: Date, outcomes: RecoveryOutcome[]): Promise<number> {
  if (!outcomes.length) return 0
  const rows = await tx.execute(
    `update whatsapp_cart w
        set status = 'abandoned', abandoned_at = coalesce(w.abandoned_at, ?),
            recovery_step = greatest(w.recovery_step, o.step),
            recovery_sent_at = case when o.channel is not null then ?::timestamptz else w.recovery_sent_at end,
            recovery_channel = coalesce(o.channel, w.recovery_channel),
            recovery_message_id = coalesce(o.message_id, w.recovery_message_id),
            recovery_skipped_reason = o.skipped_reason,
            checkout_expires_at = coalesce(o.checkout_expires_at, w.checkout_expires_at),
            updated_at = now()
       from jsonb_to_recordset(?::jsonb)
         as o(id text, step int, channel text, message_id text, skipped_reason text, checkout_expires_at timestamptz)
      where w.id = o.id and w.status in ${RECOVERABLE_STATUSES}
      returning w.id`,
    [now, now, JSON.stringify(outcomes)]
  )
  return rows.length
}

export type RecoveryStepRecord = {
  whatsapp_cart_id: string
  account_id: string
  step: number
  message_id: string | null
  skipped_reason: string | null
  promotion_code: string | null
}

/**
 * One row per cart and step (unique): what the step did, the basis of the
 * per-step figures (sent, clicked, recovered). A replayed step finds its row.
 */
export async function recordRecoverySteps(tx: SqlRunner, now: Date, records: RecoveryStepRecord[]): Promise<void> {
  if (!records.length) return
  await tx.execute(
    `insert into whatsapp_recovery_step (id, whatsapp_cart_id, account_id, step, message_id, skipped_reason, promotion_code, decided_at, created_at, updated_at)
     select r.id, r.whatsapp_cart_id, r.account_id, r.step, r.message_id, r.skipped_reason, r.promotion_code, ?, now(), now()
       from jsonb_to_recordset(?::jsonb)
         as r(id text, whatsapp_cart_id text, account_id text, step int, message_id text, skipped_reason text, promotion_code text)
     on conflict (whatsapp_cart_id, step) where deleted_at is null do nothing`,
    [now, JSON.stringify(records.map((r) => ({ ...r, id: generateEntityId("", "warecstep") })))]
  )
}

/**
 * The checkout link was opened: the cart's latest step sent counts one
 * click (the first open only). Its row exists only once the step was sent,
 * so an earlier open never counts for it.
 */
export async function recordRecoveryClick(db: SqlRunner, whatsappCartId: string, now: Date): Promise<void> {
  await db.execute(
    `update whatsapp_recovery_step set clicked_at = ?, updated_at = now()
      where id = (select id from whatsapp_recovery_step
                   where whatsapp_cart_id = ? and message_id is not null and deleted_at is null
                   order by step desc limit 1)
        and clicked_at is null`,
    [now, whatsappCartId]
  )
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
      where (idempotency_key = ? or idempotency_key like ?) and status = 'queued' and deleted_at is null
      returning id`,
    [recoveryMessageKey(whatsappCartId), `${recoveryMessageKey(whatsappCartId)}:%`]
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

/** Step 1 keeps the key reminders had before there were steps, so an upgrade never sends it twice. */
export function recoveryMessageKey(whatsappCartId: string, step = 1): string {
  return step === 1 ? `cart-recovery:${whatsappCartId}` : `cart-recovery:${whatsappCartId}:${step}`
}

/** What the caller decided for one due cart: a reminder to queue, or why there is none. */
export type ReminderDecision = { cart: DueCart; step: number; superseded: number[] } & (
  | { skip: true; reason: string; final: boolean }
  | {
      skip: false
      channel: "interactive" | "template"
      message: { type: string }
      preview: string | null
      checkout_expires_at: Date
      promotion_code: string | null
    }
)

export type ReminderResult = { decision: ReminderDecision; message: { id: string; created: boolean } | null }

/** See WhatsAppModuleService.remindDueCarts. Call inside a transaction. */
export async function remindDueCarts(
  tx: SqlRunner,
  input: { accountId: string; cutoffs: Date[]; now: Date; limit: number; after: DueCart | null },
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
      idempotencyKey: recoveryMessageKey(d.cart.id, d.step),
    }))
  )
  const messageOf = new Map(sends.map((d, i) => [d, queued[i]]))
  const results = decisions.map((decision) => ({ decision, message: messageOf.get(decision as any) ?? null }))
  await recordRecoveryOutcomes(
    tx,
    input.now,
    results.map(({ decision, message }) => ({
      id: decision.cart.id,
      step: decision.skip && decision.final ? MAX_STEPS : decision.step,
      channel: decision.skip ? null : decision.channel,
      message_id: message?.id ?? null,
      skipped_reason: decision.skip ? decision.reason : null,
      checkout_expires_at: decision.skip ? null : decision.checkout_expires_at,
    }))
  )
  await recordRecoverySteps(
    tx,
    input.now,
    results.flatMap(({ decision, message }) => [
      ...decision.superseded.map((step) => ({
        whatsapp_cart_id: decision.cart.id,
        account_id: decision.cart.account_id,
        step,
        message_id: null,
        skipped_reason: "superseded",
        promotion_code: null,
      })),
      {
        whatsapp_cart_id: decision.cart.id,
        account_id: decision.cart.account_id,
        step: decision.step,
        message_id: message?.id ?? null,
        skipped_reason: decision.skip ? decision.reason : null,
        promotion_code: decision.skip ? null : decision.promotion_code,
      },
    ])
  )
  return { due, results }
}
