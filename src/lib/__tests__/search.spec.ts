import { fold, indexTerms, parseQuery, stem } from "../search/normalize"
import { editDistance, rankCandidates, selectMatches, termMatch } from "../search/rank"

describe("search normalization", () => {
  it("folds accents and punctuation", () => {
    expect(fold("¡Pantalón CHINO, talla 42!")).toBe("pantalon chino talla 42")
  })

  it("stems singular/plural forms alike, and gender forms of words that are not product nouns", () => {
    expect(stem("camisetas")).toBe(stem("camiseta"))
    expect(stem("rojas")).toBe(stem("rojo"))
    expect(stem("pantalones")).toBe(stem("pantalon"))
    expect(stem("hoodies")).toBe(stem("hoodie"))
    expect(stem("42")).toBe("42")
  })

  it("joins hyphenated words on both sides", () => {
    expect(indexTerms("Cotton T-Shirt")).toEqual(expect.arrayContaining(["tshirt"]))
    expect(parseQuery("t-shirt").terms).toEqual(["tshirt"])
  })

  it("understands quantities, sizes and filler words in es, pt and en", () => {
    expect(parseQuery("hola, quiero 2 camisetas rojas talla M")).toMatchObject({ terms: [stem("camisetas"), stem("rojas")], sizes: ["m"], quantity: 2 })
    expect(parseQuery("tres tazas de café")).toMatchObject({ quantity: 3, terms: [stem("tazas"), stem("cafe")] })
    expect(parseQuery("quero uma calça tamanho grande")).toMatchObject({ sizes: ["l"], terms: [stem("calca")] })
    expect(parseQuery("I need a red hoodie size extra large")).toMatchObject({ sizes: ["xl"], terms: ["red", stem("hoodie")] })
    expect(parseQuery("café 250 g")).toMatchObject({ quantity: null, terms: ["cafe", "250", "g"] })
    expect(parseQuery("tênis preto 42")).toMatchObject({ quantity: null, terms: [stem("tenis"), stem("preto"), "42"] })
  })
})

describe("ranking", () => {
  it("scores exact, prefix and typo matches", () => {
    expect(editDistance("camseta", "camiseta")).toBe(1)
    expect(editDistance("camistea", "camiseta")).toBe(1) // transposition
    expect(termMatch("camiseta", "camiseta")).toBe(1)
    expect(termMatch(stem("camseta"), stem("camiseta"))).toBeGreaterThan(0.5)
    expect(termMatch("zz", "camiset")).toBe(0)
  })

  const candidates = [
    {
      id: "p_tee",
      title: "Camiseta Básica",
      extra: ["Básicos"],
      variants: [
        { id: "v_red_s", title: "S / Rojo", options: ["S", "Rojo"] },
        { id: "v_red_m", title: "M / Rojo", options: ["M", "Rojo"] },
        { id: "v_blue_m", title: "M / Azul", options: ["M", "Azul"] },
      ],
    },
    { id: "p_hoodie", title: "Sudadera Roja", extra: [], variants: [{ id: "v_h", title: "M", options: ["M"] }] },
    { id: "p_dress", title: "Vestido de Verano", extra: [], variants: [{ id: "v_d", title: "Rojo", options: ["Rojo"] }] },
  ]

  it("picks the product and the variant the customer describes", () => {
    const ranked = rankCandidates(parseQuery("camiseta roja M"), candidates)
    expect(ranked[0]).toMatchObject({ product_id: "p_tee", variant_id: "v_red_m", matched_variant: true })
    expect(rankCandidates(parseQuery("camseta azul"), candidates)[0]).toMatchObject({ product_id: "p_tee", variant_id: "v_blue_m" })
  })

  it("keeps only results close to the best one", () => {
    const selected = selectMatches(rankCandidates(parseQuery("camiseta roja M"), candidates), 5)
    expect(selected.map((r) => r.product_id)).toEqual(["p_tee"])
    expect(selectMatches(rankCandidates(parseQuery("bicicleta"), candidates), 5)).toEqual([])
  })
})
