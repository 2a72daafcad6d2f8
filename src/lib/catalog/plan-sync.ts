import type { CatalogItemPayload } from "./item-payload"

/**
 * items_batch requests. New and changed items both go as UPDATE: with
 * `allow_upsert` at its default (true) Meta creates an item an UPDATE names
 * when it does not exist, so a retry of a batch Meta half-applied (started,
 * error) or one whose outcome we never learnt cannot fail on "already exists".
 * https://developers.facebook.com/docs/marketing-api/reference/product-catalog/items_batch/
 */
export type BatchRequest = { method: "UPDATE"; data: CatalogItemPayload } | { method: "DELETE"; data: { id: string } }

export type StoredItem = { retailer_id: string; content_hash: string | null; sync_status: string }
export type DesiredItem = { retailer_id: string; hash: string; payload: CatalogItemPayload }

/** Statuses that say Meta may not hold the stored payload: sent again even when the hash did not change. */
const UNSETTLED = new Set(["error", "pending", "invalid"])

/** Whether Meta holds an item for this row (it was synced and not deleted since). */
export function isLiveAtMeta(item: StoredItem | undefined): boolean {
  return Boolean(item && item.content_hash && item.sync_status !== "deleted")
}

/**
 * What must go to Meta: new items, items whose payload hash changed, items a
 * previous run left unsettled, and items that are no longer wanted.
 * Unchanged items send nothing.
 */
export function planCatalogChanges(desired: DesiredItem[], stored: StoredItem[]): BatchRequest[] {
  const storedById = new Map(stored.map((s) => [s.retailer_id, s]))
  const wanted = new Set(desired.map((d) => d.retailer_id))
  const requests: BatchRequest[] = []
  for (const item of desired) {
    const previous = storedById.get(item.retailer_id)
    if (!isLiveAtMeta(previous) || previous!.content_hash !== item.hash || UNSETTLED.has(previous!.sync_status)) {
      requests.push({ method: "UPDATE", data: item.payload })
    }
  }
  for (const item of stored) {
    if (!wanted.has(item.retailer_id) && isLiveAtMeta(item)) {
      requests.push({ method: "DELETE", data: { id: item.retailer_id } })
    }
  }
  return requests
}

export const MAX_ITEMS_PER_BATCH = 3000
/** Meta refuses 28 MB; stay a little under, counting the envelope. */
export const MAX_BATCH_BYTES = 27 * 1024 * 1024

/** Splits requests into items_batch calls of at most 3000 items and under 28 MB. */
export function chunkBatchRequests(requests: BatchRequest[], maxItems = MAX_ITEMS_PER_BATCH, maxBytes = MAX_BATCH_BYTES): BatchRequest[][] {
  const chunks: BatchRequest[][] = []
  let current: BatchRequest[] = []
  let bytes = 64
  for (const request of requests) {
    const size = Buffer.byteLength(JSON.stringify(request)) + 1
    if (current.length && (current.length >= maxItems || bytes + size > maxBytes)) {
      chunks.push(current)
      current = []
      bytes = 64
    }
    current.push(request)
    bytes += size
  }
  if (current.length) chunks.push(current)
  return chunks
}
