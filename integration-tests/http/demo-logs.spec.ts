import { ADDRESS, Browser, csrfOf, expectedTotalOf } from "../helpers/checkout-browser"
import { DemoPorts, demoPorts, startDemo, stopDemo } from "../helpers/demo-process"
import { waitFor } from "../helpers/wait-for"
import fs from "node:fs"

/**
 * The demo runs as a merchant runs Medusa (production mode) with its access log on.
 * After a whole purchase — a question, a search, a cart, the checkout, the
 * fake Stripe page, the return and the webhook — nothing in its whole output
 * names the customer: no phone, e-mail, address, message text, checkout
 * token or checkout link.
 */
const ports: DemoPorts = demoPorts()
const store = `http://localhost:${ports.port}`
const sandbox = `http://127.0.0.1:${ports.sandboxPort}`
const payments = `http://127.0.0.1:${ports.paymentsPort}`
const PHONE = "34655443322"
const NATIONAL = "655443322"
const TEXTS = ["Hola, ¿tenéis camisetas de lino?", "Quiero pagar contra reembolso mañana"]
const CUSTOMER = { ...ADDRESS, email: "marta.quintana@example.net", address_1: "Avenida de Zumalacárregui 71", city: "Villaviciosa de Odón", phone: `+${PHONE}` }

const json = async (url: string, body?: unknown) =>
  (await fetch(url, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()
const conversation = async () => (await json(`${sandbox}/__sandbox/conversation?phone=${PHONE}`)).messages as any[]
const fromBusiness = async () => (await conversation()).filter((m) => m.direction === "business")

describe("the demo's log after a purchase", () => {
  let demo: ReturnType<typeof startDemo>
  let link = ""
  let token = ""

  beforeAll(async () => {
    // `http` is the level Medusa writes its access log at (one JSON line per request in production mode).
    demo = startDemo(ports, { LOG_LEVEL: "http" })
    await demo.ready
  }, 600_000)

  afterAll(async () => {
    if (demo) await stopDemo(demo.child)
    fs.rmSync(ports.stateDir, { recursive: true, force: true })
  })

  it("buys over WhatsApp and the hosted checkout, paying on the fake Stripe page", async () => {
    const { accounts } = await json(`${sandbox}/__sandbox/business`)
    const account = accounts[0]
    const inbound = (body: Record<string, unknown>) => json(`${sandbox}/__sandbox/inbound`, { phone_number_id: account.phone_number_id, from: PHONE, name: "Marta Quintana", ...body })

    const before = (await fromBusiness()).length
    for (const text of TEXTS) expect((await inbound({ text })).webhook_status).toBe(200)
    await waitFor(async () => (await fromBusiness()).length >= before + 2, { what: "the answers to both texts", timeoutMs: 60_000 })

    const catalog = await json(`${sandbox}/__sandbox/catalog?id=${account.catalog_id}`)
    const item = catalog.items.find((i: any) => i.availability === "in stock" && i.visibility !== "staging") ?? catalog.items[0]
    const [value, currency] = String(item.price).split(" ")
    const answered = (await fromBusiness()).length
    await inbound({ type: "order", product_items: [{ product_retailer_id: item.retailer_id ?? item.id, quantity: 2, item_price: Number(value), currency }] })
    const summary = await waitFor(
      async () => (await fromBusiness()).slice(answered).find((m) => JSON.stringify(m).includes("/whatsapp/checkout/")),
      { what: "the cart summary with its link", timeoutMs: 60_000 }
    )
    link = /https?:\/\/[^"\s]+\/whatsapp\/checkout\/[^"\s]+/.exec(JSON.stringify(summary))![0]
    token = new URL(link).pathname.split("/").pop()!

    const browser = new Browser(store)
    const page = await browser.get(new URL(link).pathname)
    expect(page.status).toBe(200)
    const option = /name="shipping_option_id" value="([^"]+)"/.exec(page.html)![1]
    const fields = { intent: "pay", ...CUSTOMER, shipping_option_id: option, provider_id: "pp_stripe-checkout_stripe-checkout" }
    let paid = await browser.post(page.path, { _csrf: csrfOf(page.html), expected_total: expectedTotalOf(page.html), ...fields })
    if (paid.status === 409) paid = await browser.post(page.path, { _csrf: csrfOf(paid.html), expected_total: expectedTotalOf(paid.html), ...fields })
    expect(paid.status).toBe(303)
    const session = /\/stripe\/pay\/(cs_[A-Za-z0-9_]+)/.exec(paid.location!)![1]
    const { redirect } = await json(`${payments}/__payments/stripe/sessions/${session}/pay`, {})
    const back = new URL(redirect)
    const done = await waitFor(async () => {
      const res = await browser.get(back.pathname + back.search)
      return res.status === 200 && res
    }, { what: "the order page after paying", timeoutMs: 60_000 })
    expect(done.html).toMatch(/#\d+/)
    await waitFor(async () => (await fromBusiness()).some((m) => /Pago recibido|confirmado|Pedido/i.test(JSON.stringify(m))), { what: "the confirmation", timeoutMs: 60_000 })
  }, 300_000)

  it("names neither the customer nor their checkout anywhere in its output", async () => {
    expect(link).not.toBe("")
    const log = demo.output()
    const secrets = {
      phone: PHONE,
      "national number": NATIONAL,
      email: CUSTOMER.email,
      address: CUSTOMER.address_1,
      city: CUSTOMER.city,
      ...Object.fromEntries(TEXTS.map((t, i) => [`message ${i + 1}`, t])),
      "checkout token": token,
      "checkout token signature": token.split(".").pop()!,
      "checkout link": link,
    }
    const found = Object.entries(secrets)
      .filter(([, value]) => log.includes(value) || log.includes(encodeURIComponent(value)) || log.includes(JSON.stringify(value).slice(1, -1)))
      .map(([what, value]) => `${what}: …${log.slice(Math.max(0, log.indexOf(value) - 160), log.indexOf(value) + value.length + 40)}…`)
    expect(found).toEqual([])
    // The access log was on: the checkout's requests are there, only without what identifies the customer.
    expect(log).toMatch(/"path":"\/whatsapp\/checkout\//)
  })
})
