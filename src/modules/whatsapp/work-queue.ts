import { boundNote, MAX_ERROR_NOTE } from "../../lib/safe-error"
import { storableText } from "../../lib/storable-text"
import type { SqlRunner } from "./sql/ingest"
import { EMBEDDING_QUIET_MS } from "./sql/product-embeddings"

/**
 * The plugin's one durable work queue. Work items are the domain rows
 * themselves (a webhook body, an incoming message to answer, an outgoing
 * message to send, a variant to sync), so their state is what the admin
 * shows and no second table can drift from it. What differs per kind is
 * only where a row keeps its queue state: `KINDS` maps that; claiming with
 * a lease, retrying with backoff, the attempt cap and giving up visibly are
 * written once, below.
 */
export type WorkKind = "webhook_event" | "inbound_message" | "outbound_message" | "catalog_change" | "media_download" | "product_embedding" | "automation_run"

type KindTable = {
  table: string
  /** Rows of this kind at all. */
  scope: string
  attempts: string
  /** The lease column: a claim holds the row until then. */
  lease: string
  leaseSeconds: number
  /** Waiting and past its backoff (the free lease is checked separately). */
  due: string
  order: string
  /** Extra assignments when claimed. */
  claimSet?: string
  /** The last error, for the note of a give-up at the cap. */
  error: string
  returning: string
  /** Columns to return, over the CTE `claimed` (with joins). */
  select?: string
  /** Assignments; `v` holds id, note, code, delay_ms, status, claimed_attempts, uncount. */
  retrySet: string
  failSet: string
  /** Assignments for a finished item; absent: a finished item's row is deleted. */
  doneSet?: string
  /** Given up for good (shown to the admin with its reason). */
  gaveUp: string
}

/** Changed variants wait this long without another change before they are synced (debounce). */
export const CATALOG_QUIET_MS = 3_000

