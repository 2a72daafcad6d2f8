/**
 * Hybrid search: semantic similarity (embeddings from the optional AI
 * provider) joined to the lexical ranking. Pure: the vectors and the lexical
 * ranking come in, a ranking on the lexical scale goes out, so the lexical
 * selection rules (cut-off, distance from the best) apply unchanged.
 */

/** Unit length copy (cosine then is a dot product); null for a zero or malformed vector. */
export function unitVector(values: ArrayLike<number>): Float32Array | null {
  let norm = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (typeof v !== "number" || !Number.isFinite(v)) return null
    norm += v * v
  }
  if (!values.length || norm === 0) return null
  const scale = 1 / Math.sqrt(norm)
  const out = new Float32Array(values.length)
  for (let i = 0; i < values.length; i++) out[i] = values[i] * scale
  return out
}

/** Dot product of two unit vectors: their cosine similarity. */
export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return 0
  let dot = 0
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i]
  return dot
}

export type StoredVector = { id: string; vector: Float32Array; channels: string[] }

/** A product's similarity to the query, by id (undefined: no vector). A Map is one. */
export type SimilarityLookup = { get(id: string): number | undefined }

/**
 * Product vectors held in memory, grouped by sales channel, for a
 * brute-force nearest neighbour scan: exact, and fast enough for the catalogs
 * this plugin serves (a channel of 20,000 products of 384 dimensions in
 * about 10 ms; see docs/benchmarks.md).
 */
export class VectorIndex {
  private readonly byId = new Map<string, StoredVector>()
  private readonly byChannel = new Map<string, Set<StoredVector>>()

  get size() {
    return this.byId.size
  }

  upsert(entry: StoredVector) {
    this.remove(entry.id)
    this.byId.set(entry.id, entry)
    for (const channel of entry.channels) {
      let set = this.byChannel.get(channel)
      if (!set) this.byChannel.set(channel, (set = new Set()))
      set.add(entry)
    }
  }

  remove(id: string) {
    const entry = this.byId.get(id)
    if (!entry) return
    this.byId.delete(id)
    for (const channel of entry.channels) this.byChannel.get(channel)?.delete(entry)
  }

  clear() {
    this.byId.clear()
    this.byChannel.clear()
  }

  /** The query's similarity to one product (undefined when it has no vector). */
  similarity(query: Float32Array, id: string): number | undefined {
    const entry = this.byId.get(id)
    return entry ? cosine(query, entry.vector) : undefined
  }

  /** The `k` products of the channel (null: every product) nearest the query, at or above `minSimilarity`, best first. */
  nearest(query: Float32Array, options: { channel: string | null; k: number; minSimilarity: number }) {
    const entries = options.channel ? this.byChannel.get(options.channel) ?? new Set<StoredVector>() : this.byId.values()
    const nearest: { id: string; similarity: number }[] = []
    let floor = options.minSimilarity
    for (const entry of entries) {
      const s = cosine(query, entry.vector)
      if (s < floor) continue
      // Insert in order; once k are held, the k-th is the bar to beat.
      let i = nearest.length
      while (i > 0 && nearest[i - 1].similarity < s) i--
      nearest.splice(i, 0, { id: entry.id, similarity: s })
      if (nearest.length > options.k) nearest.pop()
      if (nearest.length === options.k) floor = Math.max(floor, nearest[nearest.length - 1].similarity)
    }
    return nearest
  }

  /** Nearest products and a lookup of the query's similarity to any product, computed when asked. */
  scan(query: Float32Array, options: { channel: string | null; k: number; minSimilarity: number }) {
    const nearest = this.nearest(query, options)
    const known = new Map(nearest.map((n) => [n.id, n.similarity]))
    const similarity: SimilarityLookup = {
      get: (id) => {
        if (!known.has(id)) {
          const s = this.similarity(query, id)
          if (s === undefined) return undefined
          known.set(id, s)
        }
        return known.get(id)
      },
    }
    return { nearest, similarity }
  }
}

export type Ranked = { product_id: string; score: number; semantic?: boolean }

export type HybridOptions = {
  /** Under this cosine a product gets no semantic credit. */
  minSimilarity: number
  /** Lexical-scale score of the product nearest the query with no lexical match (default 0.9). */
  semanticCeiling?: number
  /** Extra credit, at most, for a product both lexically and semantically close (default 0.1). */
  agreementBonus?: number
}

/**
 * Semantic credit of one product for this query: 0 under `minSimilarity`,
 * 1 for the product nearest the query, linear between. Relative to the best
 * product, because raw cosines differ from model to model.
 */
export function semanticCredit(similarity: number, best: number, minSimilarity: number): number {
  if (!(similarity >= minSimilarity)) return 0
  if (best <= minSimilarity) return 1
  return Math.max(0, Math.min(1, (similarity - minSimilarity) / (best - minSimilarity)))
}

/**
 * Joins semantic similarity to a lexical ranking, on the lexical scale:
 * hybrid = max(lexical, ceiling × credit) + bonus × credit × min(lexical, 1).
 * A product only the embeddings find gets up to `semanticCeiling` (a good
 * lexical match, not a perfect one), so an exact title match keeps first
 * place; one both ways close gains a little. Lexical-only products keep
 * their score. Items keep every other field, and a product with semantic
 * credit is marked `semantic`; the result is sorted, ties kept in the
 * lexical order.
 */
export function mergeHybrid<T extends Ranked>(lexical: T[], similarity: SimilarityLookup, options: HybridOptions): T[] {
  const ceiling = options.semanticCeiling ?? 0.9
  const bonus = options.agreementBonus ?? 0.1
  let best = -Infinity
  for (const item of lexical) best = Math.max(best, similarity.get(item.product_id) ?? -Infinity)
  if (!(best >= options.minSimilarity)) return lexical
  return lexical
    .map((item, order) => {
      const credit = semanticCredit(similarity.get(item.product_id) ?? -1, best, options.minSimilarity)
      const score = Math.max(item.score, ceiling * credit) + bonus * credit * Math.min(Math.max(item.score, 0), 1)
      // Close in meaning: the lexical selection (rank.ts selectMatches) keeps it even without a word in common.
      return { item: { ...item, score, ...(credit > 0 ? { semantic: true } : {}) }, order }
    })
    .sort((a, b) => b.item.score - a.item.score || a.order - b.order)
    .map((entry) => entry.item)
}
