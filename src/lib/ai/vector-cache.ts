import { unitVector, VectorIndex } from "../search/hybrid"

export type VectorSource = {
  version(): Promise<{ count: number; latest: Date | null }>
  /** Rows written after `since` (all without it). */
  rows(since: Date | null): Promise<{ id: string; vector: number[]; sales_channel_ids: string[] | null; updated_at: Date | string }[]>
}

/**
 * The stored product vectors of one model, held in memory for the nearest
 * neighbour scan and kept current cheaply: a count and newest-write check
 * (at most every `checkEveryMs`) reads only rows written since; a count that
 * no longer adds up (rows deleted) reads everything again.
 */
export class ProductVectorCache {
  private readonly index = new VectorIndex()
  private latest: Date | null = null
  private checkedAt = -Infinity
  private refreshing: Promise<void> | null = null

  constructor(
    private readonly source: VectorSource,
    private readonly checkEveryMs = 500,
    private readonly now: () => number = Date.now
  ) {}

  /** The index, refreshed first when the check is due. */
  async current(): Promise<VectorIndex> {
    if (this.now() - this.checkedAt >= this.checkEveryMs) {
      this.refreshing ??= this.refresh().finally(() => (this.refreshing = null))
      await this.refreshing
    }
    return this.index
  }

  private async refresh() {
    const { count, latest } = await this.source.version()
    this.checkedAt = this.now()
    const unchanged = count === this.index.size && (latest?.getTime() ?? 0) === (this.latest?.getTime() ?? 0)
    if (unchanged) return
    let full = !this.latest || count < this.index.size
    let rows = await this.source.rows(full ? null : this.latest)
    if (!full) {
      for (const row of rows) this.add(row)
      // Still off: rows were deleted meanwhile, read all again.
      if (this.index.size !== count) {
        full = true
        rows = await this.source.rows(null)
      }
    }
    if (full) {
      this.index.clear()
      for (const row of rows) this.add(row)
    }
    this.latest = latest
  }

  private add(row: { id: string; vector: number[]; sales_channel_ids: string[] | null }) {
    const vector = unitVector(Array.isArray(row.vector) ? row.vector : [])
    if (vector) this.index.upsert({ id: row.id, vector, channels: row.sales_channel_ids ?? [] })
    else this.index.remove(row.id)
  }
}
