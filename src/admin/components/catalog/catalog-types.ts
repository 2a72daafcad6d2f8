import type { OrderTotalNote } from "../../../lib/checkout/order-total-note"
// Shapes of the WhatsApp admin API as the catalog page and the widgets read them.
// Kept here (not in lib/types.ts) so this feature can change without touching shared files.

export const CATALOG_ITEM_STATUSES = ["pending", "synced", "error", "invalid", "deleted"] as const
export type CatalogItemStatus = (typeof CATALOG_ITEM_STATUSES)[number]

/** GET /admin/whatsapp/catalog/items (fields from catalog/query-config.ts). */
export type CatalogItem = {
  id: string
  catalog_id: string
  variant_id: string
  product_id: string | null
  /** Commerce Manager's "content ID"; the variant id unless set by hand or import. */
  retailer_id: string
  retailer_id_source: "default" | "manual" | "imported"
  sync_status: CatalogItemStatus
  /** Meta's messages (or our own validation problems), usually strings. */
  errors: unknown[] | null
  warnings: unknown[] | null
  last_synced_at: string | null
  updated_at: string
}

export type CatalogItemsResponse = { items: CatalogItem[]; count: number; offset: number; limit: number }

export type CatalogItemsFilter = {
  catalog_id?: string
  status?: CatalogItemStatus
  product_id?: string
  variant_id?: string
  limit?: number
  offset?: number
}

export type CatalogSyncStats = Partial<{
  created: number
  updated: number
  deleted: number
  unchanged: number
  invalid: number
  rejected: number
  batch_calls: number
  polls: number
  paused_ms: number
}>

/** GET /admin/whatsapp/catalog/runs/:id */
export type CatalogSyncRun = {
  id: string
  account_id: string
  catalog_id: string
  trigger: "manual" | "incremental" | "scheduled"
  status: "running" | "completed" | "failed"
  stats: CatalogSyncStats | null
  error: string | null
  started_at: string
  finished_at: string | null
}

/** POST /admin/whatsapp/catalog/import → { import } (steps/import-catalog.ts ImportResult). */
export type CatalogImportResult = {
  total: number
  matched: { retailer_id: string; variant_id: string; by: "mapping" | "sku" }[]
  unmatched: { retailer_id: string; name: string | null }[]
}

/** The subset of GET /admin/whatsapp/accounts this feature reads. */
export type CatalogAccount = { id: string; name: string; catalog_id: string | null; display_phone_number: string | null }

/** GET /admin/products?fields=id,title,variants.id,variants.title,variants.sku */
export type ProductWithVariants = {
  id: string
  title: string
  variants?: { id: string; title: string | null; sku: string | null }[] | null
}

/** GET/POST /admin/whatsapp/products/:id/settings */
export type ProductWhatsappSettings = {
  settings: { product_id: string; searchable: boolean; hidden_in_catalog: boolean }
  /** The product's items in a WhatsApp catalog: what hiding it takes away. */
  catalog_item_count: number
}

export const WHATSAPP_CART_STATUSES = [
  "pending",
  "submitted",
  "link_sent",
  "ordered",
  "paid",
  "abandoned",
  "recovered",
  "rejected",
] as const
export type WhatsappCartStatus = (typeof WHATSAPP_CART_STATUSES)[number]

/** GET /admin/whatsapp/carts?order_id= (module model, all columns). */
export type WhatsappCart = {
  id: string
  account_id: string
  conversation_id: string
  cart_id: string | null
  order_id: string | null
  status: WhatsappCartStatus
  currency_code: string | null
  /** bigNumber column: a number, or a string/object depending on serialization. */
  total: unknown
  order_total: unknown
  /** How the order's total differs from the cart's (delivery added…); null when they match. */
  order_total_note: OrderTotalNote | null
  payment_provider_id: string | null
  paid_at: string | null
  abandoned_at: string | null
  recovery_sent_at: string | null
  recovery_channel: string | null
  recovery_skipped_reason: string | null
  created_at: string
}

/** GET /admin/whatsapp/conversations[/:id] (phone and name as the API returns them). */
export type WhatsappConversation = {
  id: string
  account_id: string
  wa_id: string
  profile_name: string | null
  customer_id: string | null
  last_message_at: string | null
  unread_count: number
  window_open: boolean
  opted_out: boolean
}
