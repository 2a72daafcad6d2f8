import { generateEntityId } from "@medusajs/framework/utils"
import type { SqlRunner } from "./ingest"

/** How long one worker may hold an event before another may take it over. */
const LOCK_SECONDS = 30

export type ClaimedWebhookEvent = { id: string; raw_body: string; attempts: number }

export async function insertWebhookEvent(db: SqlRunner, rawBody: string, phoneNumberIds: string[]) {
  const id = generateEntityId("", "waevt")
  await db.execute(
    `insert into whatsapp_webhook_event (id, raw_body, received_at, status, phone_number_ids, created_at, updated_at)
     values (?, ?, now(), 'pending', ?::jsonb, now(), now())`,
    [id, rawBody, JSON.stringify(phoneNumberIds)]
  )
  return id
}

/** Takes an event for processing; null when it is done or another worker holds it. */
export async function claimWebhookEvent(db: SqlRunner, id: string): Promise<ClaimedWebhookEvent | null> {
  const [row] = await db.execute(
    `update whatsapp_webhook_event
       set attempts = attempts + 1, locked_until = now() + interval '${LOCK_SECONDS} seconds', updated_at = now()
     where id = ? and deleted_at is null and status in ('pending', 'failed')
       and (locked_until is null or locked_until < now())
     returning id, raw_body, attempts`,
    [id]
  )
  return row ?? null
}

export async function finishWebhookEvent(
  db: SqlRunner,
  id: string,
  outcome: { status: "processed" | "ignored" | "failed"; note?: string | null; retryInMs?: number | null }
) {
  await db.execute(
    `update whatsapp_webhook_event set
       status = ?, last_error = ?, locked_until = null, updated_at = now(),
       processed_at = case when ? in ('processed', 'ignored') then now() else processed_at end,
       next_attempt_at = case when ?::int is null then null else now() + (?::int * interval '1 millisecond') end
     where id = ?`,
    [outcome.status, outcome.note ?? null, outcome.status, outcome.retryInMs ?? null, outcome.retryInMs ?? null, id]
  )
}

/**
 * Events to (re)process: failed ones whose backoff has passed, and pending
 * ones older than `staleAfterMs` (acknowledged, but the process that should
 * have handled them died or never got the event).
 */
export async function listDueWebhookEvents(db: SqlRunner, staleAfterMs: number, limit: number) {
  const rows = await db.execute(
    `select id from whatsapp_webhook_event
     where deleted_at is null and (locked_until is null or locked_until < now()) and (
       (status = 'failed' and next_attempt_at is not null and next_attempt_at <= now())
       or (status = 'pending' and received_at < now() - (?::int * interval '1 millisecond')))
     order by received_at
     limit ?`,
    [staleAfterMs, limit]
  )
  return rows.map((r) => r.id as string)
}
