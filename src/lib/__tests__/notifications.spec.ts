import { summarizeTemplate } from "../graph-api/templates"
import { chooseNotificationMessage, whatsAppNotificationDataSchema } from "../notifications/notification-data"
import { orderUpdateSummary, orderUpdateText } from "../order-texts"

const now = new Date("2026-11-22T12:00:00Z")
const open = { last_inbound_at: new Date(now.getTime() - 3_600_000), opted_out: false }
const closed = { last_inbound_at: new Date(now.getTime() - 25 * 3_600_000), opted_out: false }
const template = { name: "order_update", language: "es", components: [{ type: "body", parameters: [{ type: "text", text: "#12" }] }] }

describe("chooseNotificationMessage", () => {
  it("sends the text inside the window and the template outside it", () => {
    const data = { text: "Tu pedido #12 está en camino", template }
    expect(chooseNotificationMessage(data, open, now)).toEqual({ ok: true, message: { type: "text", text: { body: data.text } } })
    expect(chooseNotificationMessage(data, closed, now)).toMatchObject({ ok: true, message: { type: "template", template: { name: "order_update", language: { code: "es" } } } })
  })

  it("puts a link button under the text inside the window (a cta_url message); the template outside it has none", () => {
    const data = { text: "✅ Pedido #12 realizado.", button: { text: "Datos de entrega", url: "https://shop.example/whatsapp/checkout/delivery/t" }, template }
    expect(chooseNotificationMessage(data, open, now)).toEqual({
      ok: true,
      message: {
        type: "interactive",
        interactive: {
          type: "cta_url",
          body: { text: data.text },
          action: { name: "cta_url", parameters: { display_text: "Datos de entrega", url: data.button.url } },
        },
      },
    })
    expect(chooseNotificationMessage(data, closed, now)).toMatchObject({ ok: true, message: { type: "template" } })
  })

  it("refuses with a reason when the window is closed and there is no template, or the customer opted out", () => {
    expect(chooseNotificationMessage({ text: "hola" }, closed, now)).toMatchObject({ ok: false, error: expect.stringContaining("24-hour") })
    expect(chooseNotificationMessage({ text: "hola", template }, { ...open, opted_out: true }, now)).toMatchObject({ ok: false, error: expect.stringContaining("opted out") })
  })

  it("rejects data with neither text nor template", () => {
    expect(whatsAppNotificationDataSchema.safeParse({ account_id: "waacc_1" }).success).toBe(false)
    expect(whatsAppNotificationDataSchema.safeParse({ template: { name: "x" } }).success).toBe(false)
  })
})

describe("order update texts", () => {
  it("carries tracking numbers and links into the shipment message and the template summary", () => {
    const tracking = [{ number: "1Z999", url: "https://track.example/1Z999" }]
    expect(orderUpdateText("es", "shipped", 12, tracking)).toBe("📦 ¡Tu pedido #12 está en camino!\nSeguimiento: 1Z999\nhttps://track.example/1Z999")
    expect(orderUpdateSummary("en", "shipped", tracking)).toBe("shipped, tracking 1Z999")
    expect(orderUpdateText("pt", "canceled", 12)).toContain("#12 foi cancelado")
    expect(orderUpdateSummary("es", "paid")).toBe("pago recibido")
  })
})

describe("summarizeTemplate", () => {
  it("says which use a template fits", () => {
    const reminder = summarizeTemplate({
      id: "1",
      name: "cart_reminder",
      language: "es",
      status: "APPROVED",
      category: "MARKETING",
      components: [{ type: "BODY", text: "Hola {{1}}, tu carrito de {{2}} te espera." }, { type: "BUTTONS", buttons: [{ type: "URL", text: "Pagar", url: "https://shop.example/{{1}}" }] }],
    })
    expect(reminder).toMatchObject({ body_parameters: 2, url_button: { text: "Pagar", url: "https://shop.example/{{1}}" }, fits: { recovery: true, order_update: false } })
    const update = summarizeTemplate({ id: "2", name: "order_update", language: "es", status: "APPROVED", category: "UTILITY", components: [{ type: "BODY", text: "Tu pedido {{1}}: {{2}}" }] })
    expect(update.fits).toEqual({ recovery: false, order_update: true })
    expect(summarizeTemplate({ id: "3", name: "x", language: "es", status: "PENDING", category: "UTILITY", components: [{ type: "BODY", text: "{{1}} {{2}}" }] }).fits).toEqual({ recovery: false, order_update: false })
  })
})

describe("summarizeTemplate, what Meta would refuse", () => {
  const base = { id: "9", language: "es", status: "APPROVED", category: "MARKETING" }
  const body = { type: "BODY", text: "Hola {{1}}, {{2}}" }
  it("does not offer a template with a media header or header variables", () => {
    const image = summarizeTemplate({ ...base, name: "img", components: [{ type: "HEADER", format: "IMAGE" }, body, { type: "BUTTONS", buttons: [{ type: "URL", text: "Pagar", url: "https://x/{{1}}" }] }] })
    expect(image).toMatchObject({ header_needs: "IMAGE", fits: { recovery: false, order_update: false } })
    const textHeader = summarizeTemplate({ ...base, name: "t", components: [{ type: "HEADER", format: "TEXT", text: "Hola {{1}}" }, body] })
    expect(textHeader.header_needs).toBe("TEXT_PARAMETERS")
    const plainHeader = summarizeTemplate({ ...base, name: "p", components: [{ type: "HEADER", format: "TEXT", text: "Demo Moda" }, body] })
    expect(plainHeader).toMatchObject({ header_needs: null, fits: { order_update: true } })
  })
  it("offers a reminder template only when its link button is the first button", () => {
    const second = summarizeTemplate({ ...base, name: "s", components: [body, { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "No" }, { type: "URL", text: "Pagar", url: "https://x/{{1}}" }] }] })
    expect(second).toMatchObject({ url_button: { index: 1 }, fits: { recovery: false } })
  })
})
