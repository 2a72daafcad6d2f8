/**
 * Splits a WhatsApp Cloud API webhook body (`object: whatsapp_business_account`,
 * `entry[].changes[].value`) into one item per message, status or oddity.
 * It never throws: anything it does not understand becomes an `unsupported`
 * item that is stored and shown rather than dropped.
 */
import { isBsuid, isWaId } from "./customer-identity"
import { extractInboundMedia, type InboundMedia } from "./webhook-media"

import { type AccountChangeItem, splitAccountChange, type StatusPricing, statusPricing } from "./webhook-account-events"
import { type MessageContext, parseMessageContext } from "./webhook-message-context"

export type ReferredProduct = { catalog_id: string | null; product_retailer_id: string }
export type MetaError = { code: string; title: string | null; message: string | null; details: string | null }

export type InboundMessageItem = {
  kind: "message"
  phoneNumberId: string
  displayPhoneNumber: string | null
  /** The customer's phone; null for a username customer whose number Meta withholds. */
  waId: string | null
  /** The business-scoped user ID (BSUID); null in payloads from before 2026. */
  userId: string | null
  parentUserId: string | null
  username: string | null
  profileName: string | null
  wamid: string
  type: string
  timestamp: Date
  text: string | null
  referredProduct: ReferredProduct | null
  errors: MetaError[]
  /** Reply, forwarding, edit/revoke/reaction target and ad referral (lib/webhook-message-context). */
  context: MessageContext
  raw: Record<string, unknown>
  /** Image, video, audio, document or sticker: the media to download (lib/webhook-media). */
  media?: InboundMedia | null
}

export type StatusItem = {
  kind: "status"
  phoneNumberId: string
  wamid: string
  status: string
  timestamp: Date
  recipientId: string | null
  recipientUserId: string | null
  errors: MetaError[]
  /** Meta's `pricing` (category, billable, pricing_model, type), when the status carries it. */
  pricing: StatusPricing | null
  raw: Record<string, unknown>
}

export type UnsupportedItem = {
  kind: "unsupported"
  phoneNumberId: string | null
  reason: string
  raw: unknown
}

/**
 * A customer's identifier changed (system `user_changed_number` /
 * `customer_changed_number` / `user_changed_user_id`, or a `user_id_update`
 * change): the conversation moves to the new one and keeps the old findable.
 */
export type IdentityChangeItem = {
  kind: "identity_change"
  phoneNumberId: string
  reason: string
  from: { waId: string | null; userId: string | null }
  to: { waId: string | null; userId: string | null; parentUserId: string | null }
  timestamp: Date
  raw: unknown
}

/** Account-level fields and echoes are parsed in webhook-account-events. */
export type WebhookItem = InboundMessageItem | StatusItem | IdentityChangeItem | UnsupportedItem | Exclude<AccountChangeItem, { kind: "unsupported" }>

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v)
const str = (v: unknown): string | null => (typeof v === "string" && v.length ? v : typeof v === "number" ? String(v) : null)
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

function toDate(timestamp: unknown): Date {
  const seconds = Number(timestamp)
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : new Date()
}

export function parseMetaErrors(value: unknown): MetaError[] {
  return arr(value)
    .filter(isObj)
    .map((e) => ({
      code: str(e.code) ?? "unknown",
      title: str(e.title),
      message: str(e.message),
      details: isObj(e.error_data) ? str(e.error_data.details) : str(e.details),
    }))
}

/** The human-readable text of a message, whatever its type. */
export function messageText(message: Obj): string | null {
  const type = str(message.type)
  const part = type && isObj(message[type]) ? (message[type] as Obj) : {}
  switch (type) {
    case "text":
      return str(part.body)
    case "button":
      return str(part.text) ?? str(part.payload)
    case "interactive": {
      const reply = isObj(part.button_reply) ? part.button_reply : isObj(part.list_reply) ? part.list_reply : null
      return reply ? str(reply.title) : null
    }
    case "order":
      return str(part.text)
    case "system":
      return str(part.body)
    case "reaction":
      return str(part.emoji)
    case "location":
      return [str(part.name), str(part.address)].filter(Boolean).join(", ") || null
    case "image":
    case "video":
    case "document":
      return str(part.caption)
    default:
      return null
  }
}

function referredProduct(message: Obj): ReferredProduct | null {
  const context = isObj(message.context) ? message.context : null
  const referred = context && isObj(context.referred_product) ? context.referred_product : null
  const retailerId = referred ? str(referred.product_retailer_id) : null
  return retailerId ? { catalog_id: str(referred!.catalog_id), product_retailer_id: retailerId } : null
}

