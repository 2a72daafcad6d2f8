import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createHmac } from "node:crypto"
import path from "node:path"
import Stripe from "stripe"
import type { CatalogFixture } from "../helpers/catalog-fixtures"
import { createRegionsWorkflow, updateRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { addDeliveryZone, PROVIDERS, usePaymentSandbox, usePublicPort, whatsappOrder, createWhatsAppShop, sendWhatsAppCart } from "../helpers/checkout-fixtures"
import { ADDRESS, Browser, csrfOf, expectedTotalOf, payButtonMinor, submitCheckout } from "../helpers/checkout-browser"
import { postWebhook, TEST_ACCOUNT, useSandbox, waitFor, recordEvents } from "../helpers/whatsapp"
import { PAYMENT_SECRETS, TEST_ENCRYPTION_KEY } from "../host/secrets"

const cwd = path.join(__dirname, "../host")
const built = path.resolve(__dirname, "../../.medusa/server/src")
const CATALOG_ID = "200000000000029"
const CUSTOMER = "34611122233"
const fake = useSandbox({ accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID }], sendStatuses: false, pollsBeforeFinished: 1 })
const payments = usePaymentSandbox({ ...PAYMENT_SECRETS, deliverWebhooks: false })
const HOOK = {
  stripe: "/hooks/payment/stripe-checkout_stripe-checkout",
  razorpay: "/hooks/payment/razorpay-link_razorpay-link",
  paypal: "/hooks/payment/paypal_paypal",
}

