/**
 * Splits a WhatsApp Cloud API webhook body (`object: whatsapp_business_account`,
 * `entry[].changes[].value`) into one item per message, status or oddity.
 * It never throws: anything it does not understand becomes an `unsupported`
 * item that is stored and shown rather than dropped.
 */
import { type MessageContext, parseMessageContext } from "./webhook-message-context"

export type ReferredProduct = { catalog_id: string | null; product_retailer_id: string }
export type MetaError = { code: string; title: string | null; message: string | null; details: string | null }

export type InboundMessageItem = {
  kind: "message"
  phoneNumberId: string
  displayPhoneNumber: string | null
  waId: string
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
}

export type StatusItem = {
  kind: "status"
  phoneNumberId: string
  wamid: string
  status: string
  timestamp: Date
  recipientId: string | null
  errors: MetaError[]
  raw: Record<string, unknown>
}

export type UnsupportedItem = {
  kind: "unsupported"
  phoneNumberId: string | null
  reason: string
  raw: unknown
}

export type WebhookItem = InboundMessageItem | StatusItem | UnsupportedItem

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

function splitValue(value: Obj, items: WebhookItem[]) {
  const metadata = isObj(value.metadata) ? value.metadata : {}
  const phoneNumberId = str(metadata.phone_number_id)
  if (!phoneNumberId) {
    items.push({ kind: "unsupported", phoneNumberId: null, reason: "change without metadata.phone_number_id", raw: value })
    return
  }
  const contacts = arr(value.contacts).filter(isObj)
  const profileOf = (waId: string) => {
    const contact = contacts.find((c) => str(c.wa_id) === waId) ?? contacts[0]
    return contact && isObj(contact.profile) ? str(contact.profile.name) : null
  }

  for (const message of arr(value.messages)) {
    const waId = isObj(message) ? str(message.from) : null
    const wamid = isObj(message) ? str(message.id) : null
    if (!isObj(message) || !waId || !wamid) {
      items.push({ kind: "unsupported", phoneNumberId, reason: "message without from or id", raw: message })
      continue
    }
    items.push({
      kind: "message",
      phoneNumberId,
      displayPhoneNumber: str(metadata.display_phone_number),
      waId,
      profileName: profileOf(waId),
      wamid,
      type: str(message.type) ?? "unknown",
      timestamp: toDate(message.timestamp),
      text: messageText(message),
      referredProduct: referredProduct(message),
      errors: parseMetaErrors(message.errors),
      context: parseMessageContext(message),
      raw: message,
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
      errors: parseMetaErrors(status.errors),
      raw: status,
    })
  }

  for (const error of parseMetaErrors(value.errors)) {
    items.push({ kind: "unsupported", phoneNumberId, reason: `Meta error ${error.code}: ${error.title ?? error.message ?? ""}`.trim(), raw: error })
  }
}

/** Every `entry[].changes[]` element of a payload, whatever its shape. */
function* changesOf(payload: Obj): Generator<unknown> {
  for (const entry of arr(payload.entry)) {
    yield* isObj(entry) ? arr(entry.changes) : []
  }
}

const phoneNumberIdOf = (value: Obj) => (isObj(value.metadata) ? str(value.metadata.phone_number_id) : null)

export function splitWebhookPayload(payload: unknown): WebhookItem[] {
  const items: WebhookItem[] = []
  if (!isObj(payload) || payload.object !== "whatsapp_business_account") {
    return [{ kind: "unsupported", phoneNumberId: null, reason: "not a whatsapp_business_account payload", raw: payload }]
  }
  for (const change of changesOf(payload)) {
    if (!isObj(change) || !isObj(change.value)) {
      items.push({ kind: "unsupported", phoneNumberId: null, reason: "change without value", raw: change })
    } else if (change.field !== "messages") {
      items.push({ kind: "unsupported", phoneNumberId: phoneNumberIdOf(change.value), reason: `field "${String(change.field)}"`, raw: change })
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
