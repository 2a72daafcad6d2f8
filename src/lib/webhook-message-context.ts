/**
 * What an inbound message says about other messages and about where it came
 * from: the message it replies to, forwarding, the message an edit, revoke or
 * reaction acts on, and the Click-to-WhatsApp ad or post that started it.
 *
 * Wire formats (Meta, WhatsApp Cloud API, "messages" webhook reference):
 * - Text messages (context {from, id, forwarded, frequently_forwarded,
 *   referred_product}; referral {source_url, source_id, source_type, body,
 *   headline, media_type, image_url, video_url, thumbnail_url, ctwa_clid,
 *   welcome_message.text}): https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/text/
 * - Reaction messages ({message_id, emoji}; "When an end user removes a
 *   reaction emoji, WhatsApp sends a webhook without the emoji field"):
 *   https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/reaction/
 * - Edit messages (type "edit", edit {original_message_id, message {context?,
 *   type, <type>}}; within 15 minutes; text or media caption):
 *   https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/edit
 * - Revoke messages (type "revoke", revoke {original_message_id}; within two days):
 *   https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/revoke/
 * - Unsupported messages (type "unsupported", errors[0].code 131051,
 *   unsupported {type}): Meta notes edits are at times delivered this way.
 */
import { messageText } from "./webhook-payload"

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v)
const str = (v: unknown): string | null => (typeof v === "string" && v.length ? v : typeof v === "number" ? String(v) : null)

export type AdReferral = {
  source_url: string | null
  source_id: string | null
  /** "ad" or "post" (Meta documents both). */
  source_type: string | null
  headline: string | null
  body: string | null
  media_type: string | null
  image_url: string | null
  video_url: string | null
  thumbnail_url: string | null
  /** Meta's click id; omitted for ads shown in WhatsApp Status. */
  ctwa_clid: string | null
  welcome_message: string | null
}

/** What a lifecycle message (edit, revoke, reaction) does to the message it names. */
export type MessageAction =
  | { kind: "edit"; target_wamid: string; text: string | null }
  | { kind: "revoke"; target_wamid: string }
  /** `emoji: null` is a removed reaction. */
  | { kind: "reaction"; target_wamid: string; emoji: string | null }

export type MessageContext = {
  /** `context.id`: the message this one replies to (a business or customer message). */
  reply_to_wamid: string | null
  forwarded: boolean
  frequently_forwarded: boolean
  action: MessageAction | null
  referral: AdReferral | null
}

export const EMPTY_CONTEXT: MessageContext = {
  reply_to_wamid: null,
  forwarded: false,
  frequently_forwarded: false,
  action: null,
  referral: null,
}

function action(message: Obj): MessageAction | null {
  const type = str(message.type)
  const part = type && isObj(message[type]) ? (message[type] as Obj) : null
  if (!part) return null
  if (type === "reaction") {
    const target = str(part.message_id)
    // Meta omits `emoji` on removal; older payloads send an empty string.
    return target ? { kind: "reaction", target_wamid: target, emoji: str(part.emoji) } : null
  }
  const target = str(part.original_message_id)
  if (!target) return null
  if (type === "revoke") return { kind: "revoke", target_wamid: target }
  if (type === "edit") return { kind: "edit", target_wamid: target, text: isObj(part.message) ? messageText(part.message) : null }
  return null
}

function referral(message: Obj): AdReferral | null {
  const r = isObj(message.referral) ? message.referral : null
  if (!r) return null
  const parsed: AdReferral = {
    source_url: str(r.source_url),
    source_id: str(r.source_id),
    source_type: str(r.source_type),
    headline: str(r.headline),
    body: str(r.body),
    media_type: str(r.media_type),
    image_url: str(r.image_url),
    video_url: str(r.video_url),
    thumbnail_url: str(r.thumbnail_url),
    ctwa_clid: str(r.ctwa_clid),
    welcome_message: isObj(r.welcome_message) ? str(r.welcome_message.text) : null,
  }
  return Object.values(parsed).some((v) => v !== null) ? parsed : null
}

/** Reads a message's context, action and referral; an edit's own context is the edited message's. */
export function parseMessageContext(message: unknown): MessageContext {
  if (!isObj(message)) return EMPTY_CONTEXT
  const context = isObj(message.context) ? message.context : {}
  return {
    reply_to_wamid: str(context.id),
    // Meta sets frequently_forwarded (more than five hops) alone: such a message is forwarded too.
    forwarded: context.forwarded === true || context.frequently_forwarded === true,
    frequently_forwarded: context.frequently_forwarded === true,
    action: action(message),
    referral: referral(message),
  }
}
