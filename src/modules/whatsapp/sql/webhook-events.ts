import { generateEntityId } from "@medusajs/framework/utils"
import { boundNote, MAX_ERROR_NOTE } from "../../../lib/safe-error"
import { encodeRawBody, RawBodyEncoding, storableText } from "../../../lib/storable-text"
import type { SqlRunner } from "./ingest"

/** How long one worker may hold an event before another may take it over. */
const LOCK_SECONDS = 30

export type ClaimedWebhookEvent = { id: string; raw_body: string; raw_body_encoding: RawBodyEncoding; attempts: number }

/**
 * Stores received webhook bodies in one statement; returns their ids in
 * order. Bodies are kept byte-exact (see encodeRawBody): nothing a signed
 * POST carries can make this insert fail.
 */
export async function insertWebhookEvents(db: SqlRunner, events: { rawBody: Buffer; phoneNumberIds: string[] }[]) {
  const ids = events.map(() => generateEntityId("", "waevt"))
  await db.execute(
    `insert into whatsapp_webhook_event (id, raw_body, raw_body_encoding, received_at, status, phone_number_ids, created_at, updated_at)
     values ${events.map(() => "(?, ?, ?, now(), 'pending', ?::jsonb, now(), now())").join(", ")}`,
    events.flatMap((event, i) => {
      const { text, encoding } = encodeRawBody(event.rawBody)
      return [ids[i], text, encoding, JSON.stringify(event.phoneNumberIds)]
    })
  )
  return ids
}

const CLAIMABLE = `deleted_at is null and (locked_until is null or locked_until < now())
  and (status = 'pending' or (status = 'failed' and next_attempt_at is not null and next_attempt_at <= now()))`

/**
 * Takes up to `limit` events for processing: pending ones, and failed ones
 * whose backoff has passed. SKIP LOCKED and the lock deadline keep two
 * workers (or instances) from ever taking the same event.
 *
 * The attempt cap holds here, where attempts are counted: an event that used
 * its `maxAttempts` claims without an outcome being recorded (its worker
 * died, or recording the outcome failed) is given up first, with its reason,
 * and never claimed again.
 */
export async function claimWebhookEvents(db: SqlRunner, limit: number, maxAttempts: number): Promise<ClaimedWebhookEvent[]> {
  await db.execute(
    `update whatsapp_webhook_event set
       status = 'failed', next_attempt_at = null, locked_until = null, updated_at = now(),
       last_error = left('gave up after ' || attempts || ' attempts: ' ||
         coalesce(last_error, 'no outcome recorded (worker stopped or could not record it)'), ${MAX_ERROR_NOTE})
     where ${CLAIMABLE} and attempts >= ?`,
    [maxAttempts]
  )
  return db.execute(
    `update whatsapp_webhook_event
       set attempts = attempts + 1, locked_until = now() + interval '${LOCK_SECONDS} seconds', updated_at = now()
     where id in (
       select id from whatsapp_webhook_event
       where ${CLAIMABLE} and attempts < ?
       order by received_at
       limit ?
       for update skip locked)
     returning id, raw_body, raw_body_encoding, attempts`,
    [maxAttempts, limit]
  )
}

/** Records many outcomes in one statement (a processed batch). Notes must hold ids and codes only. */
export type WebhookEventOutcome = { id: string; status: "processed" | "ignored" | "failed"; note?: string | null; retryInMs?: number | null }

export async function finishWebhookEvents(db: SqlRunner, outcomes: WebhookEventOutcome[]) {
  if (!outcomes.length) return
  await db.execute(
    `update whatsapp_webhook_event e set
       status = v.status, last_error = v.note, locked_until = null, updated_at = now(),
       processed_at = case when v.status in ('processed', 'ignored') then now() else e.processed_at end,
       next_attempt_at = case when v.retry_ms is null then null else now() + (v.retry_ms * interval '1 millisecond') end
     from (values ${outcomes.map(() => "(?, ?, ?, ?::int)").join(", ")}) as v(id, status, note, retry_ms)
     where e.id = v.id`,
    outcomes.flatMap((o) => [o.id, o.status, o.note == null ? null : boundNote(storableText(o.note)), o.retryInMs ?? null])
  )
}
