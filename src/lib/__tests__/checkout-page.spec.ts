import { checkoutLink } from "../checkout-link"
import { verifyCheckoutToken } from "../checkout-token"
import { csrfField, readCookie, verifyCsrfField } from "../checkout/csrf"
import { CheckoutView, DeliveryView, escapeHtml, renderCheckoutPage, renderDeliveryPage } from "../checkout/render"

const key = Buffer.alloc(32, 7)

function view(overrides: Partial<CheckoutView> = {}): CheckoutView {
  return {
    lang: "es",
    storeName: "Tienda <Demo>",
    action: "/whatsapp/checkout/tok",
    csrf: "c".repeat(43),
    currency: "eur",
    items: [{ id: "cali_1", title: 'Camiseta "Roja"', subtitle: "M", thumbnail: "https://img.example/1.jpg", quantity: 2, total: 39.8 }],
    totals: { subtotal: 39.8, shipping: 4.95, tax: 0, discount: 0, total: 44.75 },
    values: { email: '"><script>alert(1)</script>' },
    errors: { email: "Escribe un correo válido" },
    countries: [{ code: "es", name: "España" }],
    shippingOptions: [{ id: "so_1", name: "Estándar", amount: 4.95 }],
    shippingChosen: true,
    needsCountry: false,
    providers: ["pp_stripe-checkout_stripe-checkout", "pp_system_default"],
    ...overrides,
  }
}

describe("checkout page", () => {
  it("escapes everything it interpolates", () => {
    const html = renderCheckoutPage(view())
    expect(html).not.toContain("<script>")
    expect(html).toContain("&quot;&gt;&lt;script&gt;")
    expect(html).toContain("Tienda &lt;Demo&gt;")
    expect(html).toContain("Camiseta &quot;Roja&quot;")
    expect(escapeHtml(`<a href='x'>&`)).toBe("&lt;a href=&#39;x&#39;&gt;&amp;")
  })

  it("shows field errors beside their field, Medusa's totals and each provider", () => {
    const html = renderCheckoutPage(view())
    expect(html).toMatch(/id="email"[^>]*>\s*<div class="err" role="alert">Escribe un correo válido/)
    expect(html).toMatch(/44,75/)
    expect(html).toContain("Tarjeta (Stripe)")
    expect(html).toContain("Contra reembolso o transferencia")
    expect(html).toMatch(/<span id="pay-label">Pagar<\/span> <span id="pay-amount">44,75\s€<\/span>/)
    // The total the customer sees goes back with the form, so nothing else is ever charged.
    expect(html).toContain('name="expected_total" value="44.75"')
  })

  it("names the applied promotion codes beside Medusa's discount", () => {
    const html = renderCheckoutPage(view({ promoCodes: ["WA-ABCDEFGHJK"], totals: { subtotal: 39.8, shipping: 4.95, tax: 0, discount: 3.98, total: 40.77 } }))
    expect(html).toMatch(/<span>Descuento \(WA-ABCDEFGHJK\)<\/span><span>-3,98/)
    expect(html).toMatch(/id="pay-amount">40,77/)
  })

  it("shows the amount on the button for manual payment too", () => {
    expect(renderCheckoutPage(view({ providers: ["pp_system_default"] }))).toMatch(/Hacer pedido<\/span> <span id="pay-amount">44,75/)
  })

  it("says delivery is not in the total until it is chosen, and asks for the country before listing options", () => {
    const html = renderCheckoutPage(view({ shippingChosen: false, shippingOptions: [], needsCountry: true, totals: { subtotal: 39.8, shipping: 0, tax: 0, discount: 0, total: 39.8 } }))
    expect(html).toContain("Se añade al elegir la entrega")
    expect(html).toContain("Elige tu país y pulsa Actualizar")
    expect(html).not.toContain('name="shipping_option_id"')
    expect(renderCheckoutPage(view({ shippingOptions: [] }))).toContain("Todavía no enviamos a esta dirección")
  })
})

describe("checkout CSRF", () => {
  it("accepts the field only with the nonce and token it was made for", () => {
    const field = csrfField(key, "nonce-a", "token-1")
    expect(verifyCsrfField(key, "nonce-a", "token-1", field)).toBe(true)
    expect(verifyCsrfField(key, "nonce-b", "token-1", field)).toBe(false)
    expect(verifyCsrfField(key, "nonce-a", "token-2", field)).toBe(false)
    expect(verifyCsrfField(key, undefined, "token-1", field)).toBe(false)
    expect(verifyCsrfField(key, "nonce-a", "token-1", "short")).toBe(false)
    expect(verifyCsrfField(Buffer.alloc(32, 8), "nonce-a", "token-1", field)).toBe(false)
  })

  it("reads one cookie out of a header", () => {
    expect(readCookie("a=1; wa_checkout_csrf=xyz; b=2", "wa_checkout_csrf")).toBe("xyz")
    expect(readCookie(undefined, "wa_checkout_csrf")).toBeUndefined()
  })
})

describe("checkout link", () => {
  const base = { publicUrl: "https://shop.example/", key, whatsappCartId: "wacart_01", cartId: "cart_01", expiresAt: new Date(Date.now() + 3_600_000) }

  it("is the hosted page with a verifiable token by default", () => {
    const url = new URL(checkoutLink(base))
    expect(url.origin + url.pathname.replace(/[^/]+$/, "")).toBe("https://shop.example/whatsapp/checkout/")
    expect(verifyCheckoutToken(key, url.pathname.split("/").pop()!)).toMatchObject({ ok: true, id: "wacart_01" })
  })

  it("fills the storefront template with the Medusa cart id", () => {
    expect(checkoutLink({ ...base, storefrontUrl: "https://shop.example/checkout?cart_id={cart_id}&from=wa" })).toBe(
      "https://shop.example/checkout?cart_id=cart_01&from=wa"
    )
  })
})

describe("delivery-details page", () => {
  const delivery = (overrides: Partial<DeliveryView> = {}): DeliveryView => ({
    lang: "es",
    storeName: "Tienda <Demo>",
    action: "/whatsapp/checkout/delivery/s/wacart_1",
    csrf: "c".repeat(43),
    currency: "eur",
    displayId: 12,
    items: [{ title: 'Camiseta "Roja"', subtitle: "M", quantity: 2, total: 39.8 }],
    totals: { subtotal: 39.8, shipping: 4.95, tax: 0, discount: 0, total: 44.75 },
    values: { address_1: "<b>Calle</b> Mayor 5", country_code: "es" },
    errors: { address_1: "Obligatorio" },
    countries: [{ code: "es", name: "España" }],
    readOnly: false,
    ...overrides,
  })

  it("shows the order and the checkout's address fields with their errors, escaped", () => {
    const html = renderDeliveryPage(delivery())
    expect(html).toContain("Pedido #12")
    expect(html).toContain(`id="total">44,75`)
    expect(html).toContain("Camiseta &quot;Roja&quot;")
    expect(html).not.toContain("<b>Calle</b>")
    expect(html).toMatch(/id="address_1"[^>]*>\s*<div class="err" role="alert">Obligatorio/)
    expect(html).toContain('name="_csrf"')
  })

  it("is read-only once the order ships: the address, no form", () => {
    const html = renderDeliveryPage(delivery({ readOnly: true, errors: {} }))
    expect(html).not.toContain("<form")
    expect(html).toContain("&lt;b&gt;Calle&lt;/b&gt; Mayor 5")
    expect(html).toContain("ya no se puede cambiar aquí")
  })
})
