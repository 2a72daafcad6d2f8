import type { DateTime, PaginatedResponse } from "./common"

export const CATALOG_ITEM_STATUSES = ["pending", "synced", "error", "invalid", "deleted"] as const
export type AdminWhatsAppCatalogItemStatus = (typeof CATALOG_ITEM_STATUSES)[number]

/** GET /admin/whatsapp/catalog/items (catalog/query-config.ts catalogItemFields). */
export type AdminWhatsAppCatalogItem = {
  id: string
  catalog_id: string
  variant_id: string
  product_id: string | null
  /** Commerce Manager's "content ID"; the variant id unless set by hand or import. */
  retailer_id: string
  retailer_id_source: "default" | "manual" | "imported"
  sync_status: AdminWhatsAppCatalogItemStatus
  /** Meta's messages (or our own validation problems), usually strings. */
  errors: unknown[] | null
  warnings: unknown[] | null
  last_synced_at: DateTime | null
  updated_at: DateTime
}

export type AdminWhatsAppCatalogItemListResponse = PaginatedResponse<"items", AdminWhatsAppCatalogItem>
/** POST /admin/whatsapp/catalog/items/:variant_id */
export type AdminWhatsAppCatalogItemResponse = { item: AdminWhatsAppCatalogItem }

/** One items_batch call of a run, as Meta reported it (lib/catalog/batch-outcomes.ts). */
export type CatalogSyncBatch = {
  handle: string | null
  requests: number
  /** Meta's last status (finished, canceled, error, started…), `not_ingested` for empty handles, `unknown` when never answered. */
  status: string
  errors_total_count: number
  warnings_total_count: number
  synced: number
  invalid: number
  pending: number
  /** Why items were left pending or refused, in one line. */
  note: string | null
}

/** What a finished sync did (steps/push-catalog-changes.ts). */
export type CatalogSyncStats = {
  created: number
  updated: number
  deleted: number
  unchanged: number
  /** Variants we could not send (no price, no image…). */
  invalid: number
  /** Items Meta refused (now `invalid` with Meta's reasons). */
  rejected: number
  /** Items whose outcome is unknown (batch canceled, errored, not finished, not ingested): sent again next run. */
  pending: number
  /** Items Meta accepted with warnings. */
  warnings: number
  batch_calls: number
  polls: number
  paused_ms: number
  batches: CatalogSyncBatch[]
}

/** GET /admin/whatsapp/catalog/runs/:id, POST /catalog/sync (202). */
export type AdminWhatsAppCatalogSyncRun = {
  id: string
  account_id: string
  catalog_id: string
  trigger: "manual" | "incremental" | "scheduled"
  status: "running" | "completed" | "failed"
  /** `{}` (the column's default) until the run completes; never null. */
  stats: CatalogSyncStats | Record<string, never>
  error: string | null
  started_at: DateTime
  finished_at: DateTime | null
}
export type AdminWhatsAppCatalogSyncRunResponse = { run: AdminWhatsAppCatalogSyncRun }

/** POST /admin/whatsapp/catalog/import → { import } (steps/import-catalog.ts). */
export type AdminWhatsAppCatalogImport = {
  total: number
  matched: { retailer_id: string; variant_id: string; by: "mapping" | "sku" }[]
  unmatched: { retailer_id: string; name: string | null }[]
}
export type AdminWhatsAppCatalogImportResponse = { import: AdminWhatsAppCatalogImport }

/** GET/POST /admin/whatsapp/products/:id/settings */
export type AdminWhatsAppProductSettingsResponse = {
  settings: { product_id: string; searchable: boolean; hidden_in_catalog: boolean }
  /** The product's items in a WhatsApp catalog: what hiding it takes away. */
  catalog_item_count: number
}