const KINDS: Record<WorkKind, KindTable> = {
  webhook_event: {
    table: "whatsapp_webhook_event",
    scope: "t.deleted_at is null",
    attempts: "attempts",
    lease: "locked_until",
    leaseSeconds: 30,
    due: "(t.status = 'pending' or (t.status = 'failed' and t.next_attempt_at is not null and t.next_attempt_at <= now()))",
    order: "t.received_at, t.id",
    error: "last_error",
    returning: "id, raw_body, raw_body_encoding, attempts",
    retrySet: "status = 'failed', last_error = v.note, locked_until = null, next_attempt_at = now() + (v.delay_ms * interval '1 millisecond')",
    failSet: "status = 'failed', last_error = v.note, locked_until = null, next_attempt_at = null",
    doneSet: "status = v.status, last_error = v.note, locked_until = null, next_attempt_at = null, processed_at = now()",
    gaveUp: "t.status = 'failed' and t.next_attempt_at is null",
  },
  inbound_message: {
    table: "whatsapp_message",
    scope: "t.direction = 'inbound' and t.deleted_at is null",
    attempts: "handle_attempts",
    // The lease column doubles as the backoff: a failed answer is held until its retry.
    lease: "handle_claimed_until",
    leaseSeconds: 120,
    due: "t.handled_at is null and t.created_at > now() - interval '2 days'",
    order: "t.created_at, t.id",
    error: "handle_error",
    returning: "id, type, referred_retailer_id, conversation_id, handle_attempts as attempts",
    select: "claimed.*, c.opted_out from claimed join whatsapp_conversation c on c.id = claimed.conversation_id",
    retrySet: "handle_error = v.note, handle_claimed_until = now() + (v.delay_ms * interval '1 millisecond')",
    failSet: "handled_at = now(), handle_error = v.note, handle_claimed_until = null",
    doneSet: "handled_at = now(), handle_error = v.note, handle_claimed_until = null",
    gaveUp: "t.handled_at is not null and t.handle_error like 'gave up%'",
  },
  outbound_message: {
    table: "whatsapp_message",
    scope: "t.direction = 'outbound' and t.deleted_at is null",
    attempts: "attempts",
    lease: "claimed_until",
    leaseSeconds: 60,
    // 'sending' with a free lease: a dispatcher stopped mid-send. A customer
    // gets messages in the order they were queued: none is taken while an
    // earlier one to the same conversation is still unsent.
    due: `((t.status = 'queued' and (t.next_attempt_at is null or t.next_attempt_at <= now())) or t.status = 'sending')
      and not exists (select 1 from whatsapp_message e
        where e.conversation_id = t.conversation_id and e.direction = 'outbound' and e.deleted_at is null
          and e.status in ('queued', 'sending') and (e.created_at, e.id) < (t.created_at, t.id))`,
    order: "t.created_at, t.id",
    claimSet: "status = 'sending', updated_at = now()",
    error: "error_message",
    returning: "id, payload, attempts, type, conversation_id",
    select: `claimed.*, c.wa_id, c.user_id, c.last_inbound_at, a.id as account_id, a.phone_number_id, a.access_token as sealed_access_token
      from claimed join whatsapp_conversation c on c.id = claimed.conversation_id join whatsapp_account a on a.id = c.account_id`,
    retrySet: `status = 'queued', claimed_until = null, next_attempt_at = now() + (v.delay_ms * interval '1 millisecond'),
      error_code = v.code, error_message = v.note, attempts = t.attempts - v.uncount, updated_at = now()`,
    failSet: "status = 'failed', claimed_until = null, next_attempt_at = null, error_code = coalesce(v.code, t.error_code), error_message = v.note, updated_at = now()",
    // Sent is recorded with its wamid by markOutboundSent.
    doneSet: "claimed_until = null",
    gaveUp: "t.status = 'failed'",
  },
  catalog_change: {
    table: "whatsapp_catalog_queue",
    scope: "t.deleted_at is null",
    attempts: "attempts",
    lease: "locked_until",
    leaseSeconds: 600,
    due: `t.failed_at is null and t.queued_at < now() - interval '${CATALOG_QUIET_MS} milliseconds'
      and (t.next_attempt_at is null or t.next_attempt_at <= now())`,
    order: "t.queued_at, t.id",
    error: "last_error",
    returning: "id, attempts",
    retrySet: "last_error = v.note, locked_until = null, next_attempt_at = now() + (v.delay_ms * interval '1 millisecond')",
    failSet: "failed_at = now(), last_error = v.note, locked_until = null",
    gaveUp: "t.failed_at is not null",
  },
  media_download: {
    table: "whatsapp_message",
    scope: "t.media_status is not null and t.deleted_at is null",
    attempts: "media_attempts",
    // As for answers, the lease doubles as the backoff of a failed download.
    lease: "media_claimed_until",
    leaseSeconds: 300,
    due: "t.media_status = 'pending'",
    order: "t.created_at, t.id",
    error: "media_error",
    returning: `id, type, wamid, media_id, media_mime_type, media_sha256, media_filename,
      (payload -> type ->> 'animated') as animated, conversation_id, media_attempts as attempts`,
    select: "claimed.*, c.account_id from claimed join whatsapp_conversation c on c.id = claimed.conversation_id",
    retrySet: "media_error = v.note, media_claimed_until = now() + (v.delay_ms * interval '1 millisecond'), updated_at = now()",
    failSet: "media_status = 'failed', media_error = v.note, media_claimed_until = null, updated_at = now()",
    // Stored is recorded with the file by recordStoredMedia.
    doneSet: "media_claimed_until = null",
    gaveUp: "t.media_status = 'failed'",
  },
  // Products to embed for hybrid search (only with the `ai` option). The row stays: it holds the vector.
  product_embedding: {
    table: "whatsapp_product_embedding",
    scope: "t.deleted_at is null",
    attempts: "attempts",
    lease: "locked_until",
    leaseSeconds: 300,
    due: `t.queued_at is not null and t.failed_at is null and t.queued_at < now() - interval '${EMBEDDING_QUIET_MS} milliseconds'
      and (t.next_attempt_at is null or t.next_attempt_at <= now())`,
    order: "t.queued_at, t.id",
    error: "last_error",
    returning: "id, attempts",
    retrySet: "last_error = v.note, locked_until = null, next_attempt_at = now() + (v.delay_ms * interval '1 millisecond'), updated_at = now()",
    failSet: "failed_at = now(), last_error = v.note, locked_until = null, updated_at = now()",
    // Queued again while it ran (a new change reset attempts): stays queued for its next run.
    doneSet: `queued_at = case when v.claimed_attempts is null or t.attempts = v.claimed_attempts then null else t.queued_at end,
      last_error = null, locked_until = null, next_attempt_at = null`,
    gaveUp: "t.failed_at is not null",
  },
  // Automation runs: due when their delay or backoff is over. The run's own
  // `results` say which actions are done; the engine records them itself
  // (finishAutomationRun), so a done item only frees its lease here.
  automation_run: {
    table: "whatsapp_automation_run",
    scope: "t.deleted_at is null",
    attempts: "attempts",
    lease: "locked_until",
    leaseSeconds: 120,
    due: "t.status in ('waiting', 'running') and t.due_at <= now()",
    order: "t.due_at, t.id",
    claimSet: "status = 'running', updated_at = now()",
    error: "error",
    returning: "id, rule_id, trigger_key, conversation_id, event, results, attempts",
    // The rule, the conversation and the store name come with the claim: one round trip instead of three per run.
    select: `claimed.id, claimed.rule_id, claimed.trigger_key, claimed.event, claimed.results, claimed.attempts,
      case when r.id is null then null else jsonb_build_object('id', r.id, 'name', r.name, 'enabled', r.enabled, 'account_id', r.account_id, 'priority', r.priority,
        'trigger', r.trigger, 'conditions', r.conditions, 'delay_minutes', r.delay_minutes, 'actions', r.actions,
        'created_at', r.created_at, 'updated_at', r.updated_at) end as rule,
      case when c.id is null then null else jsonb_build_object('id', c.id, 'account_id', c.account_id, 'customer_id', c.customer_id,
        'language', c.language, 'profile_name', c.profile_name, 'last_inbound_at', c.last_inbound_at, 'opted_out', c.opted_out,
        'tags', coalesce(c.tags, '[]'::jsonb), 'handoff_at', c.handoff_at, 'store_name', a.name) end as conversation
      from claimed
      left join whatsapp_automation_rule r on r.id = claimed.rule_id and r.deleted_at is null
      left join whatsapp_conversation c on c.id = claimed.conversation_id and c.deleted_at is null
      left join whatsapp_account a on a.id = c.account_id`,
    retrySet: "status = 'waiting', error = v.note, locked_until = null, due_at = now() + (v.delay_ms * interval '1 millisecond'), updated_at = now()",
    failSet: "status = 'failed', error = v.note, locked_until = null, finished_at = now(), updated_at = now()",
    doneSet: "locked_until = null",
    gaveUp: "t.status = 'failed'",
  },
}

