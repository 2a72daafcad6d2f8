import { maskPhone, toE164, deliveryCountry } from "../phone"

describe("toE164", () => {
  it("reads WhatsApp wa_ids as international numbers", () => {
    expect(toE164("34612345678")).toBe("+34612345678")
    expect(toE164("919876543210")).toBe("+919876543210")
    expect(toE164("5511987654321")).toBe("+5511987654321")
  })

  it("keeps Meta's +1 555 test numbers, which are possible but not assigned", () => {
    expect(toE164("15551234567")).toBe("+15551234567")
  })

  it("accepts an explicit + or 00 prefix and formatting", () => {
    expect(toE164("+34 612 34 56 78")).toBe("+34612345678")
    expect(toE164("0034612345678")).toBe("+34612345678")
  })

  it("uses the default country for national numbers, preferring a valid reading", () => {
    // "+61 2345678" would be a possible Australian number, but not a valid one.
    expect(toE164("612345678", "ES")).toBe("+34612345678")
    expect(toE164("612345678", "es")).toBe("+34612345678")
    expect(toE164("0612345678", "FR")).toBe("+33612345678")
    expect(toE164("0612345678", "XX")).toBeNull()
  })

  it("rejects what cannot be a phone number", () => {
    expect(toE164("")).toBeNull()
    expect(toE164("123")).toBeNull()
    expect(toE164("34612")).toBeNull()
    expect(toE164("abc34612345678")).toBeNull()
    expect(toE164("1234567890123456789")).toBeNull()
  })
})

describe("maskPhone", () => {
  it("keeps the country code and the last two digits", () => {
    expect(maskPhone("+34612345678")).toBe("+34•••••••78")
    expect(maskPhone("34612345678")).toBe("+34•••••••78")
    expect(maskPhone("919876543210")).toBe("+91••••••••10")
    expect(maskPhone("15551234567")).toBe("+1••••••••67")
  })

  it("hides everything of very short input", () => {
    expect(maskPhone("1234")).toBe("••••")
    expect(maskPhone("")).toBe("")
  })
})

describe("deliveryCountry", () => {
  it("is the number's own country when the region serves it", () => {
    expect(deliveryCountry("34611122233", ["de", "es", "fr", "it", "pt"])).toBe("es")
    expect(deliveryCountry("351912345678", ["es", "pt"])).toBe("pt")
  })

  it("is the region's only country otherwise, else none", () => {
    expect(deliveryCountry("447700900123", ["es"])).toBe("es")
    expect(deliveryCountry("447700900123", ["es", "pt"])).toBeNull()
    expect(deliveryCountry("", ["es", "pt"])).toBeNull()
    expect(deliveryCountry("34611122233", [])).toBeNull()
  })
})
