import { redactPhone } from "../redact"

describe("redactPhone", () => {
  it("keeps the prefix and last two digits only", () => {
    expect(redactPhone("+54 9 11 5555-0101")).toBe("54•••••••••01")
    expect(redactPhone("5491155550101")).not.toContain("555501")
    expect(redactPhone("123")).toBe("•••")
    expect(redactPhone(undefined)).toBe("(none)")
  })
})
