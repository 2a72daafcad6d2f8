import { randomBytes } from "node:crypto"
import { createCheckoutToken, verifyCheckoutToken } from "../checkout-token"

const key = randomBytes(32)
const now = new Date("2026-11-21T10:00:00Z")
const later = new Date("2026-11-24T10:00:00Z")

describe("checkout tokens", () => {
  it("round-trips the cart id and expiry", () => {
    const token = createCheckoutToken(key, "wacart_01ABC", later)
    expect(verifyCheckoutToken(key, token, now)).toEqual({ ok: true, id: "wacart_01ABC", expiresAt: later })
  })

  it("refuses a token signed with another key or edited", () => {
    const token = createCheckoutToken(key, "wacart_01ABC", later)
    expect(verifyCheckoutToken(randomBytes(32), token, now)).toEqual({ ok: false, reason: "invalid" })
    const otherCart = token.replace("wacart_01ABC", "wacart_01ABD")
    expect(verifyCheckoutToken(key, otherCart, now)).toEqual({ ok: false, reason: "invalid" })
    const [id, , sig] = token.split(".")
    const extended = `${id}.${(Math.floor(later.getTime() / 1000) + 86400).toString(36)}.${sig}`
    expect(verifyCheckoutToken(key, extended, now)).toEqual({ ok: false, reason: "invalid" })
  })

  it("binds the purpose: a checkout token opens no delivery page, a delivery token no checkout page", () => {
    const checkout = createCheckoutToken(key, "wacart_01ABC", later)
    const delivery = createCheckoutToken(key, "wacart_01ABC", later, "delivery")
    expect(delivery).not.toBe(checkout)
    expect(verifyCheckoutToken(key, delivery, now, "delivery")).toEqual({ ok: true, id: "wacart_01ABC", expiresAt: new Date(Math.floor(later.getTime() / 1000) * 1000) })
    expect(verifyCheckoutToken(key, checkout, now, "delivery")).toEqual({ ok: false, reason: "invalid" })
    expect(verifyCheckoutToken(key, delivery, now)).toEqual({ ok: false, reason: "invalid" })
  })

  it("expires", () => {
    const token = createCheckoutToken(key, "wacart_01ABC", later)
    expect(verifyCheckoutToken(key, token, new Date(later.getTime() + 1000))).toEqual({ ok: false, reason: "expired", id: "wacart_01ABC" })
  })

  it("rejects malformed input without throwing", () => {
    for (const bad of ["", "abc", "a.b.c", "../../etc/passwd", "x".repeat(500)]) {
      expect(verifyCheckoutToken(key, bad, now).ok).toBe(false)
    }
  })
})
