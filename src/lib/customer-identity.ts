/**
 * Who a WhatsApp customer is, as Meta tells a business in 2026.
 *
 * Meta's "Business-scoped user IDs" page
 * (developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids)
 * and the messages/system webhook references: every messages webhook carries
 * the business-scoped user ID (`user_id`, `from_user_id`, `recipient_user_id`);
 * a user who adopted a username may come without a phone number (`wa_id`,
 * `from` omitted). A BSUID is a two-letter country code, a dot and up to 128
 * alphanumerics (`US.13491208655302741918`); a parent BSUID adds `ENT.`
 * (`US.ENT.11815799212886844830`). A new BSUID is generated when the user
 * changes number. Sends use `to` for a phone and `recipient` for a BSUID
 * (`to` wins when both are given; Meta recommends the phone when known).
 */
export type CustomerIdentity = {
  /** The phone as Meta writes it (digits, country code first), when Meta shares it. */
  waId: string | null
  /** The business-scoped user ID. */
  userId: string | null
  parentUserId: string | null
  /** The user's WhatsApp username (display only: users may change it). */
  username: string | null
}

const BSUID = /^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/

export function isBsuid(value: string | null | undefined): boolean {
  return typeof value === "string" && BSUID.test(value)
}

/** A wa_id as Meta sends it: digits only. Anything else is not a phone. */
export function isWaId(value: string | null | undefined): boolean {
  return typeof value === "string" && /^\d{6,15}$/.test(value)
}

/** The Graph API recipient fields for a send: the phone when known, else the BSUID. */
export function sendRecipient(identity: { wa_id: string | null; user_id: string | null }): { to: string } | { recipient: string } {
  if (identity.wa_id) return { to: identity.wa_id }
  if (identity.user_id) return { recipient: identity.user_id }
  throw new Error("The conversation has neither a phone number nor a business-scoped user ID")
}

/** One stable key per customer and number, for pacing and logs: the phone when known, else the BSUID. */
export function identityKey(identity: { wa_id: string | null; user_id: string | null }): string {
  return identity.wa_id ?? identity.user_id ?? "unknown"
}

/** The ISO country a BSUID was issued for ("US.…" → "US"), a hint when the phone is unknown. */
export function bsuidCountry(userId: string | null | undefined): string | null {
  return userId && isBsuid(userId) ? userId.slice(0, 2) : null
}

/**
 * A recipient typed by a developer or an admin: a BSUID as it is, else a
 * phone in any notation reduced to Meta's digits. Null when it is neither.
 */
export function recipientIdentity(to: string | null | undefined): { waId: string } | { userId: string } | null {
  const value = (to ?? "").trim()
  if (isBsuid(value)) return { userId: value }
  const digits = value.replace(/\D/g, "")
  return isWaId(digits) ? { waId: digits } : null
}

/** Identifiers a conversation has carried before, so that an old one stays findable. */
export type FormerIdentity = { wa_id?: string; user_id?: string; replaced_at: string; reason: string }
