import { generateEntityId } from "@medusajs/framework/utils"
import type { SqlRunner } from "./ingest"

/** How long one worker may hold an event before another may take it over. */
const LOCK_SECONDS = 30

export type ClaimedWebhookEvent = { id: string; raw_body: string; attempts: number }

/** Stores received webhook bodies in one statement; returns their ids in order. */
export async function insertWebhookEvents(db: SqlRunner, events: { rawBody: string; phoneNumberIds: string[] }[]) {
  const ids = events.map(() => generateEntityId("", "waevt"))
  await db.execute(
    `insert into whatsapp_webhook_event (id, raw_body, received_at, status, phone_number_ids, created_at, updated_at)
     values ${events.map(() => "(?, ?, now(), 'pending', ?::jsonb, now(), now())").join(", ")}`,
    events.flatMap((event, i) => [ids[i], event.rawBody, JSON.stringify(event.phoneNumberIds)])
  )
  return ids
}

/**
 * Takes up to `limit` events for processing: pending ones, and failed ones
 * whose backoff has passed. SKIP LOCKED and the lock deadline keep two
 * workers (or instances) from ever taking the same event.
 */
export async function claimWebhookEvents(db: SqlRunner, limit: number): Promise<ClaimedWebhookEvent[]> {
  return db.execute(
    `update whatsapp_webhook_event
       set attempts = attempts + 1, locked_until = now() + interval '${LOCK_SECONDS} seconds', updated_at = now()
     where id in (
       select id from whatsapp_webhook_event
       where deleted_at is null and (locked_until is null or locked_until < now())
         and (status = 'pending' or (status = 'failed' and next_attempt_at is not null and next_attempt_at <= now()))
       order by received_at
       limit ?
       for update skip locked)
     returning id, raw_body, attempts`,
    [limit]
  )
}

/** Records many outcomes in one statement (a processed batch). */
export async function finishWebhookEvents(
  db: SqlRunner,
  outcomes: { id: string; status: "processed" | "ignored" | "failed"; note?: string | null; retryInMs?: number | null }[]
) {
  if (!outcomes.length) return
  await db.execute(
    `update whatsapp_webhook_event e set
       status = v.status, last_error = v.note, locked_until = null, updated_at = now(),
       processed_at = case when v.status in ('processed', 'ignored') then now() else e.processed_at end,
       next_attempt_at = case when v.retry_ms is null then null else now() + (v.retry_ms * interval '1 millisecond') end
     from (values ${outcomes.map(() => "(?, ?, ?, ?::int)").join(", ")}) as v(id, status, note, retry_ms)
     where e.id = v.id`,
    outcomes.flatMap((o) => [o.id, o.status, o.note ?? null, o.retryInMs ?? null])
  )
}
