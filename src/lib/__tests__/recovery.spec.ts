import { checkoutLink, checkoutLinkSuffix } from "../checkout-link"
import { isUsNumber } from "../phone"
import { planRecoveryReminder, ReminderInput } from "../recovery/plan-reminder"
import { reminderFooter } from "../recovery/reminder-texts"

const now = new Date("2026-11-22T12:00:00Z")
const hoursAgo = (h: number, extraMs = 0) => new Date(now.getTime() - h * 3_600_000 - extraMs)

const base: ReminderInput = {
  wa_id: "34600000001",
  language: "es",
  customer_name: "Ana",
  last_inbound_at: hoursAgo(2),
  opted_out: false,
  cart: { currency: "eur", total: 64.65, items: [{ title: "Camiseta / M", quantity: 2, total: 59.7 }] },
  checkout_url: "https://shop.example/whatsapp/checkout/tok123",
  checkout_url_suffix: "tok123",
}
const template = { name: "cart_reminder", language: "es", category: "MARKETING" as const }
const context = { now, template, opt_out_keywords: ["STOP", "BAJA"] }

describe("planRecoveryReminder", () => {
  it("sends the cart with a pay button inside the 24-hour window, up to its last second", () => {
    const plan = planRecoveryReminder({ ...base, last_inbound_at: hoursAgo(24, -1000) }, context)
    expect(plan).toMatchObject({ send: true, channel: "interactive" })
    const message = (plan as any).message
    expect(message.interactive.type).toBe("cta_url")
    expect(message.interactive.action.parameters.url).toBe(base.checkout_url)
    expect(message.interactive.body.text).toContain("Hola Ana")
    expect(message.interactive.body.text).toContain("2 × Camiseta / M")
    expect(message.interactive.body.text).toMatch(/64,65\s€/)
    expect(message.interactive.footer.text).toBe("Responde BAJA para no recibir más")
  })

  it("sends a step's own text in the window, with the same button and footer, and the template outside it", () => {
    const plan = planRecoveryReminder(base, { ...context, text: "Ana, usa WA-ABC hoy" })
    expect((plan as any).message.interactive).toMatchObject({
      body: { text: "Ana, usa WA-ABC hoy" },
      footer: { text: "Responde BAJA para no recibir más" },
      action: { parameters: { url: base.checkout_url } },
    })
    const outside = planRecoveryReminder({ ...base, last_inbound_at: hoursAgo(30) }, { ...context, text: "Ana, usa WA-ABC hoy" })
    expect(outside).toMatchObject({ send: true, channel: "template" })
  })

  it("uses the template from the first second after the window: name, total as currency, link suffix on the button", () => {
    const plan = planRecoveryReminder({ ...base, last_inbound_at: hoursAgo(24, 1000) }, context)
    expect(plan).toMatchObject({ send: true, channel: "template" })
    expect((plan as any).message.template).toEqual({
      name: "cart_reminder",
      language: { code: "es" },
      components: [
        {
          type: "body",
          parameters: [
            { type: "text", text: "Ana" },
            { type: "currency", currency: { fallback_value: expect.stringMatching(/64,65\s€/), code: "EUR", amount_1000: 64650 } },
          ],
        },
        { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "tok123" }] },
      ],
    })
  })

  it("names an unknown customer politely rather than sending an empty parameter", () => {
    const plan = planRecoveryReminder({ ...base, customer_name: "  ", last_inbound_at: null }, context)
    expect((plan as any).message.template.components[0].parameters[0]).toEqual({ type: "text", text: "cliente" })
  })

  it("records why nothing was sent", () => {
    expect(planRecoveryReminder({ ...base, last_inbound_at: null }, { ...context, template: null })).toMatchObject({ send: false, reason: "no_template" })
    expect(planRecoveryReminder({ ...base, opted_out: true }, context)).toMatchObject({ send: false, reason: "opted_out" })
    expect(planRecoveryReminder({ ...base, cart: null }, context)).toMatchObject({ send: false, reason: "cart_missing" })
    expect(planRecoveryReminder({ ...base, cart: { ...base.cart!, items: [] } }, context)).toMatchObject({ send: false, reason: "cart_empty" })
  })

  it("never sends a marketing template to a US number, but a utility one or an in-window message is fine", () => {
    const us = { ...base, wa_id: "14155550123", last_inbound_at: hoursAgo(30) }
    expect(planRecoveryReminder(us, context)).toMatchObject({ send: false, reason: "marketing_template_blocked" })
    expect(planRecoveryReminder(us, { ...context, template: { ...template, category: "UTILITY" } })).toMatchObject({ channel: "template" })
    expect(planRecoveryReminder({ ...us, last_inbound_at: hoursAgo(1) }, context)).toMatchObject({ channel: "interactive" })
  })
})

