/**
 * The webhook fields that are not `messages`: account-level changes
 * (addressed to a WABA by `entry[].id`, most without a phone number id) and
 * the coexistence echoes. Each becomes an item for ingestion; a field or a
 * shape this file does not know becomes an `unsupported` item (stored as a
 * note), as in webhook-payload.
 *
 * Meta's references, read for every field below:
 * - message_template_status_update: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update
 * - message_template_quality_update: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_quality_update
 * - user_preferences: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/user_preferences
 * - account_update: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/account_update
 * - phone_number_quality_update: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/phone_number_quality_update
 * - account_review_update: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/account_review_update
 * - smb_message_echoes: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/smb_message_echoes
 * - status pricing: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status
 */

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v)
const str = (v: unknown): string | null => (typeof v === "string" && v.length ? v : typeof v === "number" ? String(v) : null)
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

/** Unix seconds (number or string) as a Date; `fallback` when absent or invalid. */
function secondsToDate(value: unknown, fallback: Date): Date {
  const seconds = Number(value)
  return value !== null && value !== undefined && value !== "" && Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : fallback
}

export type TemplateStatusItem = {
  kind: "template_status"
  wabaId: string
  templateId: string | null
  name: string
  language: string
  /** Meta's `event`: APPROVED, REJECTED, PENDING, PAUSED, DISABLED, IN_APPEAL, PENDING_DELETION, ARCHIVED… */
  status: string
  /** Meta's `reason`; "NONE" and null both mean none. */
  reason: string | null
  category: string | null
  otherInfo: { title: string | null; description: string | null } | null
  at: Date
  raw: Obj
}

export type UserPreferenceItem = {
  kind: "user_preference"
  phoneNumberId: string
  /** The customer's phone, or null for a username customer (then `userId`, the BSUID). */
  waId: string | null
  userId: string | null
  category: string
  /** `stop` or `resume` for marketing_messages. */
  value: string
  detail: string | null
  at: Date
  raw: Obj
}

export type AccountEventItem = {
  kind: "account_event"
  wabaId: string
  field: "account_update" | "phone_number_quality_update" | "account_review_update" | "message_template_quality_update"
  event: string | null
  summary: string
  /** phone_number_quality_update: the number it concerns (digits) and its new tier. */
  displayPhoneNumber: string | null
  tier: string | null
  /** account_review_update: the decision. */
  decision: string | null
  at: Date
  raw: Obj
}

export type EchoItem = {
  kind: "echo"
  phoneNumberId: string
  /** The customer the business app wrote to: phone (digits) and/or BSUID (`to_user_id`). */
  waId: string | null
  userId: string | null
  wamid: string
  type: string
  timestamp: Date
  raw: Obj
}

export type AccountUnsupportedItem = { kind: "unsupported"; phoneNumberId: string | null; reason: string; raw: unknown }

export type AccountChangeItem = TemplateStatusItem | UserPreferenceItem | AccountEventItem | EchoItem | AccountUnsupportedItem

export type StatusPricing = { category: string | null; billable: boolean | null; pricing_model: string | null; type: string | null }

/** A status's `pricing` object (category, billable, pricing_model, type), or null when it has none. */
export function statusPricing(status: Obj): StatusPricing | null {
  const p = isObj(status.pricing) ? status.pricing : null
  if (!p) return null
  return {
    category: str(p.category),
    billable: typeof p.billable === "boolean" ? p.billable : null,
    pricing_model: str(p.pricing_model),
    type: str(p.type),
  }
}

const reasonOf = (v: unknown) => {
  const reason = str(v)
  return reason && reason.toUpperCase() !== "NONE" ? reason : null
}

