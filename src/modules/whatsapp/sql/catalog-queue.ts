import type { SqlRunner } from "./ingest"

/**
 * Marks variants for the next incremental sync (the `catalog_change` work
 * kind). A repeat refreshes the time and starts the count again, which also
 * keeps the row when a sync that read the older state is still running.
 */
export async function queueCatalogVariants(db: SqlRunner, variantIds: string[]) {
  const ids = [...new Set(variantIds.filter(Boolean))]
  if (!ids.length) return
  await db.execute(
    `insert into whatsapp_catalog_queue (id, queued_at, created_at, updated_at)
     values ${ids.map(() => "(?, now(), now(), now())").join(", ")}
     on conflict (id) do update set queued_at = now(), attempts = 0, next_attempt_at = null,
       failed_at = null, last_error = null, updated_at = now()`,
    ids
  )
}
