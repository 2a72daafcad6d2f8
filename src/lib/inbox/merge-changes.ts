/**
 * The inbox keeps its list live with the changed-since answer: each changed
 * conversation is filed again under the view's filters (it may have left
 * "mine" or been closed), merged-away ones go, and the list stays newest
 * first. Pure, so the admin's cache update is tested without a browser.
 */
export type InboxRow = {
  id: string
  account_id: string
  assigned_to_id: string | null
  status: "open" | "closed"
  unread_count: number
  has_cart: boolean
  has_inquiry: boolean
  handoff_at: unknown
  last_message_at: string | Date | null
  created_at: string | Date
}

export type InboxView = {
  account_id?: string
  /** "me" is resolved by the caller to the admin's id. */
  assigned_to?: string | "none"
  status?: "open" | "closed"
  unread?: boolean
  has_cart?: boolean
  inquiry?: boolean
  handoff?: boolean
}

export function matchesView(row: InboxRow, view: InboxView): boolean {
  if (view.account_id && row.account_id !== view.account_id) return false
  if (view.assigned_to === "none" ? row.assigned_to_id !== null : view.assigned_to && row.assigned_to_id !== view.assigned_to) return false
  if (view.status && row.status !== view.status) return false
  if (view.unread && !(row.unread_count > 0)) return false
  if (view.has_cart && !row.has_cart) return false
  if (view.inquiry && !row.has_inquiry) return false
  if (view.handoff && !row.handoff_at) return false
  return true
}

const time = (value: string | Date | null) => (value ? new Date(value).getTime() : -Infinity)

/** The list after a changed-since answer; `count` moves by the rows that entered or left. */
export function mergeInboxChanges<T extends InboxRow>(
  list: { rows: T[]; count: number },
  changes: { conversations: T[]; removed_ids: string[] },
  view: InboxView
): { rows: T[]; count: number } {
  const byId = new Map(list.rows.map((r) => [r.id, r]))
  let count = list.count
  for (const id of changes.removed_ids) if (byId.delete(id)) count--
  for (const row of changes.conversations) {
    const had = byId.has(row.id)
    if (matchesView(row, view)) {
      byId.set(row.id, row)
      if (!had) count++
    } else if (had) {
      byId.delete(row.id)
      count--
    }
  }
  const rows = [...byId.values()].sort(
    (a, b) => time(b.last_message_at) - time(a.last_message_at) || time(b.created_at) - time(a.created_at)
  )
  return { rows, count: Math.max(count, rows.length) }
}
