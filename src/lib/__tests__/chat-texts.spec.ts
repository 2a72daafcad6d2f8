import { availabilityText, catalogBody, notFoundText, productInquiryText, productListBody, productListHeader, searchResultsBody } from "../product-texts"
import { CartSummary, cartSummaryText, emptyCartText, payButtonText } from "../cart-texts"
import { clip, formatMoney } from "../chat-format"
import { LIMITS } from "../outbound/limits"

const LANGS = ["en", "es", "pt"] as const
const len = (s: string) => [...s].length
// Intl separates the amount and symbol with a no-break space.
const plain = (s: string) => s.replace(/\u00a0/g, " ")

const summary = (over: Partial<CartSummary> = {}): CartSummary => ({
  items: [
    { title: "Camiseta roja / M", quantity: 2, unit_price: 19.9, requested_quantity: 2 },
    { title: "Gorra", quantity: 1, unit_price: 12, requested_quantity: 1 },
  ],
  subtotal: 51.8,
  total: 51.8,
  currency: "eur",
  unknown_items: 0,
  out_of_stock: [],
  price_changes: [],
  currency_mismatch: null,
  expires_at: new Date("2025-03-12T17:30:00Z"),
  ...over,
})

describe("clip", () => {
  it("leaves short text alone and ends cut text with an ellipsis", () => {
    expect(clip("hola", 10)).toBe("hola")
    expect(clip("hola mundo", 5)).toBe("hola…")
    expect(clip("abcdef", 4)).toBe("abc…")
    expect(clip("abc", 0)).toBe("")
    expect(clip("abc", 1)).toBe("…")
  })

  it("counts code points and never splits a surrogate pair or grapheme", () => {
    expect(clip("🧡".repeat(5), 5)).toBe("🧡".repeat(5))
    const cut = clip("ab🧡🧡🧡", 4)
    expect(cut).toBe("ab🧡…")
    expect(len(cut)).toBe(4)
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
    // A flag is two code points; it goes whole or not at all.
    expect(clip("ab🇪🇸🇪🇸", 4)).toBe("ab…")
    // "e" + combining accent is one grapheme: never "cafe…" without its accent.
    expect(clip("cafe\u0301 con leche", 5)).toBe("caf…")
    expect(clip("cafe\u0301 con leche", 6)).toBe("cafe\u0301…")
  })
})

describe("formatMoney", () => {
  it("formats major units per language", () => {
    expect(plain(formatMoney(39.8, "eur", "es"))).toBe("39,80 €")
    expect(plain(formatMoney(1234.5, "BRL", "pt"))).toBe("R$ 1.234,50")
    expect(formatMoney(19.9, "USD", "en")).toBe("$19.90")
  })

  it("still shows something for a code Intl does not know", () => {
    expect(formatMoney(5, "not-a-code", "en")).toBe("5.00 NOT-A-CODE")
  })
})

describe("simple texts", () => {
  it("exist in every language and fit their slots", () => {
    for (const lang of LANGS) {
      expect(len(productListHeader(lang))).toBeLessThanOrEqual(LIMITS.headerText)
      expect(productListBody(lang)).toBeTruthy()
      expect(catalogBody(lang)).toBeTruthy()
      expect(notFoundText(lang)).toBeTruthy()
      expect(len(payButtonText(lang))).toBeLessThanOrEqual(LIMITS.ctaDisplayText)
    }
    expect(productListHeader("es")).toBe("Nuestros productos")
    expect(payButtonText("pt")).toBe("Pagar agora")
  })

  it("falls back to English for an unknown language", () => {
    expect(productListHeader("de" as never)).toBe("Our products")
  })

  it("quotes and clips the search query", () => {
    expect(searchResultsBody("en", "  red   shirt ")).toBe("Results for “red shirt”")
    expect(searchResultsBody("es", "camiseta")).toBe("Resultados para «camiseta»")
    expect(len(searchResultsBody("pt", "x".repeat(5000)))).toBeLessThan(300)
    expect(notFoundText("es", "zapatos")).toMatch(/«zapatos»/)
  })
})

describe("availabilityText", () => {
  it("says in stock, only N left or out of stock", () => {
    expect(availabilityText("en", 20)).toBe("In stock")
    expect(availabilityText("en", null)).toBe("In stock")
    expect(availabilityText("en", 5)).toBe("Only 5 left")
    expect(availabilityText("es", 1)).toBe("Solo queda 1 unidad")
    expect(availabilityText("es", 3)).toBe("Solo quedan 3 unidades")
    expect(availabilityText("pt", 2)).toBe("Só restam 2 unidades")
    expect(availabilityText("pt", 0)).toBe("Sem estoque")
    expect(availabilityText("es", -2)).toBe("Sin stock")
  })
})