/** The customer a message comes from, from the message and the change's `contacts`. */
function senderOf(message: Obj, contacts: Obj[]) {
  const waId = str(message.from)
  const userId = str(message.from_user_id)
  const contact =
    contacts.find((c) => (waId && str(c.wa_id) === waId) || (userId && str(c.user_id) === userId)) ??
    (contacts.length === 1 ? contacts[0] : undefined)
  const profile = contact && isObj(contact.profile) ? contact.profile : {}
  return {
    waId: waId ?? (contact ? str(contact.wa_id) : null),
    userId: userId ?? (contact ? str(contact.user_id) : null),
    parentUserId: str(message.from_parent_user_id) ?? (contact ? str(contact.parent_user_id) : null),
    username: str(profile.username),
    profileName: str(profile.name),
  }
}

/** A new identifier must look like one (digits for a phone, Meta's BSUID format): placeholders and typos move nothing. */
function validIdentity(to: { waId: string | null; userId: string | null }) {
  return (!to.waId || isWaId(to.waId)) && (!to.userId || isBsuid(to.userId))
}

/**
 * System messages (Meta's "System messages webhook reference"): the user
 * changed number (`user_changed_number`, formerly `customer_changed_number`,
 * with the new id in `system.wa_id` / `system.new_wa_id`) or their BSUID
 * changed (`user_changed_user_id`, with the new one in `system.user_id`).
 */
function systemIdentityChange(message: Obj, phoneNumberId: string, sender: ReturnType<typeof senderOf>): IdentityChangeItem | null {
  const system = isObj(message.system) ? message.system : null
  const type = system ? str(system.type) : null
  if (!system || !type) return null
  const base = { kind: "identity_change" as const, phoneNumberId, reason: type, timestamp: toDate(message.timestamp), raw: message }
  if (type === "user_changed_number" || type === "customer_changed_number") {
    const newWaId = str(system.wa_id) ?? str(system.new_wa_id)
    if (!newWaId || !sender.waId) return null
    return { ...base, from: { waId: sender.waId, userId: null }, to: { waId: newWaId, userId: str(system.user_id), parentUserId: null } }
  }
  if (type === "user_changed_user_id") {
    // Chatwoot's spec data carries the old BSUID in `system.previous_user_id` and no sender at all.
    const newUserId = str(system.user_id) ?? str(system.new_user_id)
    const oldUserId = str(system.previous_user_id) ?? sender.userId
    if (!newUserId || !(oldUserId || sender.waId) || oldUserId === newUserId) return null
    return { ...base, from: { waId: sender.waId, userId: oldUserId }, to: { waId: sender.waId, userId: newUserId, parentUserId: str(system.parent_user_id) } }
  }
  return null
}

/**
 * The `user_id_update` field: `value.user_id_update[]`, each with the user's
 * `wa_id` when shared and `user_id` / `parent_user_id` as `{ previous, current }`.
 */
function splitUserIdUpdates(value: Obj, phoneNumberId: string, items: WebhookItem[]) {
  for (const update of arr(value.user_id_update)) {
    const userId = isObj(update) && isObj(update.user_id) ? update.user_id : null
    const previous = userId ? str(userId.previous) : null
    const current = userId ? str(userId.current) : null
    if (!isObj(update) || !previous || !current) {
      items.push({ kind: "unsupported", phoneNumberId, reason: "user_id_update without user_id.previous and .current", raw: update })
      continue
    }
    const parent = isObj(update.parent_user_id) ? str(update.parent_user_id.current) : null
    if (!isBsuid(current)) {
      items.push({ kind: "unsupported", phoneNumberId, reason: "user_id_update names no valid business-scoped user ID: nothing moved", raw: update })
      continue
    }
    items.push({
      kind: "identity_change",
      phoneNumberId,
      reason: "user_id_update",
      from: { waId: str(update.wa_id), userId: previous },
      to: { waId: str(update.wa_id), userId: current, parentUserId: parent },
      timestamp: toDate(update.timestamp),
      raw: update,
    })
  }
}

