import { cosine, mergeHybrid, semanticCredit, unitVector, VectorIndex } from "../search/hybrid"

const v = (...values: number[]) => unitVector(values)!

describe("unitVector and cosine", () => {
  it("scales to unit length so the dot product is the cosine", () => {
    const a = v(3, 4)
    expect(a[0]).toBeCloseTo(0.6)
    expect(a[1]).toBeCloseTo(0.8)
    expect(cosine(a, v(3, 4))).toBeCloseTo(1)
    expect(cosine(v(1, 0), v(0, 1))).toBeCloseTo(0)
    expect(cosine(v(1, 0), v(-1, 0))).toBeCloseTo(-1)
  })

  it("refuses zero, empty and non-numeric vectors, and compares only same sizes", () => {
    expect(unitVector([0, 0])).toBeNull()
    expect(unitVector([])).toBeNull()
    expect(unitVector([1, Number.NaN])).toBeNull()
    expect(unitVector([1, "2" as any])).toBeNull()
    expect(cosine(v(1, 0), v(1, 0, 0))).toBe(0)
  })
})

describe("VectorIndex.scan", () => {
  const index = new VectorIndex()
  index.upsert({ id: "umbrella", vector: v(1, 0, 0), channels: ["sc_es"] })
  index.upsert({ id: "raincoat", vector: v(0.8, 0.6, 0), channels: ["sc_es"] })
  index.upsert({ id: "mug", vector: v(0, 0, 1), channels: ["sc_es"] })
  index.upsert({ id: "umbrella_pt", vector: v(1, 0.05, 0), channels: ["sc_pt"] })

  it("returns the k nearest of the channel, best first, above the floor, and a similarity lookup for any product", () => {
    const { nearest, similarity } = index.scan(v(1, 0.1, 0), { channel: "sc_es", k: 2, minSimilarity: 0.5 })
    expect(nearest.map((n) => n.id)).toEqual(["umbrella", "raincoat"])
    expect(similarity.get("mug")).toBeCloseTo(0)
    expect(similarity.get("umbrella_pt")).toBeGreaterThan(0.9)
    expect(similarity.get("unknown")).toBeUndefined()
    const floor = index.scan(v(1, 0.1, 0), { channel: "sc_es", k: 5, minSimilarity: 0.95 })
    expect(floor.nearest.map((n) => n.id)).toEqual(["umbrella"])
    expect(index.scan(v(1, 0, 0), { channel: "sc_none", k: 5, minSimilarity: 0 }).nearest).toEqual([])
  })

  it("scans every channel when none is given, keeps the k best whatever the order met, and forgets removed or moved products", () => {
    const big = new VectorIndex()
    for (let i = 49; i >= 0; i--) big.upsert({ id: `p${i}`, vector: v(1, ((i * 7) % 50) / 10), channels: ["a"] })
    const { nearest } = big.scan(v(1, 0), { channel: null, k: 3, minSimilarity: 0 })
    // Second coordinates 0, 0.1, 0.2 belong to p0, p43 (43 × 7 = 301), p36 (252).
    expect(nearest.map((n) => n.id)).toEqual(["p0", "p43", "p36"])
    big.remove("p0")
    expect(big.scan(v(1, 0), { channel: "a", k: 1, minSimilarity: 0 }).nearest[0].id).toBe("p43")
    big.upsert({ id: "p43", vector: v(1, 0), channels: ["b"] })
    expect(big.scan(v(1, 0), { channel: "a", k: 1, minSimilarity: 0 }).nearest[0].id).toBe("p36")
    expect(big.scan(v(1, 0), { channel: "b", k: 5, minSimilarity: 0 }).nearest.map((n) => n.id)).toEqual(["p43"])
    expect(big.size).toBe(49)
  })
})

describe("semanticCredit", () => {
  it("is 0 under the floor, 1 for the best, linear between", () => {
    expect(semanticCredit(0.4, 0.9, 0.5)).toBe(0)
    expect(semanticCredit(0.9, 0.9, 0.5)).toBe(1)
    expect(semanticCredit(0.7, 0.9, 0.5)).toBeCloseTo(0.5)
    // The best right at the floor still counts as the best.
    expect(semanticCredit(0.5, 0.5, 0.5)).toBe(1)
  })
})

describe("mergeHybrid", () => {
  const options = { minSimilarity: 0.5 }

  it("leaves the lexical ranking as it is without similarities or when nothing is close enough", () => {
    const lexical = [{ product_id: "a", score: 1.1 }, { product_id: "b", score: 0.7 }]
    expect(mergeHybrid(lexical, new Map(), options)).toBe(lexical)
    expect(mergeHybrid([], new Map([["a", 0.9]]), options)).toEqual([])
    expect(mergeHybrid(lexical, new Map([["a", 0.2], ["b", 0.3]]), options)).toBe(lexical)
  })

  it("lifts a product only the embeddings find to a sendable score, under an exact lexical match", () => {
    const lexical = [
      { product_id: "title_match", score: 1.15, variant_id: "v1" },
      { product_id: "unrelated", score: 0 },
      { product_id: "semantic_only", score: 0 },
    ]
    const merged = mergeHybrid(lexical, new Map([["semantic_only", 0.92], ["title_match", 0.3], ["unrelated", 0.1]]), options)
    expect(merged.map((m) => m.product_id)).toEqual(["title_match", "semantic_only", "unrelated"])
    expect(merged[0]).toEqual({ product_id: "title_match", score: 1.15, variant_id: "v1" })
    expect(merged[1].score).toBeCloseTo(0.9)
    expect(merged[2].score).toBe(0)
  })

  it("gives a product close both ways a bonus over one close only lexically", () => {
    const lexical = [
      { product_id: "lexical_only", score: 0.8 },
      { product_id: "both", score: 0.8 },
    ]
    const merged = mergeHybrid(lexical, new Map([["both", 0.9], ["lexical_only", 0.45]]), options)
    expect(merged.map((m) => m.product_id)).toEqual(["both", "lexical_only"])
    expect(merged[0].score).toBeCloseTo(0.9 + 0.1 * 0.8)
    expect(merged[1].score).toBe(0.8)
  })

  it("keeps the lexical order between equal merged scores and does not change its input", () => {
    const lexical = [{ product_id: "x", score: 0.5 }, { product_id: "y", score: 0.5 }]
    const merged = mergeHybrid(lexical, new Map([["x", 0.6], ["y", 0.6]]), options)
    expect(merged.map((m) => m.product_id)).toEqual(["x", "y"])
    expect(lexical[0].score).toBe(0.5)
  })
})

describe("mergeHybrid with the lexical selection", () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { selectMatches } = require("../search/rank")
  const lexicalOnly = (id: string, score: number, extra: Record<string, unknown> = {}) => ({
    product_id: id, variant_id: null, score, matched_variant: false, coverage: score, explained: score > 0, noun_matched: false, ...extra,
  })

  it("keeps a product only the embeddings find, which the lexical rules alone would drop", () => {
    const lexical = [lexicalOnly("prod_bag", 0.3), lexicalOnly("prod_umbrella", 0)]
    expect(selectMatches(lexical, 3).map((r: any) => r.product_id)).toEqual([])
    const merged = mergeHybrid(lexical, new Map([["prod_umbrella", 0.82], ["prod_bag", 0.2]]), { minSimilarity: 0.5 })
    expect(merged[0]).toMatchObject({ product_id: "prod_umbrella", semantic: true })
    expect(selectMatches(merged, 3).map((r: any) => r.product_id)).toEqual(["prod_umbrella"])
  })
})
