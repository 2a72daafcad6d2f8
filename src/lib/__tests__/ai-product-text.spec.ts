import { embeddingTextHash, productEmbeddingText } from "../ai/product-text"
import { ProductVectorCache } from "../ai/vector-cache"

describe("productEmbeddingText", () => {
  const product = {
    title: "Paraguas plegable",
    subtitle: null,
    description: "<p>Paraguas   automático</p> para el bolso.",
    collection: { title: "Lluvia" },
    categories: [{ name: "Accesorios" }],
    tags: [{ value: "viaje" }, { value: "antiviento" }],
    variants: [{ title: "Negro", options: [{ value: "Negro" }] }, { title: "Rojo", options: [{ value: "Rojo" }, { value: "Negro" }] }],
  }

  it("puts the title first, then kind, collection, tags, options and the description without markup", () => {
    expect(productEmbeddingText(product)).toBe("Paraguas plegable. Accesorios. Lluvia. antiviento, viaje. Negro, Rojo. Paraguas automático para el bolso.")
  })

  it("gives the same hash for the same text and model only", () => {
    const text = productEmbeddingText(product)
    const reordered = productEmbeddingText({ ...product, tags: [...product.tags].reverse(), variants: [...product.variants].reverse() })
    expect(embeddingTextHash(reordered, "m1")).toBe(embeddingTextHash(text, "m1"))
    expect(embeddingTextHash(text, "m2")).not.toBe(embeddingTextHash(text, "m1"))
    expect(embeddingTextHash(productEmbeddingText({ ...product, title: "Paraguas grande" }), "m1")).not.toBe(embeddingTextHash(text, "m1"))
  })
})

describe("ProductVectorCache", () => {
  type Row = { id: string; vector: number[]; sales_channel_ids: string[]; updated_at: Date }
  const rows: Row[] = []
  const reads: (Date | null)[] = []
  let clock = 0
  const source = {
    version: async () => ({ count: rows.length, latest: rows.length ? new Date(Math.max(...rows.map((r) => r.updated_at.getTime()))) : null }),
    rows: async (since: Date | null) => {
      reads.push(since)
      return rows.filter((r) => !since || r.updated_at > since)
    },
  }
  const cache = new ProductVectorCache(source, 100, () => clock)

  it("reads everything once, then only newer rows, and everything again after a delete", async () => {
    rows.push({ id: "a", vector: [1, 0], sales_channel_ids: ["sc"], updated_at: new Date(1) })
    expect((await cache.current()).size).toBe(1)
    rows.push({ id: "b", vector: [0, 1], sales_channel_ids: ["sc"], updated_at: new Date(2) })
    // Not checked again before checkEveryMs.
    expect((await cache.current()).size).toBe(1)
    clock += 100
    expect((await cache.current()).size).toBe(2)
    expect(reads).toEqual([null, new Date(1)])
    rows.splice(0, 1)
    clock += 100
    const index = await cache.current()
    expect(index.size).toBe(1)
    expect(index.scan(new Float32Array([0, 1]), { channel: "sc", k: 1, minSimilarity: 0 }).nearest[0].id).toBe("b")
    expect(reads.at(-1)).toBeNull()
  })

  it("skips reading when nothing changed, and drops a stored vector it cannot use", async () => {
    clock += 100
    const before = reads.length
    await cache.current()
    expect(reads.length).toBe(before)
    rows.push({ id: "zero", vector: [0, 0], sales_channel_ids: [], updated_at: new Date(3) })
    clock += 100
    expect((await cache.current()).size).toBe(1)
  })
})
