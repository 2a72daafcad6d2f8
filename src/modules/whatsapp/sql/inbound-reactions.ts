import type { SqlRunner } from "./ingest"

const CLAIM_SECONDS = 120

export type ClaimedInbound = { id: string; type: string; referred_retailer_id: string | null; opted_out: boolean; attempts: number }

/** Takes an unanswered incoming message for handling; null when done, held elsewhere or backing off. */
export async function claimInboundMessage(db: SqlRunner, id: string): Promise<ClaimedInbound | null> {
  const [row] = await db.execute(
    `with claimed as (
       update whatsapp_message set handle_attempts = handle_attempts + 1,
         handle_claimed_until = now() + interval '${CLAIM_SECONDS} seconds'
       where id = ? and direction = 'inbound' and handled_at is null and deleted_at is null
         and (handle_claimed_until is null or handle_claimed_until < now())
       returning id, type, referred_retailer_id, conversation_id, handle_attempts)
     select claimed.id, claimed.type, claimed.referred_retailer_id, claimed.handle_attempts as attempts, c.opted_out
     from claimed join whatsapp_conversation c on c.id = claimed.conversation_id`,
    [id]
  )
  return row ?? null
}

export async function finishInboundMessage(db: SqlRunner, id: string, outcome: { error?: string | null; retryInMs?: number | null }) {
  if (outcome.error && outcome.retryInMs) {
    await db.execute(
      `update whatsapp_message set handle_error = ?, handle_claimed_until = now() + (? * interval '1 millisecond') where id = ?`,
      [outcome.error, outcome.retryInMs, id]
    )
    return
  }
  await db.execute(
    `update whatsapp_message set handled_at = now(), handle_error = ?, handle_claimed_until = null where id = ?`,
    [outcome.error ?? null, id]
  )
}

/** Incoming messages whose handling is due: never picked up (a lost event) or failed and past their backoff. */
export async function dueInboundMessages(db: SqlRunner, limit: number): Promise<string[]> {
  const rows = await db.execute(
    `select id from whatsapp_message
     where direction = 'inbound' and handled_at is null and deleted_at is null
       and created_at > now() - interval '2 days' and created_at < now() - interval '5 seconds'
       and (handle_claimed_until is null or handle_claimed_until < now())
     order by created_at limit ?`,
    [limit]
  )
  return rows.map((r) => r.id as string)
}