usePublicPort()
const LUCIA = { wa_id: CUSTOMER, name: "Lucía Pérez" }

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const { createCheckoutToken } = require(path.join(built, "lib/checkout-token.js"))
    const { deriveKeys } = require(path.join(built, "lib/derived-keys.js"))
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    const sentTo = () => fake.sandbox.state.messages.filter((m: any) => m.to === CUSTOMER)
    const events = recordEvents(getContainer, ["whatsapp.checkout.completed", "whatsapp.cart.paid"])
    let fixture: CatalogFixture
    let admin: { headers: Record<string, string> }
    let variants: any[]
    let shippingOptionId: string

    beforeEach(async () => {
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      payments.payments.reset()
      payments.payments.configure({ deliverWebhooks: false })
      ;({ admin, fixture, variants, shippingOptionId } = await createWhatsAppShop(api, getContainer(), CATALOG_ID, [
        { title: "Camiseta Básica", sizes: ["M"], colors: ["Rojo", "Azul"], price: 19.9, image: true },
      ]))
    })

    /** The customer sends a cart from WhatsApp; returns the checkout path from the summary's button. */
    async function whatsappCart() {
      const before = sentTo().length
      await postWebhook(api.defaults.baseURL!, whatsappOrder(LUCIA, CATALOG_ID, [
        { id: variants[0].id, quantity: 2, price: 19.9 },
        { id: variants[1].id, quantity: 1, price: 19.9 },
      ]))
      const summary = await waitFor(async () => sentTo().slice(before).find((m: any) => m.body.interactive?.type === "cta_url"), { what: "the cart summary" })
      const url = new URL(summary.body.interactive.action.parameters.url)
      const [cart] = await rows(`select id, cart_id from whatsapp_cart order by created_at desc limit 1`)
      // `path` is the link from the chat (it carries the token); `page` the token-free page it leads to.
      return { path: url.pathname, page: `/whatsapp/checkout/s/${cart.id}`, token: url.pathname.split("/").pop()!, whatsappCartId: cart.id as string, cartId: cart.cart_id as string }
    }

    /** Fills the form and presses pay with the given provider; returns the redirect. */
    const pay = (browser: Browser, checkoutPath: string, providerId: string) => submitCheckout(browser, checkoutPath, shippingOptionId, providerId)

    const ordersFor = (cartId: string) => rows(`select order_id from order_cart where cart_id = ? and deleted_at is null`, [cartId])
    const deliver = (hook: string, event: { body: string; headers: Record<string, string> }) =>
      fetch(api.defaults.baseURL + hook, { method: "POST", headers: { ...event.headers, "content-type": "application/json" }, body: event.body })
    const control = async (pathname: string) => (await fetch(payments.url + pathname, { method: "POST" })).json()
    const paymentSession = async (cartId: string) =>
      (
        await rows(
          `select ps.id, ps.provider_id, ps.status, ps.data from payment_session ps
             join cart_payment_collection cpc on cpc.payment_collection_id = ps.payment_collection_id
            where cpc.cart_id = ? and ps.deleted_at is null order by ps.created_at desc limit 1`,
          [cartId]
        )
      )[0]

    const shippingChoices = (html: string) => [...html.matchAll(/name="shipping_option_id" value="([^"]+)"/g)].map((m) => m[1])
    let indiaOptionId = ""
    async function addIndiaDelivery(container: any, f: CatalogFixture) {
      const { result } = await createRegionsWorkflow(container).run({ input: { regions: [{ name: "India", currency_code: "inr", countries: ["in"] }] } })
      indiaOptionId = await addDeliveryZone(container, f, { zone: "India", country: "in", name: "Standard delivery", prices: [{ currency_code: "inr", amount: 99 }, { region_id: result[0].id, amount: 99 }] })
    }

    /** What the provider was asked to charge, in minor units, read from the payment fakes (or the order, for manual payment). */
    async function chargedMinor(provider: string, cartId: string): Promise<number> {
      const session = await paymentSession(cartId)
      const state = await (await fetch(`${payments.url}/__payments/state`)).json()
      switch (provider) {
        case "stripe":
          return state.stripe.sessions.find((s: any) => s.id === session.data.remote_id).amount_total
        case "razorpay":
          return state.razorpay.links.find((l: any) => l.id === session.data.remote_id).amount
        case "paypal":
          return Math.round(Number(state.paypal.orders.find((o: any) => o.id === session.data.remote_id).purchase_units[0].amount.value) * 100)
        default: {
          const [order] = await waitFor(() => ordersFor(cartId).then((o) => o.length && o), { what: "the manual order" })
          const { data } = await getContainer().resolve("query").graph({ entity: "order", fields: ["total"], filters: { id: order.order_id } })
          return Math.round(Number(data[0].total) * 100)
        }
      }
    }

    async function expectOneOrderAndConfirmation(cart: { cartId: string; whatsappCartId: string }, status = "paid") {
      const [order] = await waitFor(async () => {
        const found = await ordersFor(cart.cartId)
        return found.length && found
      }, { what: "the order", timeoutMs: 20_000 })
      const [row] = await waitFor(async () => {
        const found = await rows(`select status, order_id, paid_at from whatsapp_cart where id = ?`, [cart.whatsappCartId])
        return found[0]?.order_id && found
      }, { what: "the WhatsApp cart linked to the order" })
      expect(row).toMatchObject({ status, order_id: order.order_id })
      const confirmation = await waitFor(async () => sentTo().find((m: any) => /Pedido|pedido #/.test(m.body.text?.body ?? "")), { what: "the confirmation" })
      expect(confirmation.body.text.body).toContain("Camiseta Básica")
      expect(confirmation.body.text.body).toMatch(/Envío: 4,95/)
      expect(confirmation.body.text.body).toMatch(/Total: 64,65/) // 3 × 19,90 + 4,95 delivery
      await waitFor(async () => events["whatsapp.checkout.completed"]?.length, { what: "whatsapp.checkout.completed" })
      expect(events["whatsapp.checkout.completed"]).toEqual([
        expect.objectContaining({ order_id: order.order_id, whatsapp_cart_id: cart.whatsappCartId, cart_id: cart.cartId, status, total: 64.65 }),
      ])
      return order.order_id as string
    }

    describe("the hosted page", () => {
      it("shows the cart with Medusa's totals, a prefilled phone, delivery and the region's providers; bad links change nothing", async () => {
        const cart = await whatsappCart()
        const browser = new Browser(api.defaults.baseURL!)
        const page = await browser.get(cart.path)
        expect(page.status).toBe(200)
        expect(page.html).toContain('lang="es"')
        expect(page.html).toContain("Camiseta Básica")
        expect(page.html).toContain('value="+34611122233"')
        expect(page.html).toContain("Envío estándar")
        for (const id of Object.values(PROVIDERS)) expect(page.html).toContain(`value="${id}"`)
        expect(page.html).toMatch(/59,70/) // 3 × 19,90, before delivery is chosen

        expect((await browser.get(cart.path.replace(/.$/, (c) => (c === "A" ? "B" : "A")))).status).toBe(404)
        expect((await browser.get("/whatsapp/checkout/not-a-token")).status).toBe(404)
        const expired = createCheckoutToken(deriveKeys(Buffer.from(TEST_ENCRYPTION_KEY, "hex")).checkoutLinks, cart.whatsappCartId, new Date(Date.now() - 1000))
        const gone = await browser.get(`/whatsapp/checkout/${expired}`)
        expect(gone.status).toBe(410)
        expect(gone.html).toContain("Este enlace ha caducado")
      })

      it("moves the link's token into a cookie for a token-free page, and marks every checkout answer nosniff", async () => {
        const cart = await whatsappCart()
        const opened = await fetch(api.defaults.baseURL + cart.path, { redirect: "manual" })
        expect(opened.status).toBe(303)
        expect(opened.headers.get("location")).toBe(cart.page)
        expect(opened.headers.get("referrer-policy")).toBe("no-referrer")
        const [cookie] = opened.headers.getSetCookie()
        expect(cookie).toMatch(new RegExp(`^wa_checkout=${cart.token.replace(/[.]/g, "\\.")}; Path=${cart.page}; Max-Age=\\d+; HttpOnly; SameSite=Lax$`))

        const browser = new Browser(api.defaults.baseURL!)
        const page = await browser.get(cart.path)
        expect(page.status).toBe(200)
        expect(page.path).toBe(cart.page)
        // Nothing on the page, nor any address it posts or returns to, carries the token.
        expect(page.html).not.toContain(cart.token)
        expect(page.html).toContain(`action="${cart.page}"`)
        const location = await pay(browser, cart.path, PROVIDERS.stripe)
        const session = await paymentSession(cart.cartId)
        const remote = (await (await fetch(`${payments.url}/__payments/state`)).json()).stripe.sessions.find((s: any) => s.id === session.data.remote_id)
        expect(remote.success_url).toBe(`${process.env.WHATSAPP_PUBLIC_URL}${cart.page}/return`)
        expect(JSON.stringify(remote)).not.toContain(cart.token)
        expect(location).not.toContain(cart.token)

        // The page's address alone proves nothing: without the link's cookie it shows no cart and changes nothing.
        const stranger = new Browser(api.defaults.baseURL!)
        const reopen = await stranger.get(cart.page)
        expect(reopen.status).toBe(403)
        expect(reopen.html).toContain("Abre tu enlace de nuevo")
        expect(reopen.html).not.toContain("Camiseta")
        expect((await stranger.get(`${cart.page}/return`)).status).toBe(403)
        expect(await ordersFor(cart.cartId)).toHaveLength(0)

        const answers = [
          opened,
          ...(await Promise.all(
            [cart.page, `${cart.page}/return`, "/whatsapp/checkout/not-a-token", `/whatsapp/checkout/s/${cart.whatsappCartId}x`].map((p) =>
              fetch(api.defaults.baseURL + p, { headers: { cookie: browser.cookieHeader(p) }, redirect: "manual" })
            )
          )),
          await fetch(api.defaults.baseURL + cart.page, { method: "POST", headers: { cookie: browser.cookieHeader(cart.page), "content-type": "application/x-www-form-urlencoded" }, body: "intent=update" }),
          await fetch(api.defaults.baseURL + cart.page, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "content-length": "999999" }, body: "x" }).catch(() => null),
        ].filter((a): a is Response => !!a)
        expect(answers.map((a) => [a.url, a.status, a.headers.get("x-content-type-options")])).toEqual(answers.map((a) => [a.url, a.status, "nosniff"]))
      })

      it("offers only the delivery options Medusa prices for the cart's country, and asks for the country when the number doesn't tell", async () => {
        const container = getContainer()
        // A second region (India, INR) whose "Standard delivery" ships from the same warehouse,
        // and Portugal added to the EUR region: a Spanish cart must see neither India's option nor be unpriced.
        await addIndiaDelivery(container, fixture)
        await updateRegionsWorkflow(container).run({ input: { selector: { id: fixture.regionId }, update: { countries: ["es", "pt"] } } })

        const cart = await whatsappCart() // +34: ships to Spain
        const browser = new Browser(api.defaults.baseURL!)
        const page = await browser.get(cart.path)
        expect(page.html).toMatch(/Envío estándar<\/span><strong>4,95\s€/)
        expect(page.html).not.toContain("Standard delivery")
        expect(shippingChoices(page.html)).toEqual([shippingOptionId])

        // A customer whose number the region doesn't serve picks the country first; no option is shown before.
        const british = await sendWhatsAppCart(api.defaults.baseURL!, () => fake.sandbox.state.messages, rows, {
          waId: "447700900123", name: "Tom", catalogId: CATALOG_ID, items: [{ id: variants[0].id, quantity: 1, price: 19.9 }],
        })
        const uk = new Browser(api.defaults.baseURL!)
        const blank = await uk.get(british.checkoutPath)
        expect(shippingChoices(blank.html)).toEqual([])
        expect(blank.html).toContain("Elige tu país y pulsa Actualizar")
        // A forged choice of India's option is refused, and nothing is added to the cart.
        const forged = await uk.post(blank.path, { _csrf: csrfOf(blank.html), intent: "update", country_code: "pt", shipping_option_id: indiaOptionId })
        expect(forged.status).toBe(422)
        expect(await rows(`select id from cart_shipping_method where cart_id = ? and deleted_at is null`, [british.cart_id])).toHaveLength(0)
        const portugal = await uk.post(blank.path, { _csrf: csrfOf(forged.html), intent: "update", country_code: "pt" })
        expect(portugal.status).toBe(200)
        expect(portugal.html).toContain("Todavía no enviamos a esta dirección") // the fixture delivers to Spain only
      })

      it.each(Object.entries(PROVIDERS))("charges with %s exactly the amount on the pay button, which is Medusa's total with delivery", async (name, providerId) => {
        const cart = await whatsappCart()
        const browser = new Browser(api.defaults.baseURL!)
        const page = await browser.get(cart.path)
        expect(payButtonMinor(page.html)).toBe(5970) // 3 × 19,90: no delivery chosen yet
        expect(page.html).toContain("Se añade al elegir la entrega")
        const fields = { intent: "pay", ...ADDRESS, shipping_option_id: shippingOptionId, provider_id: providerId }

        // Pressing "Pagar 59,70 €" adds delivery: nothing is charged, the page shows the new total and why.
        const changed = await browser.post(cart.page, { _csrf: csrfOf(page.html), expected_total: expectedTotalOf(page.html), ...fields })
        expect(changed.status).toBe(409)
        expect(changed.html).toContain("Tu total ahora es 64,65\u00a0€ (envío de 4,95\u00a0€ añadido)")
        expect(payButtonMinor(changed.html)).toBe(6465)
        expect(await paymentSession(cart.cartId)).toBeUndefined()

        const paid = await browser.post(cart.page, { _csrf: csrfOf(changed.html), expected_total: expectedTotalOf(changed.html), ...fields })
        expect(paid.status).toBe(303)
        expect(await chargedMinor(name, cart.cartId)).toBe(payButtonMinor(changed.html))
      })

      it("refuses a post without the CSRF token, reports each bad field, and edits quantities through Medusa", async () => {
        const cart = await whatsappCart()
        const browser = new Browser(api.defaults.baseURL!)
        const page = await browser.get(cart.path)
        const [line] = await rows(`select id from cart_line_item where cart_id = ? and variant_id = ?`, [cart.cartId, variants[0].id])

        // Another browser that opened the same link has its own CSRF nonce: neither no field nor this browser's field passes.
        const other = new Browser(api.defaults.baseURL!)
        expect((await other.get(cart.path)).status).toBe(200)
        const forged = await other.post(cart.page, { intent: "update", [`qty_${line.id}`]: "5" })
        expect(forged.status).toBe(403)
        expect(forged.html).toContain("La página caducó")
        const stolenField = await other.post(cart.page, { _csrf: csrfOf(page.html), intent: "update", [`qty_${line.id}`]: "5" })
        expect(stolenField.status).toBe(403)
        // A browser that never opened the link (a cross-site form post carries no SameSite=Lax cookie) gets nothing at all.
        const stranger = await new Browser(api.defaults.baseURL!).post(cart.page, { _csrf: csrfOf(page.html), intent: "update", [`qty_${line.id}`]: "5" })
        expect(stranger.status).toBe(403)
        expect(stranger.html).not.toContain("Camiseta")
        expect((await rows(`select quantity from cart_line_item where id = ?`, [line.id]))[0].quantity).toBe(2)

        const invalid = await browser.post(cart.page, { _csrf: csrfOf(page.html), intent: "pay", ...ADDRESS, email: "lucia@", postal_code: "", provider_id: PROVIDERS.manual })
        expect(invalid.status).toBe(422)
        expect(invalid.html).toContain("Escribe un correo válido")
        expect(invalid.html).toMatch(/postal_code"[^>]*>\s*<div class="err" role="alert">Obligatorio/)
        expect(invalid.html).toContain('value="lucia@"')
        expect(await ordersFor(cart.cartId)).toHaveLength(0)

        const updated = await browser.post(cart.page, { _csrf: csrfOf(invalid.html), intent: "update", [`qty_${line.id}`]: "3" })
        expect(updated.status).toBe(200)
        expect((await rows(`select quantity from cart_line_item where id = ?`, [line.id]))[0].quantity).toBe(3)
        const removed = await browser.post(cart.page, { _csrf: csrfOf(updated.html), intent: `remove:${line.id}` })
        expect(removed.status).toBe(200)
        expect(await rows(`select id from cart_line_item where id = ? and deleted_at is null`, [line.id])).toHaveLength(0)
        const badQty = await browser.post(cart.page, { _csrf: csrfOf(removed.html), intent: "update", ...Object.fromEntries((await rows(`select id from cart_line_item where cart_id = ? and deleted_at is null`, [cart.cartId])).map((l: any) => [`qty_${l.id}`, "-4"])) })
        expect(badQty.status).toBe(422)
        expect(badQty.html).toContain("Escribe una cantidad de 0 a 99")
      })
    })

    describe("Stripe Checkout", () => {
      it("creates a Checkout Session, turns one signed webhook ×10 into one order, rejects a bad signature, and confirms in the chat", async () => {
        const cart = await whatsappCart()
        const browser = new Browser(api.defaults.baseURL!)
        const location = await pay(browser, cart.path, PROVIDERS.stripe)
        expect(location).toMatch(new RegExp(`^${payments.url}/stripe/pay/cs_test_`))
        const session = await paymentSession(cart.cartId)
        expect(session).toMatchObject({ provider_id: PROVIDERS.stripe, status: "pending" })
        expect(session.data).toMatchObject({ remote_id: expect.stringMatching(/^cs_test_/), checkout_url: location })
        const remote = (await (await fetch(`${payments.url}/__payments/state`)).json()).stripe.sessions.find((s: any) => s.id === session.data.remote_id)
        expect(remote).toMatchObject({ amount_total: 6465, currency: "eur", metadata: { session_id: session.id }, customer_email: ADDRESS.email })

        const { events: [completed] } = await control(`/__payments/stripe/sessions/${session.data.remote_id}/pay`)
        expect(completed.type).toBe("checkout.session.completed")

        const forged = await deliver(HOOK.stripe, { body: completed.body.replace('"paid"', '"paid" '), headers: completed.headers })
        expect(forged.status).toBe(400)
        const wrongSecret = Stripe.webhooks.generateTestHeaderString({ payload: completed.body, secret: "whsec_wrong" })
        expect((await deliver(HOOK.stripe, { body: completed.body, headers: { "stripe-signature": wrongSecret } })).status).toBe(400)
        // A 400 from verifyPaymentWebhook means nothing was queued: no order, now or later.
        expect(await ordersFor(cart.cartId)).toHaveLength(0)

        const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(HOOK.stripe, completed)))
        expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200))
        const orderId = await expectOneOrderAndConfirmation(cart)
        await new Promise((r) => setTimeout(r, 1_500))
        expect(await ordersFor(cart.cartId)).toHaveLength(1)
        const [payment] = await rows(`select p.captured_at, p.amount from payment p join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id where opc.order_id = ?`, [orderId])
        expect(payment.captured_at).not.toBeNull()

        // The customer's return lands on the confirmation; the page for the paid link is a clear "already placed".
        const back = await browser.get(`${cart.page}/return`)
        expect(back.status).toBe(200)
        expect(back.html).toMatch(/pedido #\d+ está confirmado/)
        expect((await browser.get(cart.path)).status).toBe(409)
      })

      it("completes on the customer's return before any webhook, and a late, out-of-order webhook adds nothing", async () => {
        const cart = await whatsappCart()
        const browser = new Browser(api.defaults.baseURL!)
        await pay(browser, cart.path, PROVIDERS.stripe)
        const session = await paymentSession(cart.cartId)
        const pending = await browser.get(`${cart.page}/return`)
        expect(pending.status).toBe(202) // not paid yet: the page waits
        expect(await ordersFor(cart.cartId)).toHaveLength(0)

        const { events: [completed] } = await control(`/__payments/stripe/sessions/${session.data.remote_id}/pay`)
        const back = await browser.get(`${cart.page}/return`)
        expect(back.status).toBe(200)
        await expectOneOrderAndConfirmation(cart)
        // The webhook arrives after the order, then an expiry notice for the same session arrives even later.
        expect((await deliver(HOOK.stripe, completed)).status).toBe(200)
        const expiredBody = JSON.stringify({ ...JSON.parse(completed.body), id: "evt_late_expired", type: "checkout.session.expired" })
        const header = Stripe.webhooks.generateTestHeaderString({ payload: expiredBody, secret: PAYMENT_SECRETS.stripe.webhookSecret })
        expect((await deliver(HOOK.stripe, { body: expiredBody, headers: { "stripe-signature": header } })).status).toBe(200)
        await new Promise((r) => setTimeout(r, 1_500))
        expect(await ordersFor(cart.cartId)).toHaveLength(1)
        expect(sentTo().filter((m: any) => m.body.interactive?.action?.parameters?.display_text === "Reintentar")).toHaveLength(0)
      })

      it("reads the payment before completing: returning before paying starts no cart completion, returning after paying does", async () => {
        const cart = await whatsappCart()
        const browser = new Browser(api.defaults.baseURL!)
        await pay(browser, cart.path, PROVIDERS.stripe)
        const session = await paymentSession(cart.cartId)
        const completions = async () =>
          Number((await rows(`select count(*) as n from workflow_execution where workflow_id = 'complete-cart' and context::text like ?`, [`%${cart.cartId}%`]))[0].n)
        for (let i = 0; i < 3; i++) {
          const early = await browser.get(`${cart.page}/return`)
          expect(early.status).toBe(202) // "confirming your payment…": the page refreshes itself
          expect(early.html).toContain("Confirmando tu pago")
        }
        expect(await completions()).toBe(0)
        expect(await ordersFor(cart.cartId)).toHaveLength(0)
        expect((await paymentSession(cart.cartId)).status).toBe("pending")

        await control(`/__payments/stripe/sessions/${session.data.remote_id}/pay`)
        const back = await browser.get(`${cart.page}/return`)
        expect(back.status).toBe(200)
        expect(back.html).toMatch(/pedido #\d+ está confirmado/)
        await expectOneOrderAndConfirmation(cart)
        expect(await completions()).toBeGreaterThanOrEqual(1)
      })

      it("answers an expired payment page with one message carrying a fresh link", async () => {
        const cart = await whatsappCart()
        const browser = new Browser(api.defaults.baseURL!)
        await pay(browser, cart.path, PROVIDERS.stripe)
        const session = await paymentSession(cart.cartId)
        const { events: [expired] } = await control(`/__payments/stripe/sessions/${session.data.remote_id}/fail`)
        expect(expired.type).toBe("checkout.session.expired")
        for (let i = 0; i < 3; i++) expect((await deliver(HOOK.stripe, expired)).status).toBe(200)
        const retry = await waitFor(async () => sentTo().find((m: any) => m.body.interactive?.action?.parameters?.display_text === "Reintentar"), { what: "the retry message" })
        expect(retry.body.interactive.body.text).toContain("caducó")
        const fresh = new URL(retry.body.interactive.action.parameters.url)
        expect(fresh.pathname).not.toBe(cart.path)
        expect((await browser.get(fresh.pathname)).status).toBe(200)
        await new Promise((r) => setTimeout(r, 1_000))
        expect(sentTo().filter((m: any) => m.body.interactive?.action?.parameters?.display_text === "Reintentar")).toHaveLength(1)
        expect(await ordersFor(cart.cartId)).toHaveLength(0)
      })
    })

    describe("Razorpay Payment Links", () => {
      it("ties the link to the session, takes payment_link.paid ×10 as one order, rejects a bad signature, ignores a late failure", async () => {
        const cart = await whatsappCart()
        const location = await pay(new Browser(api.defaults.baseURL!), cart.path, PROVIDERS.razorpay)
        expect(location).toMatch(new RegExp(`^${payments.url}/razorpay/pay/plink_`))
        const session = await paymentSession(cart.cartId)
        const state = await (await fetch(`${payments.url}/__payments/state`)).json()
        const link = state.razorpay.links.find((l: any) => l.id === session.data.remote_id)
        expect(link).toMatchObject({ reference_id: session.id, amount: 6465, currency: "EUR", status: "created" })

        const { events: [paid] } = await control(`/__payments/razorpay/links/${link.id}/pay`)
        expect(paid.type).toBe("payment_link.paid")
        const forged = await deliver(HOOK.razorpay, { body: paid.body, headers: { ...paid.headers, "x-razorpay-signature": "0".repeat(64) } })
        expect(forged.status).toBe(400)
        // A 400 from verifyPaymentWebhook means nothing was queued: no order, now or later.
        expect(await ordersFor(cart.cartId)).toHaveLength(0)

        await Promise.all(Array.from({ length: 10 }, () => deliver(HOOK.razorpay, paid)))
        await expectOneOrderAndConfirmation(cart)
        // A failed attempt reported after the payment (events arrive in any order) sends no retry.
        const paidEvent = JSON.parse(paid.body)
        const failedBody = JSON.stringify({
          ...paidEvent,
          event: "payment.failed",
          contains: ["payment"],
          payload: { payment: { entity: { ...paidEvent.payload.payment.entity, status: "failed", notes: { session_id: session.id } } } },
        })
        const failedSignature = createHmac("sha256", PAYMENT_SECRETS.razorpay.webhookSecret).update(failedBody).digest("hex")
        const late = await deliver(HOOK.razorpay, { body: failedBody, headers: { "x-razorpay-signature": failedSignature, "x-razorpay-event-id": "evt_late_failure" } })
        expect(late.status).toBe(200)
        await new Promise((r) => setTimeout(r, 1_500))
        expect(await ordersFor(cart.cartId)).toHaveLength(1)
        expect(sentTo().filter((m: any) => m.body.interactive?.action?.parameters?.display_text === "Reintentar")).toHaveLength(0)
      })
    })

    describe("PayPal Orders v2", () => {
      it("creates an order, captures on approval, verifies webhooks with PayPal, and makes one order whatever the order of events", async () => {
        const cart = await whatsappCart()
        const location = await pay(new Browser(api.defaults.baseURL!), cart.path, PROVIDERS.paypal)
        expect(location).toMatch(new RegExp(`^${payments.url}/paypal/checkoutnow\\?token=`))
        const session = await paymentSession(cart.cartId)
        const orderId = session.data.remote_id

        const { events: [approved] } = await control(`/__payments/paypal/orders/${orderId}/approve`)
        expect(approved.type).toBe("CHECKOUT.ORDER.APPROVED")
        const tampered = approved.body.replace(orderId, `${orderId}X`)
        expect((await deliver(HOOK.paypal, { body: tampered, headers: approved.headers })).status).toBe(400)

        await Promise.all(Array.from({ length: 10 }, () => deliver(HOOK.paypal, approved)))
        await expectOneOrderAndConfirmation(cart)
        const state = await waitFor(async () => {
          const s = await (await fetch(`${payments.url}/__payments/state`)).json()
          return s.events.some((e: any) => e.type === "PAYMENT.CAPTURE.COMPLETED") && s
        }, { what: "PayPal's capture event" })
        expect(state.paypal.orders.find((o: any) => o.id === orderId).status).toBe("COMPLETED")
        // The capture event comes after the order; delivered twice, it changes nothing.
        const captured = state.events.find((e: any) => e.type === "PAYMENT.CAPTURE.COMPLETED")
        expect((await deliver(HOOK.paypal, captured)).status).toBe(200)
        expect((await deliver(HOOK.paypal, captured)).status).toBe(200)
        await new Promise((r) => setTimeout(r, 1_500))
        expect(await ordersFor(cart.cartId)).toHaveLength(1)
      })
    })

    describe("manual payment", () => {
      it("places the order awaiting payment, and mark-as-paid captures it once and tells the customer", async () => {
        const cart = await whatsappCart()
        const browser = new Browser(api.defaults.baseURL!)
        const location = await pay(browser, cart.path, PROVIDERS.manual)
        expect(location).toBe(`${process.env.WHATSAPP_PUBLIC_URL}${cart.page}/return`)
        const done = await browser.get(`${cart.page}/return`)
        expect(done.html).toMatch(/Lo enviaremos en cuanto recibamos el pago/)
        const orderId = await expectOneOrderAndConfirmation(cart, "ordered")
        // The admin sees the order's total beside the cart's, and why they differ.
        const listed = await api.get(`/admin/whatsapp/carts?order_id=${orderId}`, admin)
        expect(listed.data.carts[0]).toMatchObject({ total: 59.7, order_total_note: { order_total: 64.65, reason: "delivery", delivery: 4.95 } })
        const [before] = await rows(`select p.captured_at from payment p join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id where opc.order_id = ?`, [orderId])
        expect(before.captured_at).toBeNull()

        const marked = await api.post(`/admin/whatsapp/carts/${cart.whatsappCartId}/mark-paid`, {}, admin)
        expect(marked.status).toBe(200)
        expect(marked.data).toMatchObject({ order_id: orderId, already_paid: false, cart: { status: "paid" } })
        const [after] = await rows(`select p.captured_at from payment p join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id where opc.order_id = ?`, [orderId])
        expect(after.captured_at).not.toBeNull()
        await waitFor(async () => sentTo().find((m: any) => /Hemos recibido el pago del pedido #\d+/.test(m.body.text?.body ?? "")), { what: "the receipt" })
        await waitFor(async () => events["whatsapp.cart.paid"]?.length, { what: "whatsapp.cart.paid" })

        const again = await api.post(`/admin/whatsapp/carts/${cart.whatsappCartId}/mark-paid`, {}, admin)
        expect(again.data).toMatchObject({ already_paid: true, captured_payment_ids: [] })
        await new Promise((r) => setTimeout(r, 800))
        expect(sentTo().filter((m: any) => /Hemos recibido el pago/.test(m.body.text?.body ?? ""))).toHaveLength(1)
        expect(events["whatsapp.cart.paid"]).toHaveLength(1)
      })

      it("refuses to mark paid a cart with no order yet", async () => {
        const cart = await whatsappCart()
        const res = await api.post(`/admin/whatsapp/carts/${cart.whatsappCartId}/mark-paid`, {}, admin).catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/not placed the order yet/)
      })
    })

    describe("starting a payment", () => {
      it("records the chosen provider with the session, and a session Medusa refuses leaves the earlier choice", async () => {
        const { startWhatsAppCheckoutPaymentWorkflow } = require(path.join(built, "workflows/index.js"))
        const cart = await whatsappCart()
        const [{ payment_collection_id }] = await rows(`select payment_collection_id from cart_payment_collection where cart_id = ?`, [cart.cartId])
        const start = (collection: string, provider: string) =>
          startWhatsAppCheckoutPaymentWorkflow(getContainer()).run({
            input: { whatsapp_cart_id: cart.whatsappCartId, payment_collection_id: collection, provider_id: provider, data: {} },
          })
        const provider = async () => (await rows(`select payment_provider_id from whatsapp_cart where id = ?`, [cart.whatsappCartId]))[0].payment_provider_id

        const { result } = await start(payment_collection_id, PROVIDERS.manual)
        expect(result).toMatchObject({ payment_session_id: expect.stringMatching(/^payses_/), checkout_url: null })
        expect(await provider()).toBe(PROVIDERS.manual)

        await expect(start("paycol_does_not_exist", PROVIDERS.stripe)).rejects.toBeTruthy()
        expect(await provider()).toBe(PROVIDERS.manual)
      })
    })
  },
})