export type WorkOutcome = {
  id: string
  /** The attempts the claim returned: a catalog change queued again since then is kept for its next run. */
  claimedAttempts?: number
} & (
  | { result: "done"; status?: string; note?: string | null }
  | { result: "retry"; delayMs: number; note: string | null; code?: string | null; uncount?: boolean }
  | { result: "failed"; note: string; code?: string | null }
)

const free = (k: KindTable) => `(t.${k.lease} is null or t.${k.lease} < now())`

/**
 * Takes up to `limit` due items of a kind (or only those in `ids`). SKIP
 * LOCKED and the lease keep two workers or instances from ever holding the
 * same item. The attempt cap holds here, where attempts are counted: an item
 * that used its claims is never claimed again, and with `sweep` one that did
 * so without an outcome being recorded (its worker died) is given up, with
 * its reason (the drain sweeps on its periodic nudge, not on every claim).
 */
export async function claimWork<T = Record<string, any>>(
  db: SqlRunner,
  kind: WorkKind,
  input: { limit: number; maxAttempts: number; ids?: string[]; sweep: boolean }
): Promise<T[]> {
  const k = KINDS[kind]
  const only = input.ids ? `and t.id in (select jsonb_array_elements_text(?::jsonb))` : ""
  const onlyParams = input.ids ? [JSON.stringify(input.ids)] : []
  if (input.sweep) await db.execute(
    `update ${k.table} t set ${k.failSet}
     from (select id, left('gave up after ' || ${k.attempts} || ' attempts: ' ||
             coalesce(${k.error}, 'no outcome recorded (worker stopped or could not record it)'), ${MAX_ERROR_NOTE}) as note, null::text as code
           from ${k.table} t where ${k.scope} and ${k.due} and ${free(k)} and t.${k.attempts} >= ? ${only}) v
     where t.id = v.id`,
    [input.maxAttempts, ...onlyParams]
  )
  // UPDATE … RETURNING yields rows in no particular order: the claim's order
  // comes back as columns and sorts the result, so a batch is handled in the
  // order the work arrived (a number change must not overtake the message
  // sent before it).
  const orderBy = k.order.split(",").map((column) => column.trim())
  const rows: Record<string, unknown>[] = await db.execute(
    `with claimed as (
       update ${k.table} t set ${k.attempts} = t.${k.attempts} + 1,
         ${k.lease} = now() + interval '${k.leaseSeconds} seconds'${k.claimSet ? `, ${k.claimSet}` : ""}
       where t.id in (
         select t.id from ${k.table} t
         where ${k.scope} and ${k.due} and ${free(k)} and t.${k.attempts} < ? ${only}
         order by ${k.order} limit ? for update skip locked)
       returning ${k.returning}, ${orderBy.map((column, i) => `${column} as claim_order_${i}`).join(", ")})
     select ${k.select ?? "* from claimed"}
     order by ${orderBy.map((_, i) => `claimed.claim_order_${i}`).join(", ")}`,
    [input.maxAttempts, ...onlyParams, input.limit]
  )
  for (const row of rows) orderBy.forEach((_, i) => delete row[`claim_order_${i}`])
  return rows as T[]
}

