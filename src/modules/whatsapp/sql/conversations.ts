import { generateEntityId } from "@medusajs/framework/utils"
import type { SqlRunner } from "./ingest"

export type OpenedConversation = { id: string; last_inbound_at: Date | null; opted_out: boolean; created: boolean }

/**
 * The one conversation of an account with a customer, created on first use.
 * One statement (`on conflict` on the partial unique index), so concurrent
 * callers (two webhooks, a webhook and an admin send) share one row. A later
 * profile name replaces the stored one; a missing one keeps it.
 */
export async function openConversation(
  db: SqlRunner,
  input: { accountId: string; waId: string; profileName?: string | null }
): Promise<OpenedConversation> {
  const [row] = await db.execute(
    `insert into whatsapp_conversation (id, account_id, wa_id, profile_name, created_at, updated_at)
     values (?, ?, ?, ?, now(), now())
     on conflict (account_id, wa_id) where deleted_at is null
     do update set profile_name = coalesce(excluded.profile_name, whatsapp_conversation.profile_name)
     returning id, last_inbound_at, opted_out, (xmax = 0) as created`,
    [generateEntityId("", "waconv"), input.accountId, input.waId, input.profileName ?? null]
  )
  return row
}

/** Removes a conversation openConversation created, while nothing was written in it (compensation). */
export async function closeEmptyConversation(db: SqlRunner, id: string): Promise<void> {
  await db.execute(
    `delete from whatsapp_conversation c where c.id = ? and not exists (select 1 from whatsapp_message m where m.conversation_id = c.id)`,
    [id]
  )
}