function templateStatus(wabaId: string, value: Obj, at: Date): AccountChangeItem {
  const name = str(value.message_template_name)
  const language = str(value.message_template_language)
  const status = str(value.event)
  if (!name || !language || !status) {
    return { kind: "unsupported", phoneNumberId: null, reason: "message_template_status_update without name, language or event", raw: value }
  }
  const info = isObj(value.other_info) ? value.other_info : null
  return {
    kind: "template_status",
    wabaId,
    templateId: str(value.message_template_id),
    name,
    language,
    status: status.toUpperCase(),
    reason: reasonOf(value.reason),
    category: str(value.message_template_category),
    otherInfo: info ? { title: str(info.title), description: str(info.description) } : null,
    at,
    raw: value,
  }
}

function userPreferences(value: Obj, at: Date): AccountChangeItem[] {
  const phoneNumberId = isObj(value.metadata) ? str(value.metadata.phone_number_id) : null
  const contacts = arr(value.contacts).filter(isObj)
  return arr(value.user_preferences).map((pref): AccountChangeItem => {
    const p = isObj(pref) ? pref : {}
    // Meta puts the user's wa_id on the preference; with a single contact it is that contact's.
    const waId = str(p.wa_id) ?? (contacts.length === 1 ? str(contacts[0].wa_id) : null)
    // Since 2026 the BSUID comes too (`user_id`), and alone for a username customer (Meta's BSUID page).
    const userId = str(p.user_id) ?? (contacts.length === 1 ? str(contacts[0].user_id) : null)
    const category = str(p.category)
    const choice = str(p.value)
    if (!phoneNumberId || !(waId || userId) || !category || !choice) {
      return { kind: "unsupported", phoneNumberId, reason: "user_preferences entry without phone number id, wa_id, category or value", raw: pref }
    }
    if (category !== "marketing_messages" || (choice !== "stop" && choice !== "resume")) {
      return { kind: "unsupported", phoneNumberId, reason: `user preference ${category}=${choice} is not one the plugin acts on`, raw: pref }
    }
    return {
      kind: "user_preference",
      phoneNumberId,
      waId: waId ? waId.replace(/\D/g, "") || waId : null,
      userId,
      category,
      value: choice,
      detail: str(p.detail),
      at: secondsToDate(p.timestamp, at),
      raw: p,
    }
  })
}

function accountEvent(wabaId: string, field: AccountEventItem["field"], value: Obj, at: Date): AccountEventItem {
  const event = str(value.event)
  const base = { kind: "account_event" as const, wabaId, field, event, displayPhoneNumber: null, tier: null, decision: null, at, raw: value }
  switch (field) {
    case "phone_number_quality_update": {
      // current_limit is being replaced by max_daily_conversations_per_business (Meta, 2026).
      const tier = str(value.max_daily_conversations_per_business) ?? str(value.current_limit)
      const phone = str(value.display_phone_number)?.replace(/\D/g, "") || null
      const old = str(value.old_limit)
      return {
        ...base,
        displayPhoneNumber: phone,
        tier,
        summary: `Phone number ${phone ?? "?"}: ${event ?? "update"}${tier ? `, messaging limit ${old ? `${old} → ` : ""}${tier}` : ""}`,
      }
    }
    case "account_review_update": {
      const decision = str(value.decision)
      return { ...base, decision, summary: `Account review: ${decision ?? "unknown decision"}` }
    }
    case "message_template_quality_update":
      return {
        ...base,
        summary: `Template ${str(value.message_template_name) ?? "?"} (${str(value.message_template_language) ?? "?"}) quality ${str(value.previous_quality_score) ?? "?"} → ${str(value.new_quality_score) ?? "?"}`,
      }
    default:
      return { ...base, summary: `Account update: ${event ?? "unknown event"}${accountUpdateDetail(value)}` }
  }
}