describe("productInquiryText", () => {
  it("names product, variant, price and availability", () => {
    expect(
      plain(productInquiryText("es", { product_title: "Camiseta roja", variant_title: "M", amount: 19.9, currency: "eur", available: 3 }))
    ).toBe("Camiseta roja – M: 19,90 €. Solo quedan 3 unidades.")
  })

  it("skips placeholder variant titles and a missing price", () => {
    expect(productInquiryText("en", { product_title: "Mug", variant_title: "Default variant", available: 0 })).toBe("Mug. Out of stock.")
  })

  it("stays within the interactive body limit", () => {
    const text = productInquiryText("en", { product_title: "x".repeat(3000), variant_title: "y".repeat(3000), amount: 1, currency: "EUR" })
    expect(len(text)).toBeLessThanOrEqual(LIMITS.interactiveBody)
  })
})

describe("cartSummaryText", () => {
  it("lists items, total and expiry", () => {
    const text = plain(cartSummaryText("es", summary()))
    expect(text).toBe(
      ["🛒 Tu carrito", "2 × Camiseta roja / M — 39,80 €", "1 × Gorra — 12,00 €", "", "Total: 51,80 €", "El enlace es válido hasta el 12 mar, 17:30 UTC."].join("\n")
    )
  })

  it("shows the subtotal only when it differs and uses the given time zone", () => {
    const text = plain(cartSummaryText("en", summary({ total: 56.8 }), { timeZone: "Europe/Madrid" }))
    expect(text).toMatch(/Subtotal: €51\.80\nTotal: €56\.80/)
    expect(text).toMatch(/valid until Mar 12, 6:30 PM\.$/)
  })

  it("explains every problem in a notes section", () => {
    const text = plain(
      cartSummaryText(
        "es",
        summary({
          unknown_items: 2,
          out_of_stock: [
            { title: "Camiseta azul", requested: 1, available: 0 },
            { title: "Sudadera", requested: 5, available: 2 },
          ],
          price_changes: [{ title: "Gorra", sent_price: 10, price: 12 }],
          currency_mismatch: { sent: "usd", cart: "eur" },
        })
      )
    )
    expect(text).toContain("Ten en cuenta:")
    expect(text).toContain("• 2 artículos ya no están disponibles en la tienda y no se han añadido.")
    expect(text).toContain("• Camiseta azul: sin stock, no se ha añadido.")
    expect(text).toContain("• Sudadera: solo quedan 2, así que te añadimos 2 en vez de 5.")
    expect(text).toContain("• Gorra: ahora cuesta 12,00 € (antes 10,00 US$).")
    expect(text).toContain("• Tu pedido venía en USD, pero los precios de la tienda están en EUR.")
    expect(text.indexOf("Ten en cuenta")).toBeLessThan(text.indexOf("Total:"))
  })

  it("collapses item lines to stay within 1024 characters", () => {
    const items = Array.from({ length: 40 }, (_, i) => ({
      title: `Camiseta de algodón orgánico número ${i + 1} / Talla XL`,
      quantity: 1,
      unit_price: 19.9,
      requested_quantity: 1,
    }))
    for (const lang of LANGS) {
      const text = cartSummaryText(lang, summary({ items, unknown_items: 1 }))
      expect(len(text)).toBeLessThanOrEqual(LIMITS.interactiveBody)
      expect(text).toMatch(/Total/)
      expect(text).toMatch(/(more items|artículos más|mais \d+ itens)/)
      // Only whole lines: every item line still ends with its price.
      for (const line of text.split("\n").filter((l) => l.includes(" × "))) {
        expect(line).toMatch(/\d$|€$/)
      }
    }
    const es = cartSummaryText("es", summary({ items }))
    const shown = es.split("\n").filter((l) => l.includes(" × ")).length
    expect(es).toContain(`… y ${40 - shown} artículos más`)
  })

  it("collapses notes too when they alone are too long", () => {
    const out_of_stock = Array.from({ length: 40 }, (_, i) => ({ title: `Producto agotado con nombre largo ${i}`, requested: 3, available: 0 }))
    const text = cartSummaryText("pt", summary({ out_of_stock }))
    expect(len(text)).toBeLessThanOrEqual(LIMITS.interactiveBody)
    expect(text).toMatch(/… e mais \d+ avisos/)
    expect(text).toMatch(/O link é válido/)
  })
})

describe("emptyCartText", () => {
  it("says why nothing was added", () => {
    const text = emptyCartText(
      "en",
      summary({ items: [], unknown_items: 1, out_of_stock: [{ title: "Mug", requested: 2, available: 0 }], subtotal: 0, total: 0 })
    )
    expect(text).toMatch(/couldn't add any of the items/)
    expect(text).toContain("• 1 item is no longer available in the store and wasn't added.")
    expect(text).toContain("• Mug: out of stock, so it wasn't added.")
    expect(emptyCartText("es", summary({ items: [], currency_mismatch: { sent: "USD", cart: "EUR" } }))).toMatch(/USD.*EUR/)
  })
})
