export const catalogItemFields = [
  "id", "catalog_id", "variant_id", "product_id", "retailer_id", "retailer_id_source",
  "sync_status", "errors", "warnings", "last_synced_at", "updated_at",
]

export const syncRunFields = ["id", "account_id", "catalog_id", "trigger", "status", "stats", "error", "started_at", "finished_at"]
