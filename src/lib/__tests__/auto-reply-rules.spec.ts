import { AutoReplyRule, matchAutoReply, normalizeForMatch } from "../auto-reply-rules"

const rule = (over: Partial<AutoReplyRule> & Pick<AutoReplyRule, "id">): AutoReplyRule => ({
  match: "contains",
  keywords: [],
  priority: 0,
  active: true,
  ...over,
})

describe("normalizeForMatch", () => {
  it("lower-cases, strips accents, collapses spaces and trims end punctuation", () => {
    expect(normalizeForMatch("  ¡Envío   GRATIS!! 🙂 ")).toBe("envio gratis")
    expect(normalizeForMatch("¿Cuánto cuesta el envío?")).toBe("cuanto cuesta el envio")
    expect(normalizeForMatch("Promoção\n\tde verão")).toBe("promocao de verao")
    expect(normalizeForMatch("t-shirt")).toBe("t-shirt")
    expect(normalizeForMatch("...")).toBe("")
  })
})

describe("matchAutoReply", () => {
  const horario = rule({ id: "r_horario", keywords: ["horario", "a qué hora abrís"] })
  const hola = rule({ id: "r_hola", match: "exact", keywords: ["Hola", "buenas"] })

  it("matches exact rules on the whole message only", () => {
    expect(matchAutoReply("¡Hola!", [hola])).toBe(hola)
    expect(matchAutoReply("  BUENAS ", [hola])).toBe(hola)
    expect(matchAutoReply("hola, ¿qué tal?", [hola])).toBeNull()
  })

  it("matches contains rules on whole words, ignoring accents and case", () => {
    expect(matchAutoReply("¿Cuál es vuestro HORARIO?", [horario])).toBe(horario)
    expect(matchAutoReply("oye, ¿a que hora abris mañana?", [horario])).toBe(horario)
    expect(matchAutoReply("horarios de verano", [horario])).toBeNull()
  })

  it("does not match a keyword inside another word", () => {
    const contains = rule({ id: "r", keywords: ["hola"] })
    expect(matchAutoReply("envíos a Holanda", [contains])).toBeNull()
    expect(matchAutoReply("hola!! quiero info", [contains])).toBe(contains)
    expect(matchAutoReply("dije hola", [contains])).toBe(contains)
  })

  it("treats regex characters in keywords literally", () => {
    const plus = rule({ id: "r", keywords: ["talla 2+"] })
    expect(matchAutoReply("tenéis talla 2+ ?", [plus])).toBe(plus)
    expect(matchAutoReply("tenéis talla 22", [plus])).toBeNull()
  })

  it("ignores inactive rules, empty keywords and empty messages", () => {
    expect(matchAutoReply("hola", [{ ...hola, active: false }])).toBeNull()
    expect(matchAutoReply("hola", [rule({ id: "r", keywords: ["", "  !! "] })])).toBeNull()
    expect(matchAutoReply("  ?! ", [hola, horario])).toBeNull()
    expect(matchAutoReply("hola", [])).toBeNull()
  })

  it("prefers higher priority, then exact over contains, then the lower id", () => {
    const low = rule({ id: "a", match: "exact", keywords: ["envio"], priority: 1 })
    const high = rule({ id: "z", keywords: ["envio"], priority: 5 })
    expect(matchAutoReply("envío", [low, high])).toBe(high)

    const exact = rule({ id: "z", match: "exact", keywords: ["envio"] })
    const contains = rule({ id: "a", keywords: ["envio"] })
    expect(matchAutoReply("envio", [contains, exact])).toBe(exact)
    expect(matchAutoReply("envio", [exact, contains])).toBe(exact)

    const first = rule({ id: "01A", keywords: ["envio"] })
    const second = rule({ id: "01B", keywords: ["envio"] })
    expect(matchAutoReply("info de envio", [second, first])).toBe(first)
  })
})
