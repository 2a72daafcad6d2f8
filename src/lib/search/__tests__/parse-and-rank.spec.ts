import { parseQuery } from "../normalize"
import { Candidate, rankCandidates, selectMatches, termMatch } from "../rank"
import { buildSynonyms } from "../synonyms"
import { stem } from "../text"

const product = (id: string, title: string, more: Partial<Candidate> = {}): Candidate => ({
  id,
  title,
  extra: [],
  description: null,
  variants: [{ id: `${id}_v`, title: null, options: [] }],
  ...more,
})
const found = (text: string, candidates: Candidate[], synonyms = null as ReturnType<typeof buildSynonyms> | null) =>
  selectMatches(rankCandidates(parseQuery(text, synonyms), candidates, synonyms), 5).map((r) => r.product_id)

describe("query parser", () => {
  it("finds nothing to search in greetings, thanks, chit-chat and questions about the shop", () => {
    for (const text of [
      "hola",
      "buenas noches",
      "muchas gracias!",
      "¿cuánto cuesta el envío?",
      "¿dónde está mi pedido?",
      "oi, tudo bem?",
      "qual o prazo de entrega?",
      "thanks a lot",
      "how long does shipping take?",
      "where is my order?",
    ]) {
      expect(parseQuery(text).terms).toEqual([])
    }
  })

  it("keeps the product in a product question", () => {
    expect(parseQuery("¿cuánto tarda el envío de la sudadera kumo?").terms).toEqual([stem("sudadera"), stem("kumo")])
    expect(parseQuery("crema de noche").terms).toEqual([stem("crema"), stem("noche")])
  })

  it("says what each word is", () => {
    expect(parseQuery("red leather t-shirt").units.map((u) => u.kind)).toEqual(["color", "material", "product"])
  })
})

describe("ranking", () => {
  it("does not merge different nouns through typo tolerance", () => {
    expect(termMatch(stem("vaqueros"), stem("vaquera"))).toBe(0)
    expect(termMatch(stem("camisetas"), stem("camiseta"))).toBe(1)
    expect(termMatch(stem("camsetas"), stem("camiseta"))).toBeGreaterThan(0.5)
  })

  it("finds a product named in another language or with a synonym", () => {
    const catalog = [
      product("p_tee", "Camiseta básica", {
        variants: [
          { id: "v_red", title: "M / Rojo", options: ["M", "Rojo"] },
          { id: "v_blue", title: "M / Azul", options: ["M", "Azul"] },
        ],
      }),
      product("p_ball", "Balón de fútbol"),
      product("p_socks", "Calcetines de fútbol"),
      product("p_sandal", "Sandalia de cuero"),
      product("p_mat", "Esterilla antideslizante"),
      product("p_moka", "Cafetera italiana de aluminio"),
    ]
    const ranked = rankCandidates(parseQuery("red t-shirt"), catalog)
    expect(ranked[0]).toMatchObject({ product_id: "p_tee", variant_id: "v_red", matched_variant: true })
    expect(found("pelota de futbol", catalog)[0]).toBe("p_ball")
    expect(found("sandalia de piel", catalog)).toEqual(["p_sandal"])
    expect(found("mat de yoga", catalog)).toEqual(["p_mat"])
    expect(found("moka pot", catalog)).toEqual(["p_moka"])
  })

  it("keeps the product whose noun matches even when other words do not (no fixed cut-off)", () => {
    const catalog = [product("p_sandal", "Sandalia Lucía"), product("p_bag", "Bolso de playa")]
    expect(found("sandalia trenzada", catalog)).toEqual(["p_sandal"])
  })

  it("weighs fields: title over options over category over description", () => {
    const inTitle = product("a", "Lámpara de lino")
    const inOptions = product("b", "Lámpara", { variants: [{ id: "b_v", title: "Lino", options: ["Lino"] }] })
    const inCategory = product("c", "Lámpara", { extra: ["Lino"] })
    const inDescription = product("d", "Lámpara", { description: "Pantalla de lino" })
    const order = rankCandidates(parseQuery("lámpara de lino"), [inDescription, inCategory, inOptions, inTitle]).map((r) => r.product_id)
    expect(order).toEqual(["a", "b", "c", "d"])
  })

  it("breaks ties by the product whose title names the noun, not by the shorter title", () => {
    const catalog = [product("short", "Kumo Roja", { extra: ["Camisetas"] }), product("noun", "Camiseta Kumo Roja de Algodón Orgánico")]
    expect(rankCandidates(parseQuery("camiseta kumo roja"), catalog)[0].product_id).toBe("noun")
  })

  it("leaves out products that share only an adjective with a query whose noun some product has", () => {
    const catalog = [product("tee", "Camiseta Roja"), product("hoodie", "Sudadera Roja"), product("dress", "Vestido rojo")]
    expect(found("camiseta roja", catalog)).toEqual(["tee"])
  })

  it("needs more than the description to send a product", () => {
    expect(found("regalar", [product("x", "Taza Calma", { description: "Ideal para regalar" })])).toEqual([])
  })

  it("applies merchant synonyms on the product side at rank time", () => {
    const synonyms = buildSynonyms([{ id: "g1", mode: "two_way", source: null, terms: ["alfombra", "tapete"] }], "v1")
    expect(found("alfombra", [product("rug", "Tapete Kilim"), product("mug", "Taza")], synonyms)).toEqual(["rug"])
    expect(found("alfombra", [product("rug", "Tapete Kilim")])).toEqual([])
  })
})
