import vocabulary from "../vocabulary.json"
import { indexTerms, parseQuery, stem } from "../normalize"
import { buildSynonyms } from "../synonyms"
import { phraseKey, VOCABULARY } from "../vocabulary"

const conceptOf = (text: string) => parseQuery(text).units.flatMap((u) => u.alternatives)
const sameConcept = (...texts: string[]) => {
  const [first, ...rest] = texts.map((t) => indexTerms(t).filter((x) => x.startsWith("zz")))
  for (const other of rest) expect(other.some((token) => first.includes(token))).toBe(true)
}

describe("product vocabulary", () => {
  it("records where its words come from", () => {
    expect(vocabulary.source).toMatchObject({ url: "https://github.com/Shopify/product-taxonomy", licence: "MIT" })
    expect(vocabulary.source.files.es.commit).toMatch(/^[0-9a-f]{40}$/)
    const fromTaxonomy = vocabulary.concepts.filter((c) => c.from.some((f) => f.startsWith("shopify:")))
    expect(fromTaxonomy.length).toBeGreaterThan(30)
    expect(vocabulary.concepts.find((c) => c.es.includes("vaqueros"))?.from).toEqual(expect.arrayContaining(["shopify:aa-1-12-4", "hand"]))
  })

  it("maps the same thing across es, pt and en and their synonyms", () => {
    sameConcept("Camiseta roja", "red t-shirt", "camisa de manga corta", "tee")
    sameConcept("Vaqueros", "jeans", "calça jeans")
    sameConcept("Balón de fútbol", "pelota de futbol", "bola de futebol", "soccer ball")
    sameConcept("balón", "pelota", "bola", "ball")
    sameConcept("Sandalia de cuero", "sandalia de piel", "sandália de couro", "leather sandal")
    sameConcept("Paraguas", "guarda-chuva", "umbrella")
    sameConcept("Esterilla", "mat de yoga", "tapete de yoga", "yoga mat")
    sameConcept("Cafetera italiana", "moka pot", "moka")
  })

  it("prefers the longest phrase in a query and keeps every phrase of a product text", () => {
    const shorts = parseQuery("pantalones cortos")
    expect(shorts.units[0].alternatives).not.toContain(conceptOf("pantalones")[0])
    expect(indexTerms("Pantalones cortos")).toEqual(expect.arrayContaining(conceptOf("pantalones")))
  })

  it("keeps different products' nouns apart when folding plurals and genders", () => {
    expect(stem("vaqueros")).toBe(stem("vaquero"))
    expect(stem("vaqueros")).not.toBe(stem("vaquera"))
    expect(stem("rojas")).toBe(stem("rojo"))
    expect(conceptOf("vaqueros")).not.toEqual(conceptOf("chaqueta vaquera").slice(-1))
  })

  it("reads phrases the way queries are read", () => {
    expect(phraseKey("Camisa de manga corta")).toEqual([stem("camisa"), stem("manga"), stem("corta")])
    expect(VOCABULARY.match(phraseKey("una camisa de manga corta"), true).map((m) => m.kind)).toContain("product")
  })
})

describe("merchant synonym groups", () => {
  it("two-way groups find each other on both sides", () => {
    const synonyms = buildSynonyms([{ id: "wasyn_1", mode: "two_way", source: null, terms: ["alfombra", "tapete"] }], "v1")
    const [unit] = parseQuery("alfombras", synonyms).units
    expect(unit.alternatives).toContain("zmwasyn1")
    expect(unit.expansions).toContain(stem("tapete"))
    expect(synonyms.index.match(phraseKey("Tapete Kilim"), false).map((m) => m.token)).toEqual(["zmwasyn1"])
  })

  it("one-way groups only go from the source to the terms", () => {
    const synonyms = buildSynonyms([{ id: "wasyn_2", mode: "one_way", source: "regalo", terms: ["taza"] }], "v1")
    expect(parseQuery("regalo", synonyms).units[0].alternatives).toEqual(["zmwasyn2"])
    expect(parseQuery("taza", synonyms).units[0].alternatives).not.toContain("zmwasyn2")
    expect(synonyms.index.match(phraseKey("Caja regalo"), false)).toEqual([])
    expect(synonyms.index.match(phraseKey("Taza esmaltada"), false).map((m) => m.token)).toEqual(["zmwasyn2"])
  })
})
