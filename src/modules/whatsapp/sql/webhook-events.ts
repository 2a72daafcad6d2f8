import { generateEntityId } from "@medusajs/framework/utils"
import { encodeRawBody, RawBodyEncoding } from "../../../lib/storable-text"
import type { SqlRunner } from "./ingest"

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
     values ${events.map(() => "(?, ?, ?, now() + (?::int * interval '1 microsecond'), 'pending', ?::jsonb, now(), now())").join(", ")}`,
    // One statement stores the POSTs of one moment: a microsecond apiece keeps the order they came in
    // (ids made in the same millisecond are not ordered), which is the order the claim hands them out.
    events.flatMap((event, i) => {
      const { text, encoding } = encodeRawBody(event.rawBody)
      return [ids[i], text, encoding, i, JSON.stringify(event.phoneNumberIds)]
    })
  )
  return ids
}
