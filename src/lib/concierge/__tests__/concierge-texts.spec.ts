import { handoffText, missingVariantText, variantAnswerText, welcomeText } from "../concierge-texts"

// Intl puts no-break spaces in prices; plain spaces keep the expectations readable.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ")

describe("concierge texts", () => {
  const tee = { product_title: "Camiseta Básica", variant_title: "L / Rojo", amount: 19.9, currency: "eur", available: 3 }

  it("answers a variant question with Medusa's price and the stock, in each language", () => {
    expect(plain(variantAnswerText("es", tee))).toBe("¡Sí! Camiseta Básica – L / Rojo, 19,90 €. Solo quedan 3 unidades.")
    expect(plain(variantAnswerText("pt", tee))).toBe("Sim! Camiseta Básica – L / Rojo, € 19,90. Só restam 3 unidades.")
    expect(plain(variantAnswerText("en", { ...tee, available: null }))).toBe("Yes! Camiseta Básica – L / Rojo, €19.90. In stock.")
  })

  it("says when the variant exists but is sold out, and leaves out a price the region does not have", () => {
    expect(variantAnswerText("es", { ...tee, available: 0, amount: null })).toBe("La tenemos, pero Camiseta Básica – L / Rojo: sin stock.")
    expect(variantAnswerText("en", { ...tee, available: 0, amount: null })).toBe("We have it, but Camiseta Básica – L / Rojo: out of stock.")
  })

  it("says what the product does not have, and the welcome and handoff per language", () => {
    expect(missingVariantText("pt", ["XL", "verde"])).toBe("Desculpe, não temos em XL / verde.")
    expect(welcomeText("en")).toMatch(/^Hi! 👋/)
    expect(handoffText("pt")).toMatch(/uma pessoa vai responder/)
    // An unknown stored language falls back to English rather than "undefined".
    expect(handoffText("fr" as any)).toMatch(/^I've passed your message/)
  })
})
