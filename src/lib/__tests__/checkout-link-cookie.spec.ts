import { checkoutPagePath, checkoutPageUrl } from "../checkout-link"
import { checkoutCookie, checkoutTokenFromCookie, redactCheckoutUrl } from "../checkout/link-cookie"

const TOKEN = `wacart_01ABC.t5x3k0.${"S".repeat(43)}`

describe("checkout link cookie", () => {
  it("keeps the token in an HttpOnly, SameSite=Lax cookie scoped to the checkout's page, Secure on https, until the link expires", () => {
    const now = new Date("2026-12-06T10:00:00Z")
    const cookie = checkoutCookie({ token: TOKEN, path: checkoutPagePath("wacart_01ABC"), expiresAt: new Date("2026-12-09T10:00:00Z"), secure: true, now })
    expect(cookie).toBe(`wa_checkout=${TOKEN}; Path=/whatsapp/checkout/s/wacart_01ABC; Max-Age=259200; HttpOnly; SameSite=Lax; Secure`)
    // An expired link's cookie lives an hour, long enough to show its order.
    expect(checkoutCookie({ token: TOKEN, path: "/p", expiresAt: new Date(0), secure: false, now })).toBe(`wa_checkout=${TOKEN}; Path=/p; Max-Age=3600; HttpOnly; SameSite=Lax`)
    expect(checkoutTokenFromCookie(`a=1; wa_checkout=${TOKEN}; wa_checkout_csrf=x`)).toBe(TOKEN)
    expect(checkoutTokenFromCookie("wa_checkout=<script>")).toBeUndefined()
    expect(checkoutTokenFromCookie("wa_checkout=%E0%A4%A")).toBeUndefined()
    expect(checkoutPageUrl("https://shop.example/", "wacart_01ABC", "/return")).toBe("https://shop.example/whatsapp/checkout/s/wacart_01ABC/return")
  })

  it("redacts the token of a checkout link in a logged URL, and nothing else", () => {
    expect(redactCheckoutUrl(`/whatsapp/checkout/${TOKEN}`)).toBe("/whatsapp/checkout/:token")
    expect(redactCheckoutUrl(`/whatsapp/checkout/${TOKEN}/return?cancelled=1`)).toBe("/whatsapp/checkout/:token/return?cancelled=1")
    expect(redactCheckoutUrl("/whatsapp/checkout/s/wacart_01ABC/return?token=PAYPAL1")).toBe("/whatsapp/checkout/s/wacart_01ABC/return?token=PAYPAL1")
    expect(redactCheckoutUrl("/whatsapp/checkout/s")).toBe("/whatsapp/checkout/s")
    expect(redactCheckoutUrl("/whatsapp/checkout/short")).toBe("/whatsapp/checkout/:token")
    expect(redactCheckoutUrl("/store/carts/x")).toBe("/store/carts/x")
    // The delivery-details link (order on submit) and its token-free page.
    expect(redactCheckoutUrl(`/whatsapp/checkout/delivery/${TOKEN}`)).toBe("/whatsapp/checkout/delivery/:token")
    expect(redactCheckoutUrl("/whatsapp/checkout/delivery/s/wacart_01ABC")).toBe("/whatsapp/checkout/delivery/s/wacart_01ABC")
  })
})
