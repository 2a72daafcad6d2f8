import type { OrderTotalNote } from "../../lib/checkout/order-total-note"
import type { DateTime, PaginatedResponse } from "./common"
import type { AdminWhatsAppReferral } from "./conversations"

export type { OrderTotalNote }

export const WHATSAPP_CART_STATUSES = ["pending", "submitted", "link_sent", "ordered", "paid", "abandoned", "recovered", "rejected"] as const
export type AdminWhatsAppCartStatus = (typeof WHATSAPP_CART_STATUSES)[number]

/** A line as the customer sent it and Medusa priced it. */
export type AdminWhatsAppCartItem = { variant_id?: string; title: string; quantity: number; unit_price: number }

/**
 * GET /admin/whatsapp/carts and /carts/:id: the module row (every column),
 * plus, in the list, `order_total_note`.
 */
export type AdminWhatsAppCart = {
  id: string
  account_id: string
  conversation_id: string
  source_wamid: string
  source_message_id: string | null
  cart_id: string | null
  customer_id: string | null
  status: AdminWhatsAppCartStatus
  currency_code: string | null
  /** bigNumber column: a number or a numeric string, depending on the serializer. */
  total: number | string | null
  items: AdminWhatsAppCartItem[] | null
  /** Unknown items, stock caps, price changes, currency mismatch. */
  issues: Record<string, unknown> | null
  checkout_expires_at: DateTime | null
  link_message_id: string | null
  abandoned_at: DateTime | null
  recovery_sent_at: DateTime | null
  recovery_channel: string | null
  recovery_message_id: string | null
  recovery_skipped_reason: string | null
  order_id: string | null
  paid_at: DateTime | null
  order_total: number | string | null
  payment_provider_id: string | null
  /** The Click-to-WhatsApp ad the conversation last came from when the cart was made (ad attribution). */
  referral_source_id: string | null
  referral_ctwa_clid: string | null
  referral: AdminWhatsAppReferral | null
  created_at: DateTime
  updated_at: DateTime
}

/** How the order's total differs from the cart's (delivery added…); null when they match or there is no order. */
export type AdminWhatsAppListedCart = AdminWhatsAppCart & { order_total_note: OrderTotalNote | null }

export type AdminWhatsAppCartListResponse = PaginatedResponse<"carts", AdminWhatsAppListedCart>
export type AdminWhatsAppCartResponse = { cart: AdminWhatsAppCart }
/** POST /admin/whatsapp/carts/:id/mark-paid: the workflow's result and the cart after it. */
export type AdminWhatsAppMarkCartPaidResponse = {
  whatsapp_cart_id: string
  order_id: string | null
  captured_payment_ids: string[]
  /** The cart was already paid: nothing was captured again. */
  already_paid: boolean
  cart: AdminWhatsAppCart
}
