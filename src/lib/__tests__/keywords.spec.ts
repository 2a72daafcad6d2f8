import { detectOptCommand } from "../keywords"

describe("detectOptCommand", () => {
  const out = ["STOP", "BAJA", "PARAR", "SAIR"]
  it("matches whole messages, ignoring case, accents and punctuation", () => {
    expect(detectOptCommand(" stop ", out, ["START"])).toBe("opt_out")
    expect(detectOptCommand("Baja.", out, ["START"])).toBe("opt_out")
    expect(detectOptCommand("sáir!", out, ["START"])).toBe("opt_out")
    expect(detectOptCommand("start", out, ["START"])).toBe("opt_in")
  })
  it("ignores the words inside a sentence", () => {
    expect(detectOptCommand("no quiero parar de comprar", out, ["START"])).toBeNull()
    expect(detectOptCommand(null, out, ["START"])).toBeNull()
  })
})
