import { accountEventsLine } from "../account-status-line"

describe("accountEventsLine", () => {
  const none = { messaging_limit_tier: null, quality_event: null, review_decision: null }

  it("is green and says so when Meta has reported nothing", () => {
    expect(accountEventsLine(none, [], [])).toMatchObject({ key: "account_events", ok: true, detail: expect.stringContaining("No account-level webhook received yet") })
  })

  it("shows tier, review and the latest account update; green while all is well", () => {
    const line = accountEventsLine(
      { messaging_limit_tier: "TIER_2K", quality_event: "UPGRADE", review_decision: "APPROVED" },
      [
        { field: "account_update", event: "PARTNER_ADDED", summary: "Account update: PARTNER_ADDED", occurred_at: "2026-12-02T00:00:00Z" },
        { field: "account_update", event: "ACCOUNT_RESTRICTION", summary: "Account update: ACCOUNT_RESTRICTION", occurred_at: "2026-12-01T00:00:00Z" },
      ],
      []
    )
    expect(line).toMatchObject({ ok: true, detail: "limit TIER_2K (UPGRADE) · review APPROVED · Account update: PARTNER_ADDED" })
  })

  it("is red for a restriction, a review not approved, or a template Meta stopped", () => {
    const restriction = [{ field: "account_update", event: "ACCOUNT_RESTRICTION", summary: "Account update: ACCOUNT_RESTRICTION", occurred_at: new Date() }]
    expect(accountEventsLine(none, restriction, []).ok).toBe(false)
    expect(accountEventsLine({ ...none, review_decision: "REJECTED" }, [], []).ok).toBe(false)
    const paused = accountEventsLine(none, [], [{ name: "cart_reminder", language: "es", status: "PAUSED", reason: null }])
    expect(paused).toMatchObject({ ok: false, data: { blocked_templates: [{ name: "cart_reminder", status: "PAUSED" }] } })
    expect(paused.detail).toContain('Template "cart_reminder" (es) is PAUSED')
  })
})
