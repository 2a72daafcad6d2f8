import { type InboxRow, matchesView, mergeInboxChanges } from "../merge-changes"

const row = (id: string, patch: Partial<InboxRow> = {}): InboxRow => ({
  id,
  account_id: "waacc_1",
  assigned_to_id: null,
  status: "open",
  unread_count: 0,
  has_cart: false,
  has_inquiry: false,
  handoff_at: null,
  last_message_at: "2026-12-01T10:00:00Z",
  created_at: "2026-12-01T09:00:00Z",
  ...patch,
})

describe("inbox views", () => {
  it("files a conversation under mine, unassigned, status and flags", () => {
    const mine = row("a", { assigned_to_id: "user_ana", unread_count: 2 })
    expect(matchesView(mine, { assigned_to: "user_ana" })).toBe(true)
    expect(matchesView(mine, { assigned_to: "user_luis" })).toBe(false)
    expect(matchesView(mine, { assigned_to: "none" })).toBe(false)
    expect(matchesView(row("b"), { assigned_to: "none", status: "open" })).toBe(true)
    expect(matchesView(row("b", { status: "closed" }), { status: "open" })).toBe(false)
    expect(matchesView(mine, { unread: true, account_id: "waacc_1" })).toBe(true)
    expect(matchesView(mine, { account_id: "waacc_2" })).toBe(false)
    expect(matchesView(mine, { handoff: true })).toBe(false)
  })
})

describe("mergeInboxChanges", () => {
  const list = { rows: [row("a", { last_message_at: "2026-12-01T12:00:00Z", assigned_to_id: "user_ana" }), row("b", { assigned_to_id: "user_ana" })], count: 2 }
  const mine = { assigned_to: "user_ana" }

  it("moves a conversation with a new message to the top and counts a newcomer", () => {
    const merged = mergeInboxChanges(list, { conversations: [row("b", { assigned_to_id: "user_ana", last_message_at: "2026-12-01T13:00:00Z" }), row("c", { assigned_to_id: "user_ana", last_message_at: "2026-12-01T11:00:00Z" })], removed_ids: [] }, mine)
    expect(merged.rows.map((r) => r.id)).toEqual(["b", "a", "c"])
    expect(merged.count).toBe(3)
  })

  it("drops a conversation that left the view (reassigned) and one merged away", () => {
    const merged = mergeInboxChanges(list, { conversations: [row("a", { assigned_to_id: "user_luis" })], removed_ids: ["b"] }, mine)
    expect(merged).toEqual({ rows: [], count: 0 })
  })

  it("ignores a change to a conversation outside the view", () => {
    const merged = mergeInboxChanges(list, { conversations: [row("z", { assigned_to_id: "user_luis" })], removed_ids: ["y"] }, mine)
    expect(merged.rows.map((r) => r.id)).toEqual(["a", "b"])
    expect(merged.count).toBe(2)
  })
})
