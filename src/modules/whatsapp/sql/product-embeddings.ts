import type { SqlRunner } from "./ingest"

/** Queued products wait this long without another change before they are embedded (a bulk edit becomes one batch). */
export const EMBEDDING_QUIET_MS = 1_000

/**
 * Marks products for embedding (the `product_embedding` work kind). A repeat
 * refreshes the time and starts the count again, which also keeps the row
 * queued when a run that read the older product is still going.
 */
export async function queueProductEmbeddings(db: SqlRunner, productIds: string[]) {
  const ids = [...new Set(productIds.filter(Boolean))]
  if (!ids.length) return
  await db.execute(
    `insert into whatsapp_product_embedding (id, queued_at, created_at, updated_at)
     select id, now(), now(), now() from jsonb_array_elements_text(?::jsonb) as ids(id)
     on conflict (id) do update set queued_at = now(), attempts = 0, next_attempt_at = null,
       failed_at = null, last_error = null, deleted_at = null, updated_at = now()`,
    [JSON.stringify(ids)]
  )
}

/**
 * Queues the products that have no vector from `model` and are not queued
 * already (first use, a new model), and those given up before (a key or
 * model fixed since).
 */
export async function queueMissingProductEmbeddings(db: SqlRunner, productIds: string[], model: string): Promise<number> {
  if (!productIds.length) return 0
  const rows = await db.execute(
    `insert into whatsapp_product_embedding (id, queued_at, created_at, updated_at)
     select id, now(), now(), now() from jsonb_array_elements_text(?::jsonb) as ids(id)
     on conflict (id) do update set queued_at = now(), attempts = 0, next_attempt_at = null,
       failed_at = null, last_error = null, deleted_at = null, updated_at = now()
     where (whatsapp_product_embedding.queued_at is null or whatsapp_product_embedding.failed_at is not null)
       and (whatsapp_product_embedding.model is distinct from ? or whatsapp_product_embedding.vector is null
            or whatsapp_product_embedding.deleted_at is not null)
     returning id`,
    [JSON.stringify([...new Set(productIds)]), model]
  )
  return rows.length
}

export type EmbeddingState = { id: string; model: string | null; text_hash: string | null; has_vector: boolean }

export async function productEmbeddingStates(db: SqlRunner, ids: string[]): Promise<EmbeddingState[]> {
  if (!ids.length) return []
  return db.execute(
    `select id, model, text_hash, vector is not null as has_vector from whatsapp_product_embedding where id in (select jsonb_array_elements_text(?::jsonb)) and deleted_at is null`,
    [JSON.stringify(ids)]
  )
}

export type EmbeddingWrite = {
  id: string
  model: string
  text_hash: string
  sales_channel_ids: string[]
  /** Absent: the text is unchanged, keep the stored vector. */
  vector?: number[]
}

/** Stores new vectors, or only the channels of products whose text is unchanged. */
export async function writeProductEmbeddings(db: SqlRunner, rows: EmbeddingWrite[]) {
  if (!rows.length) return
  await db.execute(
    `update whatsapp_product_embedding t set
       model = v.model, text_hash = v.text_hash,
       vector = coalesce(v.vector, t.vector),
       dimensions = case when v.vector is null then t.dimensions else jsonb_array_length(v.vector) end,
       embedded_at = case when v.vector is null then t.embedded_at else now() end,
       sales_channel_ids = v.sales_channel_ids, updated_at = now()
     from jsonb_to_recordset(?::jsonb) as v(id text, model text, text_hash text, vector jsonb, sales_channel_ids jsonb)
     where t.id = v.id`,
    [JSON.stringify(rows.map((r) => ({ ...r, vector: r.vector ?? null })))]
  )
}

/** Products gone or unpublished: their rows go (a hard delete; nothing refers to them). */
export async function removeProductEmbeddings(db: SqlRunner, ids: string[]) {
  if (!ids.length) return
  await db.execute(`delete from whatsapp_product_embedding where id in (select jsonb_array_elements_text(?::jsonb))`, [JSON.stringify(ids)])
}

export type StoredEmbeddingRow = { id: string; vector: number[]; sales_channel_ids: string[] | null; updated_at: Date }

/** How many vectors of `model` exist and when the newest was written: tells a cache whether to read again. */
export async function productVectorsVersion(db: SqlRunner, model: string): Promise<{ count: number; latest: Date | null }> {
  const [row] = await db.execute(
    `select count(*)::int as count, max(updated_at) as latest from whatsapp_product_embedding
     where model = ? and vector is not null and deleted_at is null`,
    [model]
  )
  return { count: row?.count ?? 0, latest: row?.latest ? new Date(row.latest) : null }
}

/** Vectors of `model` written after `since` (all of them without it). */
export async function loadProductVectors(db: SqlRunner, model: string, since: Date | null): Promise<StoredEmbeddingRow[]> {
  return db.execute(
    `select id, vector, sales_channel_ids, updated_at from whatsapp_product_embedding
     where model = ? and vector is not null and deleted_at is null ${since ? "and updated_at > ?" : ""}`,
    since ? [model, since] : [model]
  )
}
