import type { SqlRunner } from "./ingest"

/** Marks variants for the next incremental sync; a repeat only refreshes the time. */
export async function queueCatalogVariants(db: SqlRunner, variantIds: string[]) {
  const ids = [...new Set(variantIds.filter(Boolean))]
  if (!ids.length) return
  await db.execute(
    `insert into whatsapp_catalog_queue (id, queued_at, created_at, updated_at)
     values ${ids.map(() => "(?, now(), now(), now())").join(", ")}
     on conflict (id) do update set queued_at = now(), updated_at = now()`,
    ids
  )
}

/** Takes the variants that have been quiet for `quietMs` (each taken once, whatever the instance). */
export async function takeQuietCatalogVariants(db: SqlRunner, quietMs: number, limit = 10_000): Promise<string[]> {
  const rows = await db.execute(
    `delete from whatsapp_catalog_queue
     where id in (
       select id from whatsapp_catalog_queue
       where queued_at < now() - (?::int * interval '1 millisecond')
       order by queued_at limit ? for update skip locked)
     returning id`,
    [quietMs, limit]
  )
  return rows.map((r) => r.id as string)
}
