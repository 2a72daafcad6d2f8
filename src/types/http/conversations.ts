import type { AdReferral } from "../../lib/webhook-message-context"
import type { DateTime, PaginatedResponse } from "./common"

/** GET /admin/whatsapp/conversations[/:id] (conversations/query-config.ts + presentConversation). */
export type AdminWhatsAppConversation = {
  id: string
  account_id: string
  /** The customer's phone; null when Meta withholds it (a customer with a WhatsApp username). */
  wa_id: string | null
  /** The business-scoped user ID (BSUID), `US.13491208655302741918`. */
  user_id: string | null
  parent_user_id: string | null
  /** The customer's WhatsApp username, when they set one. */
  username: string | null
  /** Phones and BSUIDs the customer had before, still searchable. */
  former_identities: { wa_id?: string; user_id?: string; replaced_at: string; reason: string }[]
  profile_name: string | null
  customer_id: string | null
  /** How the customer link was proven; "unverified" links (made by phone match before proof was required) are not used. */
  customer_link_method: "whatsapp_created" | "verified_by_customer" | "linked_by_admin" | "unverified" | null
  customer_linked_by: string | null
  customer_linked_at: DateTime | null
  last_inbound_at: DateTime | null
  last_message_at: DateTime | null
  opted_out: boolean
  unread_count: number
  has_cart: boolean
  has_inquiry: boolean
  /** Handed off to a person: automatic replies pause until an admin resumes them (POST …/resume). */
  handoff_at: DateTime | null
  handoff_reason: "requested" | "search_misses" | "faq_unanswered" | "product_question" | "address_needed" | null
  /** Consecutive searches that found nothing. */
  search_misses: number
  /** The admin user (Medusa user id) answering it; null = unassigned. */
  assigned_to_id: string | null
  assigned_at: DateTime | null
  /** Closed by the team; a new message from the customer opens it again. */
  status: "open" | "closed"
  closed_at: DateTime | null
  updated_at: DateTime
  /** Meta's user_preferences (or error 131050): marketing messages stopped or resumed by the customer. */
  marketing_preference: "stop" | "resume" | null
  marketing_preference_at: DateTime | null
  marketing_preference_detail: string | null
  /** Click-to-WhatsApp: the earliest referral (first touch, never replaced by a later one) and the latest. */
  first_referral: AdminWhatsAppReferral | null
  last_referral: AdminWhatsAppReferral | null
  /** Labels added by automations (tag_conversation). */
  tags: string[]
  created_at: DateTime
  /** Free-form replies are possible (Meta's 24-hour customer-service window). */
  window_open: boolean
  window_closes_at: DateTime | null
}

/** A Click-to-WhatsApp ad or post referral (Meta's `referral` object); on the conversation also the message that brought it, and Meta's timestamp of it. */
export type AdminWhatsAppReferral = AdReferral & { message_id?: string; at?: DateTime }

/** A text a message had before an edit, and when (and by which edit) it was replaced. */
export type AdminWhatsAppEditRecord = { text: string | null; at: DateTime; wamid: string }

/**
 * GET /admin/whatsapp/conversations. `cursor`: pass it as `updated_since` to
 * hear only what changed after this answer.
 */
export type AdminWhatsAppConversationListResponse = PaginatedResponse<"conversations", AdminWhatsAppConversation> & { cursor: string }

/**
 * GET /admin/whatsapp/conversations?updated_since=<cursor>: the conversations
 * changed since the cursor (whatever the view filters: the client re-files
 * them), ids of conversations merged away, and the cursor to ask with next.
 * `next_cursor` null (with `more`): too many changes, reload the list.
 */
export type AdminWhatsAppConversationChangesResponse = {
  conversations: AdminWhatsAppConversation[]
  removed_ids: string[]
  next_cursor: string | null
  more: boolean
}

/** POST /admin/whatsapp/conversations/:id: assign (null = unassign) and open or close. */
export type AdminUpdateWhatsAppConversationRequest = { assigned_to_id?: string | null; status?: "open" | "closed" }

/** An internal note: admins only, never sent to the customer. */
export type AdminWhatsAppConversationNote = { id: string; conversation_id: string; author_id: string; text: string; created_at: DateTime }
export type AdminWhatsAppConversationNoteListResponse = { notes: AdminWhatsAppConversationNote[] }
export type AdminWhatsAppConversationNoteResponse = { note: AdminWhatsAppConversationNote }