describe("isUsNumber", () => {
  it("tells US numbers from other +1 countries and the rest of the world", () => {
    expect(isUsNumber("14155550123")).toBe(true)
    expect(isUsNumber("15555550100")).toBe(true) // test range: region unknown, treated as US
    expect(isUsNumber("16135550123")).toBe(false) // Ottawa, Canada
    expect(isUsNumber("34600000001")).toBe(false)
  })
})

describe("checkoutLinkSuffix", () => {
  const key = Buffer.alloc(32, 7)
  const input = { publicUrl: "https://shop.example/", key, whatsappCartId: "wacart_1", cartId: "cart_01", expiresAt: new Date(Date.now() + 3_600_000) }

  it("is the token for the hosted page, so the template's button is <publicUrl>/whatsapp/checkout/{{1}}", () => {
    const url = checkoutLink(input)
    const suffix = checkoutLinkSuffix(input)
    expect(url).toBe(`https://shop.example/whatsapp/checkout/${suffix}`)
    expect(suffix).not.toContain("/")
  })

  it("starts at the cart id for a storefront URL", () => {
    const storefront = { ...input, storefrontUrl: "https://store.example/checkout/{cart_id}?from=whatsapp" }
    expect(checkoutLinkSuffix(storefront)).toBe("cart_01?from=whatsapp")
  })
})

describe("reminderFooter", () => {
  it("names a keyword that really opts out", () => {
    expect(reminderFooter("pt", ["STOP"])).toBe("Responda STOP para não receber mais")
    expect(reminderFooter("en", ["STOP", "BAJA"])).toBe("Reply STOP to stop these messages")
  })

  it("sends nothing to a customer who stopped marketing messages, even inside the window", () => {
    const plan = planRecoveryReminder({ ...base, marketing_preference: "stop", marketing_preference_detail: "User requested to stop marketing messages" }, context)
    expect(plan).toMatchObject({ send: false, reason: "marketing_stopped", detail: expect.stringContaining("User requested to stop marketing messages") })
    expect(planRecoveryReminder({ ...base, marketing_preference: "resume" }, context)).toMatchObject({ send: true })
  })

  it("never sends a template Meta paused or rejected; an approved one goes", () => {
    const outside = { ...base, last_inbound_at: hoursAgo(30) }
    const paused = { name: "cart_reminder", language: "es", status: "PAUSED", reason: null, other_info: { title: "FIRST_PAUSE", description: "Paused for 3 hours" } }
    expect(planRecoveryReminder(outside, { ...context, template_status: paused })).toMatchObject({
      send: false,
      reason: "template_not_approved",
      detail: expect.stringContaining("PAUSED: FIRST_PAUSE"),
    })
    expect(planRecoveryReminder(outside, { ...context, template_status: { ...paused, status: "APPROVED", other_info: null } })).toMatchObject({ send: true, channel: "template" })
    // Inside the window the free-form reminder needs no template.
    expect(planRecoveryReminder(base, { ...context, template_status: paused })).toMatchObject({ send: true, channel: "interactive" })
  })
})