/**
 * For rows inserted already claimed (an automation run due now, booked and
 * claimed in one statement by the process that runs it): the lease they start
 * with, the assignments a claim makes, and what a claim returns over a CTE
 * named `claimed`. A crash before the outcome is recorded leaves a lease that
 * runs out; the lane claims the row again then, as any other.
 */
export function claimOnInsert(kind: WorkKind): { lease: string; select: string } {
  const k = KINDS[kind]
  return { lease: `now() + interval '${k.leaseSeconds} seconds'`, select: k.select ?? "* from claimed" }
}

/** Records many outcomes of one kind, one statement per result. Notes must hold ids and codes only. */
export async function finishWork(db: SqlRunner, kind: WorkKind, outcomes: WorkOutcome[]) {
  const k = KINDS[kind]
  const by = (result: WorkOutcome["result"]) => outcomes.filter((o) => o.result === result)
  const values = (rows: WorkOutcome[]) => ({
    sql: rows.map(() => "(?::text, ?::text, ?::text, ?::int, ?::text, ?::int, ?::int)").join(", "),
    params: rows.flatMap((o) => [
      o.id,
      o.note == null ? null : boundNote(storableText(o.note)),
      "code" in o ? o.code ?? null : null,
      o.result === "retry" ? Math.round(o.delayMs) : null,
      o.result === "done" ? o.status ?? null : null,
      o.claimedAttempts ?? null,
      o.result === "retry" && o.uncount ? 1 : 0,
    ]),
  })
  const from = "v(id, note, code, delay_ms, status, claimed_attempts, uncount)"
  for (const [result, set] of [
    ["retry", k.retrySet],
    ["failed", k.failSet],
  ] as const) {
    const rows = by(result)
    if (!rows.length) continue
    const v = values(rows)
    await db.execute(`update ${k.table} t set ${set} from (values ${v.sql}) as ${from} where t.id = v.id`, v.params)
  }
  const done = by("done")
  if (!done.length) return
  const v = values(done)
  if (k.doneSet) {
    await db.execute(`update ${k.table} t set ${k.doneSet} from (values ${v.sql}) as ${from} where t.id = v.id`, v.params)
    return
  }
  // Deleted only if not queued again while it ran (a new change resets attempts); else freed for its next run.
  await db.execute(
    `delete from ${k.table} t using (values ${v.sql}) as ${from}
     where t.id = v.id and (v.claimed_attempts is null or t.${k.attempts} = v.claimed_attempts)`,
    v.params
  )
  await db.execute(`update ${k.table} t set ${k.lease} = null from (values ${v.sql}) as ${from} where t.id = v.id`, v.params)
}

export const WORK_KINDS = Object.keys(KINDS) as WorkKind[]

export type WorkBacklog = { kind: WorkKind; due: number; in_progress: number; given_up: number }

/**
 * What the queue holds per kind: due now, held by a worker, and given up
 * (in the last 7 days; the rows say why).
 */
export async function workBacklog(db: SqlRunner, kinds: WorkKind[] = WORK_KINDS): Promise<WorkBacklog[]> {
  return Promise.all(
    kinds.map(async (kind) => {
      const k = KINDS[kind]
      const [row] = await db.execute(
        `select count(*) filter (where ${k.due} and ${free(k)})::int as due,
                count(*) filter (where t.${k.lease} >= now() and not (${k.gaveUp}))::int as in_progress,
                count(*) filter (where ${k.gaveUp} and t.updated_at > now() - interval '7 days')::int as given_up
           from ${k.table} t where ${k.scope}`
      )
      return { kind, ...row }
    })
  )
}