/** A saved reply; `text` may name {{customer_name}}, {{customer_first_name}}, {{store_name}}, {{phone}}, {{username}}, {{agent_name}}. */
export type AdminWhatsAppCannedReply = { id: string; title: string; text: string; created_at: DateTime; updated_at: DateTime }
export type AdminWhatsAppCannedReplyListResponse = { canned_replies: AdminWhatsAppCannedReply[] }
export type AdminWhatsAppCannedReplyResponse = { canned_reply: AdminWhatsAppCannedReply }
/** POST /admin/whatsapp/canned-replies/:id/render { conversation_id }: the text with the conversation's variables filled. */
export type AdminWhatsAppRenderedCannedReplyResponse = { text: string; missing: string[] }

export type AdminWhatsAppConversationResponse = { conversation: AdminWhatsAppConversation }

export type AdminWhatsAppMessageStatus = "received" | "queued" | "sending" | "sent" | "delivered" | "read" | "played" | "failed"

export type OrderProductItem = {
  product_retailer_id: string
  quantity: number | string
  item_price: number | string
  currency: string
}

/** Loose view of the stored Meta JSON: inbound is Meta's message, outbound is what we sent. */
export type AdminWhatsAppMessagePayload = {
  type?: string
  order?: { catalog_id?: string; text?: string; product_items?: OrderProductItem[] }
  interactive?: { type?: string; body?: { text?: string }; action?: Record<string, unknown> }
  template?: { name?: string; language?: { code?: string } | string }
  text?: { body?: string }
  [key: string]: unknown
}

/** GET /admin/whatsapp/conversations/:id/messages (messageFields). */
export type AdminWhatsAppMessage = {
  id: string
  conversation_id: string
  wamid: string | null
  direction: "inbound" | "outbound"
  type: string
  text: string | null
  payload: AdminWhatsAppMessagePayload | null
  status: AdminWhatsAppMessageStatus
  error_code: string | null
  error_message: string | null
  attempts: number
  next_attempt_at: DateTime | null
  sent_at: DateTime | null
  referred_retailer_id: string | null
  referred_product_id: string | null
  referred_variant_id: string | null
  /** Image, video, audio, document or sticker: the file as Meta described it and as stored. */
  media_id: string | null
  media_mime_type: string | null
  media_size: number | null
  media_filename: string | null
  /** pending (being downloaded), stored (GET …/messages/:id/media serves it) or failed (`media_error` says why). */
  media_status: "pending" | "stored" | "failed" | null
  media_error: string | null
  /** Inbound: why the plugin did not answer as usual (e.g. an order from another catalog), or its handling error. */
  handle_error: string | null
  /** Meta's pricing of an outbound message, from its statuses. */
  pricing_category: string | null
  pricing_billable: boolean | null
  pricing_model: string | null
  pricing_type: string | null
  /** Sent from the WhatsApp Business app (coexistence), not by the plugin. */
  echo: boolean
  /** Our message this one replies to (Meta's context.id), and a short view of it. */
  reply_to_message_id: string | null
  reply_to: { id: string; direction: "inbound" | "outbound"; type: string; text: string | null; revoked: boolean } | null
  forwarded: boolean
  frequently_forwarded: boolean
  /** Edit, revoke or reaction messages: the wamid they act on; listed only while that message has not arrived. */
  target_wamid: string | null
  applied_at: DateTime | null
  edited_at: DateTime | null
  /** Earlier texts, oldest first (null on a revoked message: see the audit route). */
  edits: AdminWhatsAppEditRecord[] | null
  /** Deleted by the customer: `text` and `payload` are withheld (the audit route keeps them). */
  revoked: boolean
  revoked_at: DateTime | null
  /** The customer's reaction to this message. */
  reaction_emoji: string | null
  reacted_at: DateTime | null
  referral: AdminWhatsAppReferral | null
  created_at: DateTime
  updated_at: DateTime
}

/** GET /admin/whatsapp/conversations/:id/messages/:message_id/audit: everything a message said, revoked or not. */
export type AdminWhatsAppMessageAuditResponse = {
  audit: Pick<AdminWhatsAppMessage, "id" | "conversation_id" | "wamid" | "direction" | "type" | "text" | "payload" | "edited_at" | "edits" | "revoked_at" | "created_at">
}

export type AdminWhatsAppMessageListResponse = PaginatedResponse<"messages", AdminWhatsAppMessage>
export type AdminWhatsAppMessageResponse = { message: AdminWhatsAppMessage }

/** POST /admin/whatsapp/conversations/:id/products (202): what left, and what could not. */
export type AdminWhatsAppSendProductsResponse = {
  message_ids: string[]
  sent_variant_ids: string[]
  unsynced: { variant_id: string; reason: string }[]
}
