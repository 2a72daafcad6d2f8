import type { SqlRunner } from "./ingest"

const LIVE_ITEM = `deleted_at is null and sync_status <> 'deleted'`

/**
 * The variant behind each retailer id of a catalog: the one lookup carts,
 * product questions and anything else that reads Meta's ids go through.
 * Items deleted from the catalog resolve to nothing; a retailer id that is
 * itself a variant id (the default mapping) resolves before its first sync.
 */
export async function variantsForRetailerIds(db: SqlRunner, catalogId: string | null, retailerIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(retailerIds.filter(Boolean))]
  const mapped = new Map<string, string>()
  if (!ids.length) return mapped
  if (catalogId) {
    const rows = await db.execute(
      `select retailer_id, variant_id from whatsapp_catalog_item
        where catalog_id = ? and ${LIVE_ITEM} and retailer_id in (select jsonb_array_elements_text(?::jsonb))`,
      [catalogId, JSON.stringify(ids)]
    )
    for (const row of rows) mapped.set(row.retailer_id, row.variant_id)
  }
  for (const id of ids) if (!mapped.has(id) && id.startsWith("variant_")) mapped.set(id, id)
  return mapped
}

export type CatalogItemState = { variant_id: string; retailer_id: string; sync_status: string }

/** The catalog items of these variants (any sync status), for deciding what can be shown. */
export async function catalogItemsForVariants(db: SqlRunner, catalogId: string, variantIds: string[]): Promise<CatalogItemState[]> {
  if (!variantIds.length) return []
  return db.execute(
    `select variant_id, retailer_id, sync_status from whatsapp_catalog_item
      where catalog_id = ? and deleted_at is null and variant_id in (select jsonb_array_elements_text(?::jsonb))`,
    [catalogId, JSON.stringify([...new Set(variantIds)])]
  )
}

/** The catalog's first synced item: a catalog message's thumbnail when nothing was chosen. */
export async function firstSyncedRetailerId(db: SqlRunner, catalogId: string): Promise<string | null> {
  const [row] = await db.execute(
    `select retailer_id from whatsapp_catalog_item where catalog_id = ? and sync_status = 'synced' and deleted_at is null
      order by created_at, id limit 1`,
    [catalogId]
  )
  return row?.retailer_id ?? null
}
