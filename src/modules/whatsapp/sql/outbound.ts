import { generateEntityId } from "@medusajs/framework/utils"
import { settleWaitingFor } from "./message-lifecycle"
import type { SqlRunner } from "./ingest"

export type ClaimedOutbound = {
  id: string
  payload: any
  attempts: number
  type: string
  conversation_id: string
  /** The customer's phone, or null for a username customer reached by `user_id` (BSUID). */
  wa_id: string | null
  user_id: string | null
  last_inbound_at: Date | null
  account_id: string
  phone_number_id: string
  /** The account's token as stored (sealed); the dispatcher opens it. */
  sealed_access_token: string
}

export type OutboundInsert = {
  conversationId: string
  type: string
  text: string | null
  payload: unknown
  idempotencyKey: string
  /** An image or document the admin sent: its file in the File module and its id at Meta. */
  media?: { media_id: string; file_id: string; url: string | null; mime_type: string; size: number; filename: string } | null
}

/** Inserts a queued message; an existing idempotency key returns the earlier row instead. */
export async function queueOutboundMessage(db: SqlRunner, input: OutboundInsert): Promise<{ id: string; created: boolean }> {
  const [queued] = await queueOutboundMessages(db, [input])
  return queued
}

/**
 * Inserts many queued messages in one statement (the recovery job queues a
 * batch at a time). Each key yields one row, whoever inserted it first;
 * results are in input order.
 */
export async function queueOutboundMessages(db: SqlRunner, inputs: OutboundInsert[]): Promise<{ id: string; created: boolean }[]> {
  if (!inputs.length) return []
  const inserted: { id: string; idempotency_key: string }[] = await db.execute(
    `insert into whatsapp_message
       (id, conversation_id, direction, type, text, payload, status, idempotency_key,
        media_id, media_file_id, media_url, media_mime_type, media_size, media_filename, media_status, created_at, updated_at)
     select id, conversation_id, 'outbound', type, text, payload, 'queued', idempotency_key,
            media_id, media_file_id, media_url, media_mime_type, media_size, media_filename,
            case when media_file_id is null then null else 'stored' end,
            -- One microsecond apart in input order: the send order of one statement's messages.
            now() + (n * interval '1 microsecond'), now()
       from rows from (jsonb_to_recordset(?::jsonb)
         as (id text, conversation_id text, type text, text text, payload jsonb, idempotency_key text,
             media_id text, media_file_id text, media_url text, media_mime_type text, media_size integer, media_filename text))
         with ordinality as m(id, conversation_id, type, text, payload, idempotency_key,
             media_id, media_file_id, media_url, media_mime_type, media_size, media_filename, n)
     on conflict (idempotency_key) where idempotency_key is not null and deleted_at is null do nothing
     returning id, idempotency_key`,
    [
      JSON.stringify(
        inputs.map((m) => ({
          id: generateEntityId("", "wamsg"),
          conversation_id: m.conversationId,
          type: m.type,
          text: m.text,
          payload: m.payload,
          idempotency_key: m.idempotencyKey,
          media_id: m.media?.media_id ?? null,
          media_file_id: m.media?.file_id ?? null,
          media_url: m.media?.url ?? null,
          media_mime_type: m.media?.mime_type ?? null,
          media_size: m.media?.size ?? null,
          media_filename: m.media?.filename ?? null,
        }))
      ),
    ]
  )
  const created = new Map(inserted.map((row) => [row.idempotency_key, row.id]))
  if (inserted.length) {
    const conversations = [...new Set(inputs.filter((m) => created.has(m.idempotencyKey)).map((m) => m.conversationId))]
    await db.execute(`update whatsapp_conversation set last_message_at = now(), updated_at = now() where id in (select jsonb_array_elements_text(?::jsonb))`, [
      JSON.stringify(conversations),
    ])
  }
  const missing = inputs.filter((m) => !created.has(m.idempotencyKey)).map((m) => m.idempotencyKey)
  const existing = new Map<string, string>()
  if (missing.length) {
    const rows = await db.execute(`select id, idempotency_key from whatsapp_message where idempotency_key in (select jsonb_array_elements_text(?::jsonb))`, [
      JSON.stringify(missing),
    ])
    rows.forEach((row: any) => existing.set(row.idempotency_key, row.id))
  }
  return inputs.map((m) =>
    created.has(m.idempotencyKey)
      ? { id: created.get(m.idempotencyKey)!, created: true }
      : { id: existing.get(m.idempotencyKey)!, created: false }
  )
}

