import { MedusaError } from "@medusajs/framework/utils"
import type { SqlRunner } from "./ingest"

/**
 * The inbox's "changed since" query.
 *
 * Every write to a conversation (and every new message or note in it) stamps
 * `change_xid` with the writing transaction's id (triggers, see
 * Migration20261221030000). A cursor is the oldest transaction id still
 * running when the answer was read (`pg_snapshot_xmin`): whatever was not
 * visible then carries an id at or above it, so asking again with
 * `change_xid >= cursor` cannot miss a late commit. The scan is a range on
 * the `change_xid` index: its cost follows the number of changed rows, not the
 * number of conversations. A row may come back twice (it changed in a
 * transaction that was running at the previous answer); clients upsert.
 */
// The horizon is read in the same statement (the same snapshot) as the rows: one row even when nothing changed.
export const CHANGES_SQL = `select pg_snapshot_xmin(pg_current_snapshot())::text as horizon, c.id, c.removed
    from (select 1) one
    left join lateral (
      select id, deleted_at is not null as removed from whatsapp_conversation
       where change_xid >= ?::xid8
       order by change_xid, id
       limit ?) c on true`

/**
 * `next_cursor` is null when more than `limit` conversations changed: the
 * reader reloads the list (which returns a fresh cursor) instead of paging
 * through a burst, so no late commit can slip between pages.
 */
export type ConversationChanges = { changed_ids: string[]; removed_ids: string[]; next_cursor: string | null; more: boolean }

const CURSOR = /^\d{1,20}$/

export function parseChangeCursor(cursor: string): string {
  if (!CURSOR.test(cursor)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "updated_since must be a cursor returned by the inbox (digits only)")
  }
  return cursor
}

/** Where a reader that has just loaded the whole list should start asking for changes. */
export async function currentChangeCursor(db: SqlRunner): Promise<string> {
  const [row] = await db.execute(`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon`)
  return row.horizon
}

export async function listConversationChanges(db: SqlRunner, cursor: string, limit: number): Promise<ConversationChanges> {
  const all: { id: string | null; removed: boolean; horizon: string }[] = await db.execute(CHANGES_SQL, [parseChangeCursor(cursor), limit + 1])
  const rows = all.filter((r) => r.id !== null)
  const more = rows.length > limit
  const page = rows.slice(0, limit)
  const next = more ? null : all[0].horizon
  return {
    changed_ids: page.filter((r) => !r.removed).map((r) => r.id as string),
    removed_ids: page.filter((r) => r.removed).map((r) => r.id as string),
    next_cursor: next,
    more,
  }
}
