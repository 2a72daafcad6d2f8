import { hashPhoneLinkToken, isProvenLink, newPhoneLinkToken, phoneLinkText, phoneLinkUrl } from "../customer-link"

describe("customer links", () => {
  it("trusts only links proven by WhatsApp, the customer or an admin", () => {
    expect(["whatsapp_created", "verified_by_customer", "linked_by_admin"].every(isProvenLink)).toBe(true)
    expect(isProvenLink("unverified")).toBe(false)
    expect(isProvenLink(null)).toBe(false)
    expect(isProvenLink("phone_match")).toBe(false)
  })

  it("makes unguessable one-time tokens and stores only their hash", () => {
    const a = newPhoneLinkToken()
    const b = newPhoneLinkToken()
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/) // 32 random bytes
    expect(a.token).not.toBe(b.token)
    expect(a.hash).toBe(hashPhoneLinkToken(a.token))
    expect(a.hash).not.toContain(a.token)
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it("puts the token into the storefront's link and the link into the customer's language", () => {
    const url = phoneLinkUrl("https://shop.example/account/whatsapp#token={token}", "abc-_1")
    expect(url).toBe("https://shop.example/account/whatsapp#token=abc-_1")
    expect(phoneLinkText("es", url)).toContain("Si no has sido tú")
    expect(phoneLinkText("pt", url)).toContain(url)
    expect(phoneLinkText("en", url, 15)).toContain("valid 15 minutes")
  })
})
