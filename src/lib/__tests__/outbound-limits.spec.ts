import { isFreeForm, outboundPreview, validateOutboundMessage } from "../outbound/limits"

const section = (n: number, items: number) => ({
  title: `Sección ${n}`,
  product_items: Array.from({ length: items }, (_, i) => ({ product_retailer_id: `v_${n}_${i}` })),
})

describe("validateOutboundMessage", () => {
  it("accepts messages within Meta's limits", () => {
    expect(validateOutboundMessage({ type: "text", text: { body: "hola" } })).toEqual([])
    expect(
      validateOutboundMessage({
        type: "interactive",
        interactive: { type: "product_list", header: { type: "text", text: "Camisetas" }, body: { text: "Elige" }, action: { catalog_id: "1", sections: [section(1, 30)] } },
      })
    ).toEqual([])
  })

  it("names every broken limit", () => {
    const problems = validateOutboundMessage({
      type: "interactive",
      interactive: {
        type: "product_list",
        header: { type: "text", text: "" },
        body: { text: "x".repeat(1025) },
        footer: { text: "y".repeat(61) },
        action: { catalog_id: "1", sections: Array.from({ length: 11 }, (_, i) => section(i, 3)) },
      },
    })
    expect(problems.join("\n")).toMatch(/header is required/)
    expect(problems.join("\n")).toMatch(/body is longer than 1024/)
    expect(problems.join("\n")).toMatch(/footer is longer than 60/)
    expect(problems.join("\n")).toMatch(/1 to 10 sections/)
    expect(problems.join("\n")).toMatch(/1 to 30 products \(got 33\)/)
  })

  it("counts characters, not bytes", () => {
    expect(validateOutboundMessage({ type: "interactive", interactive: { type: "button", body: { text: "ñ".repeat(1024) }, action: { buttons: [{ type: "reply", reply: { id: "1", title: "🧡".repeat(20) } }] } } })).toEqual([])
  })

  it("knows which messages need the 24-hour window", () => {
    expect(isFreeForm({ type: "text", text: { body: "x" } })).toBe(true)
    expect(isFreeForm({ type: "template", template: { name: "t", language: { code: "es" } } })).toBe(false)
    expect(outboundPreview({ type: "template", template: { name: "cart_reminder", language: { code: "es" } } })).toBe("[template cart_reminder]")
  })
})

describe("image and document messages", () => {
  it("takes an uploaded id or a link, a caption up to 1024 characters, and a file name on documents", () => {
    expect(validateOutboundMessage({ type: "image", image: { id: "1013859600285441", caption: "¿Te gusta?" } })).toEqual([])
    expect(validateOutboundMessage({ type: "document", document: { link: "https://shop.example/f.pdf", filename: "factura.pdf" } })).toEqual([])
    expect(outboundPreview({ type: "document", document: { id: "1", filename: "factura.pdf" } })).toBe("factura.pdf")
    expect(outboundPreview({ type: "image", image: { id: "1", caption: "Roja" } })).toBe("Roja")
    expect(isFreeForm({ type: "image", image: { id: "1" } })).toBe(true)
  })

  it("refuses neither or both of id and link, a long caption, and a file name on an image", () => {
    expect(validateOutboundMessage({ type: "image", image: {} }).join()).toMatch(/either a media id or a link/)
    expect(validateOutboundMessage({ type: "image", image: { id: "1", link: "https://x.example/a.png" } }).join()).toMatch(/either a media id or a link/)
    expect(validateOutboundMessage({ type: "document", document: { id: "1", caption: "x".repeat(1025) } }).join()).toMatch(/caption is longer than 1024/)
    expect(validateOutboundMessage({ type: "image", image: { id: "1", filename: "a.png" } }).join()).toMatch(/only documents have a file name/)
  })
})