/** The part of an `account_update` an admin acts on: a ban, restrictions, a violation, a disconnection. */
function accountUpdateDetail(value: Obj): string {
  const parts: string[] = []
  if (isObj(value.ban_info)) parts.push(`ban ${str(value.ban_info.waba_ban_state) ?? "?"}${str(value.ban_info.waba_ban_date) ? ` since ${str(value.ban_info.waba_ban_date)}` : ""}`)
  const restrictions = arr(value.restriction_info).filter(isObj).map((r) => str(r.restriction_type)).filter(Boolean)
  if (restrictions.length) parts.push(`restrictions ${restrictions.join(", ")}`)
  if (isObj(value.violation_info)) parts.push(`violation ${str(value.violation_info.violation_type) ?? "?"}`)
  if (isObj(value.disconnection_info)) parts.push(`disconnected: ${str(value.disconnection_info.reason) ?? "?"}`)
  return parts.length ? ` (${parts.join("; ")})` : ""
}

function echoes(value: Obj): AccountChangeItem[] {
  const phoneNumberId = isObj(value.metadata) ? str(value.metadata.phone_number_id) : null
  return arr(value.message_echoes).map((echo): AccountChangeItem => {
    const e = isObj(echo) ? echo : {}
    const to = str(e.to)?.replace(/\D/g, "") || null
    const toUserId = str(e.to_user_id)
    const wamid = str(e.id)
    if (!phoneNumberId || !(to || toUserId) || !wamid) {
      return { kind: "unsupported", phoneNumberId, reason: "message echo without phone number id, to (or to_user_id) or id", raw: echo }
    }
    return { kind: "echo", phoneNumberId, waId: to, userId: toUserId, wamid, type: str(e.type) ?? "unknown", timestamp: secondsToDate(e.timestamp, new Date()), raw: e }
  })
}

const ACCOUNT_FIELDS = new Set(["account_update", "phone_number_quality_update", "account_review_update", "message_template_quality_update"])

/**
 * The items of one change whose field is not `messages`. `entry` gives the
 * WABA (its `id`) and the webhook's `time`, which orders template statuses
 * and account events (Meta does not deliver in order).
 */
export function splitAccountChange(entry: Obj, change: Obj): AccountChangeItem[] {
  const field = String(change.field)
  const value = isObj(change.value) ? change.value : {}
  const wabaId = str(entry.id)
  const at = secondsToDate(entry.time, new Date())
  if (field === "user_preferences") return userPreferences(value, at)
  if (field === "smb_message_echoes") return echoes(value)
  const phoneNumberId = isObj(value.metadata) ? str(value.metadata.phone_number_id) : null
  if (!wabaId) return [{ kind: "unsupported", phoneNumberId, reason: `field "${field}" without entry id (WABA)`, raw: change }]
  if (field === "message_template_status_update") return [templateStatus(wabaId, value, at)]
  if (ACCOUNT_FIELDS.has(field)) return [accountEvent(wabaId, field as AccountEventItem["field"], value, at)]
  return [{ kind: "unsupported", phoneNumberId, reason: `field "${field}"`, raw: change }]
}

/** WABA ids a payload's entries are addressed to (account-level changes are routed by them). */
export function payloadWabaIds(payload: unknown): string[] {
  const ids = new Set<string>()
  for (const entry of isObj(payload) ? arr(payload.entry) : []) {
    const id = isObj(entry) ? str(entry.id) : null
    if (id) ids.add(id)
  }
  return [...ids]
}

/**
 * WABAs named by changes that carry no phone number id (template statuses,
 * account, quality and review updates): their accounts are found by WABA,
 * so the signature check must cover every account of those WABAs.
 */
export function payloadAccountLevelWabaIds(payload: unknown): string[] {
  const ids = new Set<string>()
  for (const entry of isObj(payload) ? arr(payload.entry) : []) {
    const id = isObj(entry) ? str(entry.id) : null
    const wabaLevel = isObj(entry) && arr(entry.changes).some((c) => isObj(c) && !(isObj(c.value) && isObj(c.value.metadata) && str(c.value.metadata.phone_number_id)))
    if (id && wabaLevel) ids.add(id)
  }
  return [...ids]
}