export async function markOutboundSent(db: SqlRunner, id: string, wamid: string) {
  // A status webhook can only match once the wamid is stored, so nothing can be ahead of "sent" here.
  // Same statement: whether a reaction or reply naming this wamid arrived before it was stored (rare; see message-lifecycle).
  const [sent] = await db.execute(
    `with sent as (
       update whatsapp_message set status = 'sent', wamid = ?, sent_at = now(), claimed_until = null,
         next_attempt_at = null, updated_at = now()
       where id = ? and status = 'sending'
       returning conversation_id)
     select conversation_id, exists (select 1 from whatsapp_message w
        where (w.target_wamid = ? and w.applied_at is null and w.deleted_at is null)
           or (w.reply_to_wamid = ? and w.reply_to_message_id is null and w.deleted_at is null)) as waiting
     from sent`,
    [wamid, id, wamid, wamid]
  )
  if (sent?.waiting) await settleWaitingFor(db, sent.conversation_id, id, wamid)
}

/**
 * Books the next send slot on a shared GCRA schedule (lib/outbound/pacing)
 * and returns when that send may go. One statement, so concurrent
 * dispatchers in any number of instances never book the same slot.
 */
export async function reserveSendSlot(db: SqlRunner, key: string, intervalMs: number, burst = 1): Promise<Date> {
  const toleranceMs = (burst - 1) * intervalMs
  // clock_timestamp(), not now(): concurrent callers wait for the row lock,
  // and a time read before that wait would book slots in the past.
  const [row] = await db.execute(
    `insert into whatsapp_rate_limit (id, tat, created_at, updated_at)
     values (?, clock_timestamp() + (?::float * interval '1 millisecond'), now(), now())
     on conflict (id) do update set
       tat = greatest(whatsapp_rate_limit.tat, clock_timestamp()) + (?::float * interval '1 millisecond'),
       updated_at = now()
     returning greatest(clock_timestamp(), tat - ((?::float + ?::float) * interval '1 millisecond')) as send_at`,
    [key, intervalMs, intervalMs, intervalMs, toleranceMs]
  )
  return new Date(row.send_at)
}

/**
 * The last check before a call leaves. It passes when fewer than `limit`
 * sends passed this schedule in the last `windowMs` (a sliding-window log of
 * the last `limit` sends) and the previous one is at least `minGapMs` old,
 * then records this send. Slots from reserveSendSlot are already spaced;
 * the gate keeps any second under the limit when a process wakes late (a
 * busy event loop), lets late sends catch up at up to 1000 / minGapMs per
 * second, and never lets a late bunch out at once. Returns 0 when passed,
 * else how long to wait before asking again.
 */
export async function passSendGate(db: SqlRunner, key: string, gate: { limit: number; windowMs: number; minGapMs: number }): Promise<number> {
  // clock_timestamp() inline, not in a CTE: it is read after the row lock is held.
  // The log keeps the last `limit` sends; the one `limit` sends back decides.
  // Trimming to `limit - 1` before appending also shrinks a log left longer
  // by a higher limit (the rate was lowered).
  const log = `coalesce(recent_sends, '[]'::jsonb)`
  const nowMs = `extract(epoch from clock_timestamp()) * 1000`
  const [row] = await db.execute(
    `update whatsapp_rate_limit
        set recent_sends = (select coalesce(jsonb_agg(e order by i), '[]'::jsonb)
                              from jsonb_array_elements(${log}) with ordinality as t(e, i)
                             where i > jsonb_array_length(${log}) - (?::int - 1))
                           || to_jsonb(${nowMs}),
            updated_at = now()
      where id = ?
        and (jsonb_array_length(${log}) < ?
             or (recent_sends->>(jsonb_array_length(recent_sends) - ?::int))::float8 <= ${nowMs} - ?)
        and coalesce((recent_sends->>-1)::float8, 0) <= ${nowMs} - ?
      returning id`,
    [gate.limit, key, gate.limit, gate.limit, gate.windowMs, gate.minGapMs]
  )
  if (row) return 0
  const [state] = await db.execute(
    `select greatest(
              case when jsonb_array_length(${log}) >= ?
                   then (recent_sends->>(jsonb_array_length(recent_sends) - ?::int))::float8 + ? else 0 end,
              coalesce((recent_sends->>-1)::float8, 0) + ?
            ) - ${nowMs} as wait_ms
       from whatsapp_rate_limit where id = ?`,
    [gate.limit, gate.limit, gate.windowMs, gate.minGapMs, key]
  )
  return Math.max(1, Math.ceil(Number(state?.wait_ms ?? 1)))
}