function splitValue(value: Obj, items: WebhookItem[]) {
  const metadata = isObj(value.metadata) ? value.metadata : {}
  const phoneNumberId = str(metadata.phone_number_id)
  if (!phoneNumberId) {
    items.push({ kind: "unsupported", phoneNumberId: null, reason: "change without metadata.phone_number_id", raw: value })
    return
  }
  const contacts = arr(value.contacts).filter(isObj)

  for (const message of arr(value.messages)) {
    const wamid = isObj(message) ? str(message.id) : null
    const sender = isObj(message) ? senderOf(message, contacts) : null
    const claimedChange = isObj(message) && sender && message.type === "system" ? systemIdentityChange(message, phoneNumberId, sender) : null
    const identityChange = claimedChange && validIdentity(claimedChange.to) ? claimedChange : null
    if (claimedChange && !identityChange) {
      items.push({ kind: "unsupported", phoneNumberId, reason: `${claimedChange.reason} names no valid new identifier: the conversation stays`, raw: message })
    }
    if (!isObj(message) || !sender || !wamid || !(sender.waId || sender.userId || identityChange)) {
      items.push({ kind: "unsupported", phoneNumberId, reason: "message without a sender (from / from_user_id) or id", raw: message })
      continue
    }
    if (identityChange) items.push(identityChange)
    items.push({
      kind: "message",
      phoneNumberId,
      displayPhoneNumber: str(metadata.display_phone_number),
      ...sender,
      // After a number change the note belongs to the conversation's new identity.
      ...(identityChange ? { waId: identityChange.to.waId, userId: identityChange.to.userId ?? sender.userId } : {}),
      wamid,
      type: str(message.type) ?? "unknown",
      timestamp: toDate(message.timestamp),
      text: messageText(message),
      referredProduct: referredProduct(message),
      errors: parseMetaErrors(message.errors),
      context: parseMessageContext(message),
      raw: message,
      media: extractInboundMedia(message),
    })
  }

  for (const status of arr(value.statuses)) {
    const wamid = isObj(status) ? str(status.id) : null
    const state = isObj(status) ? str(status.status) : null
    if (!isObj(status) || !wamid || !state) {
      items.push({ kind: "unsupported", phoneNumberId, reason: "status without id or status", raw: status })
      continue
    }
    items.push({
      kind: "status",
      phoneNumberId,
      wamid,
      status: state,
      timestamp: toDate(status.timestamp),
      recipientId: str(status.recipient_id),
      recipientUserId: str(status.recipient_user_id),
      errors: parseMetaErrors(status.errors),
      pricing: statusPricing(status),
      raw: status,
    })
  }

  for (const error of parseMetaErrors(value.errors)) {
    items.push({ kind: "unsupported", phoneNumberId, reason: `Meta error ${error.code}: ${error.title ?? error.message ?? ""}`.trim(), raw: error })
  }
}

/** Every `entry[].changes[]` element of a payload, whatever its shape. */
function* changesOf(payload: Obj): Generator<unknown> {
  for (const { change } of entryChangesOf(payload)) yield change
}

/** Each change with its entry (the WABA id and the webhook's time). */
function* entryChangesOf(payload: Obj): Generator<{ entry: Obj; change: unknown }> {
  for (const entry of arr(payload.entry)) {
    if (isObj(entry)) for (const change of arr(entry.changes)) yield { entry, change }
  }
}

const phoneNumberIdOf = (value: Obj) => (isObj(value.metadata) ? str(value.metadata.phone_number_id) : null)

export function splitWebhookPayload(payload: unknown): WebhookItem[] {
  const items: WebhookItem[] = []
  if (!isObj(payload) || payload.object !== "whatsapp_business_account") {
    return [{ kind: "unsupported", phoneNumberId: null, reason: "not a whatsapp_business_account payload", raw: payload }]
  }
  for (const { entry, change } of entryChangesOf(payload)) {
    if (!isObj(change) || !isObj(change.value)) {
      items.push({ kind: "unsupported", phoneNumberId: null, reason: "change without value", raw: change })
    } else if (change.field === "user_id_update") {
      const phoneNumberId = phoneNumberIdOf(change.value)
      if (phoneNumberId) splitUserIdUpdates(change.value, phoneNumberId, items)
      else items.push({ kind: "unsupported", phoneNumberId: null, reason: "user_id_update without metadata.phone_number_id", raw: change })
    } else if (change.field !== "messages") {
      items.push(...splitAccountChange(entry, change))
    } else {
      splitValue(change.value, items)
    }
  }
  return items
}

/** Phone number ids a payload is addressed to (for the secret lookup and the admin list). */
export function payloadPhoneNumberIds(payload: unknown): string[] {
  const ids = new Set<string>()
  for (const change of isObj(payload) ? changesOf(payload) : []) {
    const id = isObj(change) && isObj(change.value) ? phoneNumberIdOf(change.value) : null
    if (id) ids.add(id)
  }
  return [...ids]
}
