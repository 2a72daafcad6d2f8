import type { CatalogItemPayload } from "./item-payload"

export type BatchRequest =
  | { method: "CREATE" | "UPDATE"; data: CatalogItemPayload }
  | { method: "DELETE"; data: { id: string } }

export type StoredItem = { retailer_id: string; content_hash: string | null; sync_status: string }
export type DesiredItem = { retailer_id: string; hash: string; payload: CatalogItemPayload }

/**
 * What must go to Meta: new items, items whose payload hash changed, and
 * items that are no longer wanted. Unchanged items send nothing.
 */
export function planCatalogChanges(desired: DesiredItem[], stored: StoredItem[]): BatchRequest[] {
  const storedById = new Map(stored.map((s) => [s.retailer_id, s]))
  const wanted = new Set(desired.map((d) => d.retailer_id))
  const requests: BatchRequest[] = []
  for (const item of desired) {
    const previous = storedById.get(item.retailer_id)
    const live = previous && previous.content_hash && previous.sync_status !== "deleted"
    if (!live) {
      requests.push({ method: "CREATE", data: item.payload })
    } else if (previous.content_hash !== item.hash || previous.sync_status === "error") {
      requests.push({ method: "UPDATE", data: item.payload })
    }
  }
  for (const item of stored) {
    if (!wanted.has(item.retailer_id) && item.content_hash && item.sync_status !== "deleted") {
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
