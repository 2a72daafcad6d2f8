import { buildCatalogItem, fillUrlTemplate, formatCatalogPrice, hashCatalogPayload, VariantForCatalog } from "../catalog/item-payload"
import { chunkBatchRequests, planCatalogChanges } from "../catalog/plan-sync"

const variant = (overrides: Partial<VariantForCatalog> = {}): VariantForCatalog => ({
  variantId: "variant_1",
  retailerId: "variant_1",
  productId: "prod_1",
  productTitle: "Camiseta Básica",
  productHandle: "camiseta-basica",
  description: "Algodón orgánico",
  options: [
    { title: "Talla", value: "M" },
    { title: "Color", value: "Rojo" },
  ],
  amount: 19.99,
  currencyCode: "eur",
  availableQuantity: 4,
  images: ["http://x/a.png", "http://x/b.png"],
  brand: null,
  visibleInCatalog: true,
  ...overrides,
})

describe("buildCatalogItem", () => {
  it("fills every field Meta needs, grouped by product, with size and colour", () => {
    const { payload, problems } = buildCatalogItem(variant(), "https://shop.example/products/{handle}?v={variant_id}", "Demo Moda")
    expect(problems).toEqual([])
    expect(payload).toEqual({
      id: "variant_1",
      title: "Camiseta Básica - M / Rojo",
      description: "Algodón orgánico",
      availability: "in stock",
      condition: "new",
      price: "19.99 EUR",
      link: "https://shop.example/products/camiseta-basica?v=variant_1",
      image_link: "http://x/a.png",
      additional_image_link: ["http://x/b.png"],
      brand: "Demo Moda",
      item_group_id: "prod_1",
      inventory: 4,
      size: "M",
      color: "Rojo",
      visibility: "published",
    })
  })

  it("reports a missing price or image instead of failing", () => {
    const { problems } = buildCatalogItem(variant({ amount: null, images: [] }), "https://s/{handle}", "B")
    expect(problems).toEqual(["no price in EUR", "no image"])
  })

  it("marks sold-out variants out of stock and products hidden from the catalog staging (Meta's value; it has no \"hidden\")", () => {
    const { payload } = buildCatalogItem(variant({ availableQuantity: 0, visibleInCatalog: false }), "https://s/{handle}", "B")
    expect(payload).toMatchObject({ availability: "out of stock", inventory: 0, visibility: "staging" })
  })

  it("checks Meta's length limits", () => {
    const { problems } = buildCatalogItem(variant({ retailerId: "x".repeat(101), productTitle: "t".repeat(200), description: "d".repeat(10_000) }), "https://s/{handle}", "B")
    expect(problems).toHaveLength(3)
  })
})

describe("prices, links and hashes", () => {
  it("formats prices with the currency's decimals", () => {
    expect(formatCatalogPrice(1800, "inr")).toBe("1800.00 INR")
    expect(formatCatalogPrice(1500, "JPY")).toBe("1500 JPY")
  })
  it("escapes template values", () => {
    expect(fillUrlTemplate("https://s/p/{handle}?x={missing}", { handle: "a b" })).toBe("https://s/p/a%20b?x={missing}")
  })
  it("hashes equal payloads equally whatever the key order", () => {
    const { payload } = buildCatalogItem(variant(), "https://s/{handle}", "B")
    const reordered = Object.fromEntries(Object.entries(payload).reverse()) as typeof payload
    expect(hashCatalogPayload(reordered)).toBe(hashCatalogPayload(payload))
    expect(hashCatalogPayload({ ...payload, price: "20.00 EUR" })).not.toBe(hashCatalogPayload(payload))
  })

  it("does not count the store's public URL as a change of the item, only the link's path", () => {
    const on = (base: string) => buildCatalogItem(variant(), `${base}/products/{handle}`, "B").payload
    expect(hashCatalogPayload(on("http://10.0.0.5:9001"), "http://10.0.0.5:9001/")).toBe(hashCatalogPayload(on("https://shop.example"), "https://shop.example"))
    expect(hashCatalogPayload({ ...on("https://shop.example"), link: "https://shop.example/products/other" }, "https://shop.example")).not.toBe(
      hashCatalogPayload(on("https://shop.example"), "https://shop.example")
    )
    // A merchant's own product URL template (another host) counts in full.
    expect(hashCatalogPayload(on("https://a.example"), "https://shop.example")).not.toBe(hashCatalogPayload(on("https://b.example"), "https://shop.example"))
  })
})

describe("planCatalogChanges", () => {
  const item = (id: string, hash: string) => ({ retailer_id: id, hash, payload: { id } as any })
  it("sends only new, changed and removed items, new ones as UPDATE (Meta upserts)", () => {
    const requests = planCatalogChanges(
      [item("a", "1"), item("b", "2"), item("c", "3")],
      [
        { retailer_id: "a", content_hash: "1", sync_status: "synced" },
        { retailer_id: "b", content_hash: "old", sync_status: "synced" },
        { retailer_id: "z", content_hash: "9", sync_status: "synced" },
        { retailer_id: "gone", content_hash: "9", sync_status: "deleted" },
      ]
    )
    expect(requests.map((r) => `${r.method} ${r.data.id}`)).toEqual(["UPDATE b", "UPDATE c", "DELETE z"])
  })
  it("sends again what a previous run left pending, invalid or in error, even unchanged", () => {
    const stored = ["pending", "invalid", "error", "synced"].map((status) => ({ retailer_id: status, content_hash: "1", sync_status: status }))
    const requests = planCatalogChanges(stored.map((s) => item(s.retailer_id, "1")), stored)
    expect(requests.map((r) => r.data.id)).toEqual(["pending", "invalid", "error"])
  })
  it("sends nothing when nothing changed", () => {
    expect(planCatalogChanges([item("a", "1")], [{ retailer_id: "a", content_hash: "1", sync_status: "synced" }])).toEqual([])
  })
})

describe("chunkBatchRequests", () => {
  it("keeps calls at 3000 items and under the byte limit", () => {
    const requests = Array.from({ length: 7001 }, (_, i) => ({ method: "DELETE" as const, data: { id: `v${i}` } }))
    expect(chunkBatchRequests(requests).map((c) => c.length)).toEqual([3000, 3000, 1001])
    const big = Array.from({ length: 10 }, (_, i) => ({ method: "DELETE" as const, data: { id: `${i}`.padEnd(1000, "x") } }))
    const chunks = chunkBatchRequests(big, 3000, 3000)
    expect(chunks.every((c) => Buffer.byteLength(JSON.stringify(c)) < 3000)).toBe(true)
    expect(chunks.flat()).toHaveLength(10)
  })
})
