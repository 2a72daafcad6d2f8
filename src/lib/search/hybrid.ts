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

/**
 * A channel's product vectors held in memory for a brute-force nearest
 * neighbour scan: exact, and fast enough for the catalogs this plugin serves
 * (20,000 products of 768 dimensions scan in tens of milliseconds).
 */
export class VectorIndex {
  private readonly byId = new Map<string, StoredVector>()

  get size() {
    return this.byId.size
  }

  upsert(entry: StoredVector) {
    this.byId.set(entry.id, entry)
  }

  remove(id: string) {
    this.byId.delete(id)
  }

  clear() {
    this.byId.clear()
  }

  /**
   * Similarity of the query to every product of the channel (null: every
   * product), and the `k` nearest at or above `minSimilarity`.
   */
  scan(query: Float32Array, options: { channel: string | null; k: number; minSimilarity: number }) {
    const similarity = new Map<string, number>()
    const nearest: { id: string; similarity: number }[] = []
    for (const entry of this.byId.values()) {
      if (options.channel && !entry.channels.includes(options.channel)) continue
      const s = cosine(query, entry.vector)
      similarity.set(entry.id, s)
      if (s < options.minSimilarity) continue
      if (nearest.length < options.k) {
        nearest.push({ id: entry.id, similarity: s })
        if (nearest.length === options.k) nearest.sort((a, b) => b.similarity - a.similarity)
      } else if (s > nearest[nearest.length - 1].similarity) {
        // Insert in order and drop the last: k is small.
        let i = nearest.length - 1
        while (i > 0 && nearest[i - 1].similarity < s) i--
        nearest.splice(i, 0, { id: entry.id, similarity: s })
        nearest.pop()
      }
    }
    nearest.sort((a, b) => b.similarity - a.similarity)
    return { similarity, nearest }
  }
}

export type Ranked = { product_id: string; score: number }

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
 * their score. Items keep every other field; the result is sorted, ties
 * kept in the lexical order.
 */
export function mergeHybrid<T extends Ranked>(lexical: T[], similarity: ReadonlyMap<string, number>, options: HybridOptions): T[] {
  if (!similarity.size) return lexical
  const ceiling = options.semanticCeiling ?? 0.9
  const bonus = options.agreementBonus ?? 0.1
  let best = -Infinity
  for (const item of lexical) best = Math.max(best, similarity.get(item.product_id) ?? -Infinity)
  if (!(best >= options.minSimilarity)) return lexical
  return lexical
    .map((item, order) => {
      const credit = semanticCredit(similarity.get(item.product_id) ?? -1, best, options.minSimilarity)
      const score = Math.max(item.score, ceiling * credit) + bonus * credit * Math.min(Math.max(item.score, 0), 1)
      return { item: { ...item, score }, order }
    })
    .sort((a, b) => b.item.score - a.item.score || a.order - b.order)
    .map((entry) => entry.item)
}
