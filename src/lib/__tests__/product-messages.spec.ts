import type { InteractiveMessage, ProductListInteractive } from "../graph-api/types"
import { LIMITS, validateOutboundMessage } from "../outbound/limits"
import { buildProductMessages, catalogMessage, ProductMessageItem } from "../products/product-messages"

const items = (products: number, variants: number, title = (p: number) => `Producto ${p}`): ProductMessageItem[] =>
  Array.from({ length: products }, (_, p) =>
    Array.from({ length: variants }, (_, v) => ({
      product_id: `prod_${p}`,
      product_title: title(p),
      variant_id: `variant_${p}_${v}`,
      variant_title: `Talla ${v}`,
      retailer_id: `r_${p}_${v}`,
    }))
  ).flat()

const lists = (messages: InteractiveMessage[]) => messages.map((m) => m.interactive as ProductListInteractive)
const itemCount = (l: ProductListInteractive) => l.action.sections.reduce((n, s) => n + s.product_items.length, 0)

function expectValid(messages: InteractiveMessage[]) {
  for (const m of messages) {
    expect(validateOutboundMessage(m)).toEqual([])
  }
}

describe("buildProductMessages", () => {
  it("sends a single variant as a product message", () => {
    const messages = buildProductMessages({ catalogId: "cat_1", language: "es", items: items(1, 1), body: "Aquí lo tienes", footer: "Envío 24 h" })
    expect(messages).toEqual([
      {
        type: "interactive",
        interactive: {
          type: "product",
          body: { text: "Aquí lo tienes" },
          footer: { text: "Envío 24 h" },
          action: { catalog_id: "cat_1", product_retailer_id: "r_0_0" },
        },
      },
    ])
    expectValid(messages)
    const bare = buildProductMessages({ catalogId: "cat_1", language: "es", items: items(1, 1) })
    expect(bare[0].interactive).toEqual({ type: "product", action: { catalog_id: "cat_1", product_retailer_id: "r_0_0" } })
  })

  it("returns nothing for no items", () => {
    expect(buildProductMessages({ catalogId: "c", language: "en", items: [] })).toEqual([])
  })

  it("puts 3 products × 4 variants in one list with a section per product", () => {
    const messages = buildProductMessages({ catalogId: "c", language: "es", items: items(3, 4) })
    expect(messages).toHaveLength(1)
    const [list] = lists(messages)
    expect(list.type).toBe("product_list")
    expect(list.header.text).toBe("Nuestros productos")
    expect(list.body.text).toBeTruthy()
    expect(list.action.sections.map((s) => s.title)).toEqual(["Producto 0", "Producto 1", "Producto 2"])
    expect(list.action.sections.map((s) => s.product_items.length)).toEqual([4, 4, 4])
    expect(list.action.sections[1].product_items[2]).toEqual({ product_retailer_id: "r_1_2" })
    expectValid(messages)
  })

  it("starts a new message after 10 sections", () => {
    const messages = buildProductMessages({ catalogId: "c", language: "en", items: items(12, 2) })
    const l = lists(messages)
    expect(l.map((m) => m.action.sections.length)).toEqual([10, 2])
    expect(l.map((m) => m.header.text)).toEqual(["Our products (1/2)", "Our products (2/2)"])
    expectValid(messages)
  })

  it("splits a product with 45 variants into 30 + 15 under the same title", () => {
    const messages = buildProductMessages({ catalogId: "c", language: "en", items: items(1, 45) })
    const l = lists(messages)
    expect(l.map(itemCount)).toEqual([30, 15])
    expect(l.map((m) => m.action.sections.map((s) => s.title))).toEqual([["Producto 0"], ["Producto 0"]])
    expect(l[1].action.sections[0].product_items[0]).toEqual({ product_retailer_id: "r_0_30" })
    expectValid(messages)
  })

  it("sends 35 single-variant products as 4 lists", () => {
    const messages = buildProductMessages({ catalogId: "c", language: "pt", items: items(35, 1) })
    const l = lists(messages)
    expect(l.map((m) => m.action.sections.length)).toEqual([10, 10, 10, 5])
    expect(l[3].header.text).toBe("Nossos produtos (4/4)")
    expectValid(messages)
  })

  it("keeps a product whole when it fits in the next message", () => {
    // 4 × 7 = 28 items, then a 7-variant product does not fit (35) and moves whole.
    const messages = buildProductMessages({ catalogId: "c", language: "en", items: items(6, 7) })
    const l = lists(messages)
    expect(l.map(itemCount)).toEqual([28, 14])
    expect(l.map((m) => m.action.sections.length)).toEqual([4, 2])
    expectValid(messages)
  })

  it("fills the room left by a split product with the next products", () => {
    const input = [...items(1, 45), ...items(3, 2).map((i) => ({ ...i, product_id: `x${i.product_id}`, retailer_id: `x${i.retailer_id}` }))]
    const l = lists(buildProductMessages({ catalogId: "c", language: "en", items: input }))
    expect(l.map(itemCount)).toEqual([30, 21])
  })

  it("groups variants by product in first-seen order and drops duplicate retailer ids", () => {
    const [a0, a1] = items(1, 2)
    const [b0] = items(2, 1).slice(1)
    const l = lists(buildProductMessages({ catalogId: "c", language: "en", items: [a0, b0, a1, a1] }))
    expect(l[0].action.sections.map((s) => s.product_items.map((i) => i.product_retailer_id))).toEqual([["r_0_0", "r_0_1"], ["r_1_0"]])
  })

  it("clips long titles, header, body and footer to Meta's limits", () => {
    const messages = buildProductMessages({
      catalogId: "c",
      language: "es",
      items: items(25, 2, (p) => `Camiseta de algodón orgánico con estampado 🌈 edición ${p}`),
      header: "Novedades de primavera para toda la familia con envío gratis 🚚",
      body: "b".repeat(2000),
      footer: "f".repeat(100),
    })
    const l = lists(messages)
    expect(l).toHaveLength(3)
    for (const m of l) {
      expect(m.header.text).toMatch(/… \(\d\/3\)$/)
      expect([...m.header.text].length).toBeLessThanOrEqual(LIMITS.headerText)
      expect([...m.body.text].length).toBe(LIMITS.interactiveBody)
      expect([...m.footer!.text].length).toBe(LIMITS.footer)
      for (const s of m.action.sections) {
        expect([...s.title].length).toBeLessThanOrEqual(LIMITS.sectionTitle)
        expect(s.title.endsWith("…")).toBe(true)
      }
    }
    expectValid(messages)
  })

  it("builds valid messages for many shapes", () => {
    for (const [p, v] of [[2, 1], [10, 3], [11, 3], [3, 31], [7, 13], [50, 2], [1, 100]]) {
      const messages = buildProductMessages({ catalogId: "c", language: "en", items: items(p, v) })
      expectValid(messages)
      expect(lists(messages).reduce((n, m) => n + itemCount(m), 0)).toBe(p * v)
    }
  })
})

describe("catalogMessage", () => {
  it("builds a catalog message with a default body", () => {
    const message = catalogMessage({ language: "es", thumbnailRetailerId: "r_1" })
    expect(message).toEqual({
      type: "interactive",
      interactive: {
        type: "catalog_message",
        body: { text: expect.stringContaining("catálogo") },
        action: { name: "catalog_message", parameters: { thumbnail_product_retailer_id: "r_1" } },
      },
    })
    expect(validateOutboundMessage(message)).toEqual([])
  })

  it("uses the given body and leaves the thumbnail to Meta when not given", () => {
    const message = catalogMessage({ language: "en", body: "x".repeat(1100), footer: "Free shipping" })
    expect(message.interactive).toMatchObject({ footer: { text: "Free shipping" }, action: { name: "catalog_message" } })
    expect(message.interactive.action).not.toHaveProperty("parameters")
    expect(validateOutboundMessage(message)).toEqual([])
  })
})
