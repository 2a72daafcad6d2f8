import { reconcileOrder, ResolvedVariant } from "../cart/reconcile-order"

const variants = new Map<string, ResolvedVariant>([
  ["tee-red-m", { variant_id: "variant_1", title: "Camiseta / Rojo / M", price: 19.9, available: 10 }],
  ["tee-blue-l", { variant_id: "variant_2", title: "Camiseta / Azul / L", price: 19.9, available: 1 }],
  ["mug", { variant_id: "variant_3", title: "Taza", price: 9.5, available: null }],
  ["gone", { variant_id: "variant_4", title: "Gorra", price: 12, available: 0 }],
  ["unpriced", { variant_id: "variant_5", title: "Bolsa", price: null, available: 3 }],
])

describe("reconcileOrder", () => {
  it("keeps a clean order as it is", () => {
    const r = reconcileOrder([{ product_retailer_id: "tee-red-m", quantity: 2, item_price: 19.9, currency: "EUR" }], variants, "eur")
    expect(r).toEqual({
      lines: [{ variant_id: "variant_1", title: "Camiseta / Rojo / M", quantity: 2, requested_quantity: 2, unit_price: 19.9 }],
      unknown_items: [],
      out_of_stock: [],
      price_changes: [],
      currency_mismatch: null,
    })
  })

  it("reports unknown and unpriced items, caps stock and drops what is gone", () => {
    const r = reconcileOrder(
      [
        { product_retailer_id: "nope", quantity: 1, item_price: 5, currency: "EUR" },
        { product_retailer_id: "unpriced", quantity: 1, item_price: 5, currency: "EUR" },
        { product_retailer_id: "tee-blue-l", quantity: 3, item_price: 19.9, currency: "EUR" },
        { product_retailer_id: "gone", quantity: 1, item_price: 12, currency: "EUR" },
        { product_retailer_id: "mug", quantity: 150, item_price: 9.5, currency: "EUR" },
      ],
      variants,
      "EUR"
    )
    expect(r.unknown_items).toEqual(["nope", "unpriced"])
    expect(r.out_of_stock).toEqual([
      { title: "Camiseta / Azul / L", requested: 3, available: 1 },
      { title: "Gorra", requested: 1, available: 0 },
    ])
    expect(r.lines.map((l) => [l.variant_id, l.quantity])).toEqual([
      ["variant_2", 1],
      ["variant_3", 99],
    ])
  })

  it("notices stale prices and merges repeated items", () => {
    const r = reconcileOrder(
      [
        { product_retailer_id: "tee-red-m", quantity: 1, item_price: "17.50", currency: "EUR" },
        { product_retailer_id: "tee-red-m", quantity: 2, item_price: "17.50", currency: "EUR" },
      ],
      variants,
      "EUR"
    )
    expect(r.lines).toHaveLength(1)
    expect(r.lines[0].quantity).toBe(3)
    expect(r.price_changes).toEqual([{ title: "Camiseta / Rojo / M", sent_price: 17.5, price: 19.9 }])
  })

  it("reports a currency mismatch instead of comparing prices across currencies", () => {
    const r = reconcileOrder([{ product_retailer_id: "tee-red-m", quantity: 1, item_price: 1700, currency: "INR" }], variants, "EUR")
    expect(r.currency_mismatch).toEqual({ sent: "INR", cart: "EUR" })
    expect(r.price_changes).toEqual([])
    expect(r.lines).toHaveLength(1)
  })
})
