import { readProductQuestion } from "../product-question"

const variants = [
  { id: "v-m-rojo", values: ["M", "Rojo"] },
  { id: "v-l-rojo", values: ["L", "Rojo"] },
  { id: "v-m-azul", values: ["M", "Azul"] },
  { id: "v-s-azul", values: ["S", "Azul"] },
]
const ask = (text: string, from = "v-m-rojo") => readProductQuestion(text, variants, from)

describe("readProductQuestion", () => {
  it("finds the size asked in es/pt/en, keeping the colour the customer came from", () => {
    expect(ask("¿La tenéis en M?", "v-l-rojo")).toMatchObject({ variant_id: "v-m-rojo", missing: [], asks_variant: true, topic: null })
    expect(ask("¿La tenéis en talla L?")).toMatchObject({ variant_id: "v-l-rojo", missing: [] })
    expect(ask("do you have it in L?")).toMatchObject({ variant_id: "v-l-rojo" })
    expect(ask("tem no G?")).toMatchObject({ variant_id: "v-l-rojo" })
    expect(ask("tem tamanho P?", "v-m-azul")).toMatchObject({ variant_id: "v-s-azul" })
  })

  it("finds the colour asked, across languages and genders", () => {
    expect(ask("tem na cor azul?")).toMatchObject({ variant_id: "v-m-azul", missing: [] })
    expect(ask("do you have it in blue?")).toMatchObject({ variant_id: "v-m-azul" })
    expect(ask("¿y en azul talla S?")).toMatchObject({ variant_id: "v-s-azul" })
    expect(ask("la tenéis roja en L?", "v-s-azul")).toMatchObject({ variant_id: "v-l-rojo" })
  })

  it("reports what the product does not have", () => {
    expect(ask("¿la tenéis en XL?")).toMatchObject({ variant_id: null, missing: ["XL"], asks_variant: true })
    expect(ask("tem na cor verde?")).toMatchObject({ variant_id: null, missing: ["verde"] })
    // L exists only in red.
    expect(ask("in blue, size L?")).toMatchObject({ variant_id: null, asks_variant: true })
  })

  it("reads delivery and other questions, and requests for a person", () => {
    expect(ask("¿Cuánto tarda el envío?")).toMatchObject({ asks_variant: false, topic: "shipping", human: false })
    expect(ask("¿La tenéis en talla M? ¿Cuánto tarda el envío?")).toMatchObject({ variant_id: "v-m-rojo", topic: "shipping" })
    expect(ask("is it cotton?")).toMatchObject({ asks_variant: false, topic: null, human: false })
    expect(ask("¿es de algodón?")).toMatchObject({ asks_variant: false, topic: null })
    expect(ask("quiero hablar con una persona sobre esto")).toMatchObject({ human: true })
  })

  it("does not take ordinary one-letter words for sizes", () => {
    expect(ask("y esto es bonito?")).toMatchObject({ asks_variant: false })
    expect(ask("é bonito e barato?")).toMatchObject({ asks_variant: false })
  })
})
