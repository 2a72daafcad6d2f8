import type { HealthLine } from "./graph-api/health"
import { isTemplateSendable, type KnownTemplateStatus, templateUnusableText } from "./template-usability"

export type StoredAccountState = {
  messaging_limit_tier: string | null
  quality_event: string | null
  review_decision: string | null
}

export type StoredAccountEvent = { field: string; event: string | null; summary: string; occurred_at: Date | string }

/** account_update events that mean the number cannot work normally (Meta's account_update reference). */
const BAD_ACCOUNT_EVENTS = new Set(["ACCOUNT_RESTRICTION", "ACCOUNT_VIOLATION", "DISABLED_UPDATE", "ACCOUNT_DELETED", "ACCOUNT_OFFBOARDED", "PARTNER_REMOVED"])

/**
 * The connection check's line for what Meta pushed by webhook rather than
 * what the Graph API answers now: the messaging tier, the account review,
 * templates Meta stopped, and the latest account events. Red when the
 * review is not approved, the latest account update is a restriction, ban
 * or disconnection, or a template is not sendable.
 */
export function accountEventsLine(state: StoredAccountState, events: StoredAccountEvent[], templates: KnownTemplateStatus[]): HealthLine {
  const lastUpdate = events.find((e) => e.field === "account_update")
  const blocked = templates.filter((t) => !isTemplateSendable(t))
  const reviewBad = !!state.review_decision && state.review_decision !== "APPROVED"
  const updateBad = !!lastUpdate?.event && BAD_ACCOUNT_EVENTS.has(lastUpdate.event)
  const parts = [
    `limit ${state.messaging_limit_tier ?? "not reported"}${state.quality_event ? ` (${state.quality_event})` : ""}`,
    `review ${state.review_decision ?? "not reported"}`,
    lastUpdate ? lastUpdate.summary : null,
    ...blocked.map(templateUnusableText),
  ]
  return {
    key: "account_events",
    label: "Account events from Meta",
    ok: !reviewBad && !updateBad && !blocked.length,
    detail: events.length || blocked.length || state.review_decision || state.messaging_limit_tier
      ? parts.filter(Boolean).join(" · ")
      : "No account-level webhook received yet (account_update, phone_number_quality_update, account_review_update, template statuses).",
    error: null,
    data: {
      messaging_limit_tier: state.messaging_limit_tier,
      quality_event: state.quality_event,
      review_decision: state.review_decision,
      blocked_templates: blocked.map((t) => ({ name: t.name, language: t.language, status: t.status, reason: t.reason })),
      events: events.map((e) => ({ field: e.field, event: e.event, summary: e.summary, occurred_at: e.occurred_at })),
    },
  }
}
