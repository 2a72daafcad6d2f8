/**
 * Whether a template may be sent, from what Meta last said of it
 * (`message_template_status_update`) and of the customer (`user_preferences`).
 * Meta sends only approved templates and answers 132001/132015/132016
 * otherwise, and does not deliver marketing templates to a customer who
 * stopped them (131050). Checking first keeps the skip visible with its
 * reason instead of a failed send.
 */

export type KnownTemplateStatus = {
  name: string
  language: string
  status: string
  reason: string | null
  category?: string | null
  other_info?: { title?: string | null; description?: string | null } | null
}

/**
 * Events of the status webhook that leave an approved template sendable:
 * a quality flag, an edit lock, the WABA's template limit, a reinstatement
 * (Meta's list of `event` values, message_template_status_update reference).
 */
const SENDABLE_EVENTS = new Set(["APPROVED", "REINSTATED", "FLAGGED", "LOCKED", "UNLOCKED", "UNARCHIVED", "LIMIT_EXCEEDED"])

export function isTemplateSendable(known: Pick<KnownTemplateStatus, "status"> | null): boolean {
  return !known || SENDABLE_EVENTS.has(known.status.toUpperCase())
}

/** What an admin reads about a template that cannot be used: its status and Meta's reason or explanation. */
export function templateUnusableText(t: KnownTemplateStatus): string {
  const info = t.other_info ? [t.other_info.title, t.other_info.description].filter(Boolean).join(": ") : ""
  const why = [t.reason, info].filter(Boolean).join(" — ")
  return `Template "${t.name}" (${t.language}) is ${t.status}${why ? `: ${why}` : ""}; Meta only sends approved templates.`
}

/** Null when the template may be sent as far as its known status goes; otherwise why not. */
export function templateRefusal(known: KnownTemplateStatus | null): string | null {
  return isTemplateSendable(known) ? null : templateUnusableText(known!)
}

export type MarketingPreference = { marketing_preference: "stop" | "resume" | null; marketing_preference_detail?: string | null }

/** A marketing message to a customer who stopped marketing messages: why it is not sent; null otherwise. */
export function marketingRefusal(category: string | null | undefined, customer: MarketingPreference): string | null {
  if ((category ?? "").toUpperCase() !== "MARKETING" || customer.marketing_preference !== "stop") return null
  return `The customer stopped marketing messages${customer.marketing_preference_detail ? ` (${customer.marketing_preference_detail})` : ""}; Meta does not deliver marketing templates to them (131050).`
}
