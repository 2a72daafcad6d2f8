import type { OrderTotalNote } from "../../../lib/checkout/order-total-note"
/** Shapes of the admin API responses the inbox reads (src/api/admin/whatsapp/**). */

export type InboxAccount = {
  id: string
  name: string
  display_phone_number: string | null
  catalog_id: string | null
  language: string
}

export type Conversation = {
  id: string
  account_id: string
  wa_id: string
  profile_name: string | null
  customer_id: string | null
  /** How the customer link was proven; "unverified" links (made by phone match before proof was required) are not used. */
  customer_link_method: "whatsapp_created" | "verified_by_customer" | "linked_by_admin" | "unverified" | null
  customer_linked_by: string | null
  customer_linked_at: string | null
  last_inbound_at: string | null
  last_message_at: string | null
  opted_out: boolean
  unread_count: number
  has_cart: boolean
  has_inquiry: boolean
  created_at: string
  window_open: boolean
  window_closes_at: string | null
}

export type MessageStatus = "received" | "queued" | "sending" | "sent" | "delivered" | "read" | "failed"

export type OrderProductItem = {
  product_retailer_id: string
  quantity: number | string
  item_price: number | string
  currency: string
}

/** Loose view of the stored Meta JSON: inbound is Meta's message, outbound is what we sent. */
export type MessagePayload = {
  type?: string
  order?: { catalog_id?: string; text?: string; product_items?: OrderProductItem[] }
  interactive?: { type?: string; body?: { text?: string }; action?: Record<string, unknown> }
  template?: { name?: string; language?: { code?: string } | string }
  text?: { body?: string }
  [key: string]: unknown
}

export type Message = {
  id: string
  conversation_id: string
  wamid: string | null
  direction: "inbound" | "outbound"
  type: string
  text: string | null
  payload: MessagePayload | null
  status: MessageStatus
  error_code: string | null
  error_message: string | null
  referred_retailer_id: string | null
  referred_product_id: string | null
  referred_variant_id: string | null
  created_at: string
}

export type WhatsappCartStatus =
  | "pending"
  | "submitted"
  | "link_sent"
  | "ordered"
  | "paid"
  | "abandoned"
  | "recovered"
  | "rejected"

export type WhatsappCart = {
  id: string
  conversation_id: string
  source_wamid: string
  source_message_id: string | null
  status: WhatsappCartStatus
  cart_id: string | null
  order_id: string | null
  currency_code: string | null
  total: number | string | null
  order_total_note: OrderTotalNote | null
  items: { variant_id?: string; title: string; quantity: number; unit_price: number }[] | null
  issues: Record<string, unknown> | null
  created_at: string
}

export type { TemplateSummary } from "../../lib/types"

export type CatalogItem = {
  id: string
  catalog_id: string
  variant_id: string
  product_id: string | null
  retailer_id: string
  sync_status: "pending" | "synced" | "error" | "invalid" | "deleted"
  errors: unknown
}

export type ProductWithVariants = {
  id: string
  title: string
  thumbnail: string | null
  variants?: { id: string; title: string | null }[] | null
}

export type SendProductsBody = {
  variant_ids?: string[]
  collection_id?: string
  category_id?: string
  header?: string
  body?: string
}

export type SendProductsResult = {
  message_ids: string[]
  sent_variant_ids: string[]
  unsynced: { variant_id: string; reason: string }[]
}
