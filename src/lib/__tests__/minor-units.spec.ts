import { currencyDecimals, fromMinorUnits, toDecimalString, toMinorUnits } from "../payments/minor-units"

describe("minor units", () => {
  it("uses ISO 4217 decimals", () => {
    expect(currencyDecimals("eur")).toBe(2)
    expect(currencyDecimals("JPY")).toBe(0)
    expect(currencyDecimals("kwd")).toBe(3)
    expect(() => currencyDecimals("zz1")).toThrow(/Unknown currency/)
  })

  it("converts without floating-point drift", () => {
    expect(toMinorUnits(19.9, "eur")).toBe(1990)
    expect(toMinorUnits("0.29", "usd")).toBe(29)
    expect(toMinorUnits(1.005, "usd")).toBe(101)
    expect(toMinorUnits(1500, "jpy")).toBe(1500)
    expect(toMinorUnits(1.234, "kwd")).toBe(1234)
    expect(fromMinorUnits(1990, "eur")).toBe(19.9)
    expect(fromMinorUnits(1234, "kwd")).toBe(1.234)
  })

  it("formats PayPal values with the currency's decimals and its overrides", () => {
    expect(toDecimalString(19.9, "EUR")).toBe("19.90")
    expect(toDecimalString(1500, "JPY")).toBe("1500")
    expect(toDecimalString(1500.4, "HUF", { HUF: 0 })).toBe("1500")
  })
})
