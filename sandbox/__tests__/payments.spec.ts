import http from "node:http"
import type { AddressInfo } from "node:net"
import Stripe from "stripe"
import Razorpay from "razorpay"
import { ApiError, CheckoutPaymentIntent, Client, Environment, OrdersController } from "@paypal/paypal-server-sdk"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createPaymentSandbox } = require("../payments")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { validatePaymentVerification } = require("razorpay/dist/utils/razorpay-utils")

type SandboxEvent = { type: string; id: string; body: string; headers: Record<string, string>; delivered_status: number | null }
type ControlResult = { object: any; events: SandboxEvent[]; redirect: string | null }

/** The fakes must refuse what the real services refuse, and sign exactly like them. */
describe("payment providers sandbox", () => {
  const sandbox = createPaymentSandbox()
  let url: string
  let port: number
  const now = () => Math.floor(Date.now() / 1000)
  const control = async (path: string): Promise<ControlResult> => {
    const res = await fetch(`${url}/__payments/${path}`, { method: "POST" })
    expect(res.status).toBe(200)
    return res.json()
  }
  const state = () => fetch(`${url}/__payments/state`).then((r) => r.json())
  const refusal = <T>(p: Promise<T>) => p.then(() => null as any, (e: any) => e)

  beforeAll(async () => {
    url = await sandbox.listen(0)
    port = Number(new URL(url).port)
  })
  afterAll(() => sandbox.close())

  describe("Stripe Checkout", () => {
    let stripe: Stripe
    beforeAll(() => {
      stripe = new Stripe("sk_test_sandbox", { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 })
    })
    const params = (over: Record<string, unknown> = {}): Stripe.Checkout.SessionCreateParams => ({
      mode: "payment",
      currency: "eur",
      success_url: "https://shop.example/ok?cs={CHECKOUT_SESSION_ID}",
      cancel_url: "https://shop.example/cancel",
      customer_email: "ana@example.com",
      client_reference_id: "cart_1",
      metadata: { session_id: "payses_1" },
      expires_at: now() + 3600,
      line_items: [
        { quantity: 2, price_data: { currency: "eur", unit_amount: 1990, product_data: { name: "Camiseta <azul>" } } },
        { quantity: 1, price_data: { currency: "eur", unit_amount: 500, product_data: { name: "Envío" } } },
      ],
      ...over,
    })

    it("creates, retrieves, pays and emits a checkout.session.completed that constructEvent accepts", async () => {
      const session = await stripe.checkout.sessions.create(params())
      expect(session).toMatchObject({ object: "checkout.session", status: "open", payment_status: "unpaid", amount_total: 4480, amount_subtotal: 4480, currency: "eur", metadata: { session_id: "payses_1" }, client_reference_id: "cart_1", payment_intent: null, livemode: false, mode: "payment" })
      expect(session.id).toMatch(/^cs_test_/)
      expect(session.url).toBe(`${url}/stripe/pay/${session.id}`)
      const fetched = await stripe.checkout.sessions.retrieve(session.id)
      expect(fetched.id).toBe(session.id)

      const page = await fetch(session.url!)
      const html = await page.text()
      expect(page.status).toBe(200)
      expect(html).toContain("Stripe Checkout (sandbox)")
      expect(html).toContain("Camiseta &lt;azul&gt;")
      expect(html).toContain("€44.80")
      expect(html).toContain(`action="/stripe/pay/${session.id}/pay"`)

      const paid = await control(`stripe/sessions/${session.id}/pay`)
      expect(paid.redirect).toBe(`https://shop.example/ok?cs=${session.id}`)
      expect(paid.object).toMatchObject({ status: "complete", payment_status: "paid" })
      const [raw] = paid.events
      const event = stripe.webhooks.constructEvent(raw.body, raw.headers["Stripe-Signature"], "whsec_sandbox", 300)
      expect(event).toMatchObject({ object: "event", type: "checkout.session.completed", livemode: false, request: { id: null, idempotency_key: null } })
      const obj = event.data.object as Stripe.Checkout.Session
      expect(obj.payment_intent).toMatch(/^pi_/)
      expect(obj.customer_details?.email).toBe("ana@example.com")
      expect(() => stripe.webhooks.constructEvent(raw.body.replace("4480", "1"), raw.headers["Stripe-Signature"], "whsec_sandbox", 300)).toThrow(Stripe.errors.StripeSignatureVerificationError)

      const again = await stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] })
      expect((again.payment_intent as Stripe.PaymentIntent).status).toBe("succeeded")
      expect((await fetch(session.url!)).status).toBe(409)
      const expireError = await refusal(stripe.checkout.sessions.expire(session.id))
      expect(expireError).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)

      const refund = await stripe.refunds.create({ payment_intent: obj.payment_intent as string, amount: 500 })
      expect(refund).toMatchObject({ object: "refund", amount: 500, status: "succeeded" })
      expect(await refusal(stripe.refunds.create({ payment_intent: obj.payment_intent as string, amount: 5000 }))).toMatchObject({ code: "amount_too_large" })
    })

    it("rejects a wrong API key with StripeAuthenticationError", async () => {
      const bad = new Stripe("sk_test_wrong", { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 })
      const err = await refusal(bad.checkout.sessions.create(params()))
      expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
      expect(err.statusCode).toBe(401)
    })

    it("validates parameters like Stripe", async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: -5, product_data: { name: "x" } } }] }, "line_items[0][price_data][unit_amount]"],
        [{ line_items: [{ quantity: 1, price_data: { currency: "eu", unit_amount: 100, product_data: { name: "x" } } }] }, "line_items[0][price_data][currency]"],
        [{ line_items: undefined }, "line_items"],
        [{ success_url: undefined }, "success_url"],
        [{ success_url: "not a url" }, "success_url"],
        [{ expires_at: now() + 60 }, "expires_at"],
        [{ expires_at: now() + 25 * 3600 }, "expires_at"],
        [{ metadata: { ["k".repeat(41)]: "v" } }, `metadata[${"k".repeat(41)}]`],
        [{ metadata: { note: "v".repeat(501) } }, "metadata[note]"],
        [{ bogus: "1" }, "bogus"],
      ]
      for (const [over, param] of cases) {
        const err = await refusal(stripe.checkout.sessions.create(params(over)))
        expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
        expect(err.param).toBe(param)
      }
    })

    it("honours Idempotency-Key: same body replays, a different body is an idempotency_error", async () => {
      const body = params({ expires_at: now() + 7200 })
      const first = await stripe.checkout.sessions.create(body, { idempotencyKey: "idem-1" })
      const replay = await stripe.checkout.sessions.create(body, { idempotencyKey: "idem-1" })
      expect(replay.id).toBe(first.id)
      expect(replay.lastResponse.headers["idempotent-replayed"]).toBe("true")
      const other = await refusal(stripe.checkout.sessions.create({ ...body, client_reference_id: "cart_2" }, { idempotencyKey: "idem-1" }))
      expect(other).toBeInstanceOf(Stripe.errors.StripeIdempotencyError)
      // A request that fails validation saves nothing under its key.
      expect(await refusal(stripe.checkout.sessions.create({ ...body, success_url: "nope" }, { idempotencyKey: "idem-2" }))).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
      expect((await stripe.checkout.sessions.create(body, { idempotencyKey: "idem-2" })).id).not.toBe(first.id)
    })

    it("expires on Fail, emits checkout.session.expired and returns to cancel_url", async () => {
      const session = await stripe.checkout.sessions.create(params())
      const res = await fetch(`${url}/stripe/pay/${session.id}/fail`, { method: "POST", redirect: "manual" })
      expect(res.status).toBe(303)
      expect(res.headers.get("location")).toBe("https://shop.example/cancel")
      expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("expired")
      const events = (await state()).events.filter((e: any) => e.type === "checkout.session.expired")
      const last = events[events.length - 1]
      expect(stripe.webhooks.constructEvent(last.body, last.headers["Stripe-Signature"], "whsec_sandbox", 300).type).toBe("checkout.session.expired")
      const fresh = await stripe.checkout.sessions.create(params())
      expect((await stripe.checkout.sessions.expire(fresh.id)).status).toBe("expired")
    })
  })

  describe("Razorpay Payment Links", () => {
    const rzp = new Razorpay({ key_id: "rzp_test_sandbox", key_secret: "rzp_secret_sandbox" })
    beforeAll(() => {
      ;(rzp as any).api.rq.defaults.baseURL = url
    })
    const link = (over: Record<string, unknown> = {}) => ({
      amount: 49900,
      currency: "INR",
      reference_id: `ord_${Math.random().toString(36).slice(2, 10)}`,
      description: "Pedido <b>1</b>",
      customer: { name: "Ana", contact: "+919000090000", email: "ana@example.com" },
      notify: { sms: false, email: false },
      notes: { session_id: "payses_1" },
      callback_url: "https://shop.example/rzp/return",
      callback_method: "get",
      expire_by: now() + 3600,
      ...over,
    })

    it("creates, fetches, refuses a duplicate reference_id, pays with a verifiable webhook and callback", async () => {
      const body = link()
      const created: any = await rzp.paymentLink.create(body as any)
      expect(created).toMatchObject({ status: "created", amount: 49900, amount_paid: 0, currency: "INR", reference_id: body.reference_id, callback_method: "get", payments: null })
      expect(created.id).toMatch(/^plink_/)
      expect(created.short_url).toBe(`${url}/razorpay/pay/${created.id}`)
      expect(await rzp.paymentLink.fetch(created.id)).toMatchObject({ id: created.id, status: "created" })

      const dup = await refusal(rzp.paymentLink.create(body as any))
      expect(dup).toMatchObject({ statusCode: 400, error: { code: "BAD_REQUEST_ERROR", field: "reference_id", source: "business", reason: "input_validation_failed" } })

      const html = await (await fetch(created.short_url)).text()
      expect(html).toContain("Razorpay Payment Link (sandbox)")
      expect(html).toContain("Pedido &lt;b&gt;1&lt;/b&gt;")
      expect(html).toContain("₹499.00")

      const paid = await control(`razorpay/links/${created.id}/pay`)
      const [event] = paid.events
      expect(Razorpay.validateWebhookSignature(event.body, event.headers["X-Razorpay-Signature"], "rzp_whsec_sandbox")).toBe(true)
      expect(Razorpay.validateWebhookSignature(event.body + " ", event.headers["X-Razorpay-Signature"], "rzp_whsec_sandbox")).toBe(false)
      const payload = JSON.parse(event.body)
      expect(payload).toMatchObject({ entity: "event", event: "payment_link.paid", contains: ["payment_link", "order", "payment"] })
      expect(payload.payload.payment_link.entity).toMatchObject({ id: created.id, status: "paid", amount_paid: 49900 })
      expect(payload.payload.payment.entity).toMatchObject({ status: "captured", captured: true, amount: 49900 })
      expect(event.headers["X-Razorpay-Event-Id"]).toBeTruthy()

      const cb = new URL(paid.redirect!)
      expect(`${cb.origin}${cb.pathname}`).toBe("https://shop.example/rzp/return")
      const q = Object.fromEntries(cb.searchParams)
      expect(q).toMatchObject({ razorpay_payment_link_id: created.id, razorpay_payment_link_reference_id: body.reference_id, razorpay_payment_link_status: "paid" })
      const verification = { payment_link_id: q.razorpay_payment_link_id, payment_link_reference_id: q.razorpay_payment_link_reference_id, payment_link_status: q.razorpay_payment_link_status, payment_id: q.razorpay_payment_id }
      expect(validatePaymentVerification(verification, q.razorpay_signature, "rzp_secret_sandbox")).toBe(true)
      expect(validatePaymentVerification({ ...verification, payment_link_status: "created" }, q.razorpay_signature, "rzp_secret_sandbox")).toBe(false)
      expect(await rzp.paymentLink.fetch(created.id)).toMatchObject({ status: "paid", amount_paid: 49900 })
      expect(await refusal(rzp.paymentLink.cancel(created.id))).toMatchObject({ statusCode: 400 })
    })

    it("checks Basic auth and validates like Razorpay", async () => {
      const bad = new Razorpay({ key_id: "rzp_test_sandbox", key_secret: "nope" })
      ;(bad as any).api.rq.defaults.baseURL = url
      expect(await refusal(bad.paymentLink.create(link() as any))).toMatchObject({ statusCode: 401, error: { code: "BAD_REQUEST_ERROR", description: "The api key provided is invalid" } })
      const fields: Array<[Record<string, unknown>, string]> = [
        [{ amount: 99 }, "amount"],
        [{ amount: 100.5 }, "amount"],
        [{ reference_id: "r".repeat(41) }, "reference_id"],
        [{ expire_by: now() + 600 }, "expire_by"],
        [{ expire_by: now() + 200 * 86400 }, "expire_by"],
        [{ callback_method: "post" }, "callback_method"],
        [{ customer: { contact: "12ab", email: "ana@example.com" } }, "customer.contact"],
        [{ customer: { contact: "+919000090000", email: "not-an-email" } }, "customer.email"],
        [{ surprise: true }, "surprise"],
      ]
      for (const [over, field] of fields) expect(await refusal(rzp.paymentLink.create(link(over) as any))).toMatchObject({ statusCode: 400, error: { field } })
    })

    it("emits payment.failed on Fail (link stays payable) and payment_link.expired on expire", async () => {
      const created: any = await rzp.paymentLink.create(link() as any)
      const failRes = await fetch(`${url}/razorpay/pay/${created.id}/fail`, { method: "POST" })
      expect(failRes.status).toBe(200)
      expect(await failRes.text()).toContain("Retry payment")
      const failed = (await state()).events.filter((e: any) => e.type === "payment.failed").pop()
      const payment = JSON.parse(failed.body).payload.payment.entity
      expect(payment).toMatchObject({ status: "failed", error_code: "BAD_REQUEST_ERROR", notes: { session_id: "payses_1" } })
      expect((await rzp.paymentLink.fetch(created.id)).status).toBe("created")
      const expired = await control(`razorpay/links/${created.id}/expire`)
      expect(expired.events[0].type).toBe("payment_link.expired")
      expect((await rzp.paymentLink.fetch(created.id)).status).toBe("expired")
    })
  })

  describe("PayPal Orders v2", () => {
    let orders: OrdersController
    let client: Client
    beforeAll(() => {
      // The SDK always calls https://api-m.sandbox.paypal.com; rewrite it to the fake with an axios adapter.
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const axios = require(require.resolve("axios", { paths: [require.resolve("@apimatic/axios-client-adapter")] }))
      const httpAdapter = axios.getAdapter("http")
      const adapter = (config: any) => httpAdapter({ ...config, url: String(config.url).replace(/^https:\/\/api-m\.sandbox\.paypal\.com/, url) })
      client = new Client({
        clientCredentialsAuthCredentials: { oAuthClientId: "paypal-sandbox-client", oAuthClientSecret: "paypal-sandbox-secret" },
        environment: Environment.Sandbox,
        unstable_httpClientOptions: { adapter },
      })
      orders = new OrdersController(client)
    })
    const orderBody = (value = "44.80") => ({
      intent: CheckoutPaymentIntent.Capture,
      purchaseUnits: [{ referenceId: "payses_1", customId: "payses_1", amount: { currencyCode: "EUR", value } }],
      paymentSource: { paypal: { experienceContext: { returnUrl: "https://shop.example/pp/return", cancelUrl: "https://shop.example/pp/cancel", userAction: "PAY_NOW" as any, brandName: "Tienda" } } },
    })
    const verify = async (event: SandboxEvent, webhookEvent: unknown) => {
      const { accessToken } = await client.clientCredentialsAuthManager.fetchToken()
      const h = event.headers
      const res = await fetch(`${url}/v1/notifications/verify-webhook-signature`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ auth_algo: h["PAYPAL-AUTH-ALGO"], cert_url: h["PAYPAL-CERT-URL"], transmission_id: h["PAYPAL-TRANSMISSION-ID"], transmission_sig: h["PAYPAL-TRANSMISSION-SIG"], transmission_time: h["PAYPAL-TRANSMISSION-TIME"], webhook_id: "WH-SANDBOX", webhook_event: webhookEvent }),
      })
      return (await res.json()).verification_status
    }

    it("creates, refuses capture before approval, approves, captures once and signs verifiable webhooks", async () => {
      const { result: order, statusCode } = await orders.createOrder({ body: orderBody(), prefer: "return=representation" })
      expect(statusCode).toBe(201)
      expect(order.status).toBe("PAYER_ACTION_REQUIRED")
      const payerAction = order.links!.find((l) => l.rel === "payer-action")!
      expect(payerAction.href).toBe(`${url}/paypal/checkoutnow?token=${order.id}`)
      expect(await (await fetch(payerAction.href)).text()).toContain("PayPal Checkout (sandbox)")

      const early = await refusal(orders.captureOrder({ id: order.id!, prefer: "return=representation" }))
      expect(early).toBeInstanceOf(ApiError)
      expect(early.statusCode).toBe(422)
      expect(early.result).toMatchObject({ name: "UNPROCESSABLE_ENTITY", details: [{ issue: "ORDER_NOT_APPROVED" }] })

      const approved = await control(`paypal/orders/${order.id}/approve`)
      const ret = new URL(approved.redirect!)
      expect(ret.searchParams.get("token")).toBe(order.id)
      expect(ret.searchParams.get("PayerID")).toBeTruthy()
      expect(approved.events[0].type).toBe("CHECKOUT.ORDER.APPROVED")

      const { result: captured } = await orders.captureOrder({ id: order.id!, prefer: "return=representation" })
      expect(captured.status).toBe("COMPLETED")
      const capture = captured.purchaseUnits![0].payments!.captures![0]
      expect(capture).toMatchObject({ status: "COMPLETED", finalCapture: true, amount: { currencyCode: "EUR", value: "44.80" } })
      const twice = await refusal(orders.captureOrder({ id: order.id! }))
      expect(twice.statusCode).toBe(422)
      expect(twice.result.details[0].issue).toBe("ORDER_ALREADY_CAPTURED")

      const approvalEvent = approved.events[0]
      expect(await verify(approvalEvent, JSON.parse(approvalEvent.body))).toBe("SUCCESS")
      const tampered = JSON.parse(approvalEvent.body)
      tampered.resource.purchase_units[0].amount.value = "0.01"
      expect(await verify(approvalEvent, tampered)).toBe("FAILURE")
      const captureEvent = (await state()).events.find((e: any) => e.type === "PAYMENT.CAPTURE.COMPLETED")
      const captureBody = JSON.parse(captureEvent.body)
      expect(captureBody).toMatchObject({ event_version: "1.0", resource_type: "capture", resource: { id: capture.id, supplementary_data: { related_ids: { order_id: order.id } } } })
      expect(await verify(captureEvent, captureBody)).toBe("SUCCESS")
    })

    it("cancels without a webhook, validates amounts and rejects bad credentials", async () => {
      const { result: order } = await orders.createOrder({ body: orderBody() })
      const cancelled = await control(`paypal/orders/${order.id}/cancel`)
      expect(cancelled.redirect).toBe(`https://shop.example/pp/cancel?token=${order.id}`)
      expect(cancelled.events).toEqual([])
      const precision = await refusal(orders.createOrder({ body: orderBody("10.001") }))
      expect(precision.statusCode).toBe(422)
      expect(precision.result.details[0].issue).toBe("DECIMAL_PRECISION")
      const syntax = await refusal(orders.createOrder({ body: orderBody("ten") }))
      expect(syntax.statusCode).toBe(400)
      expect(syntax.result).toMatchObject({ name: "INVALID_REQUEST", details: [{ issue: "INVALID_PARAMETER_SYNTAX" }] })
      expect((await refusal(orders.getOrder({ id: "NOPE" }))).statusCode).toBe(404)
      const bad = new OrdersController(client.withConfiguration({ clientCredentialsAuthCredentials: { oAuthClientId: "paypal-sandbox-client", oAuthClientSecret: "wrong" } }))
      expect((await refusal(bad.createOrder({ body: orderBody() }))).statusCode).toBe(401)
    })
  })

  describe("webhook delivery", () => {
    it("POSTs the exact signed body, records the status, and survives a dead endpoint", async () => {
      const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = []
      const receiver = http.createServer((req, res) => {
        let body = ""
        req.on("data", (c) => (body += c))
        req.on("end", () => {
          received.push({ headers: req.headers, body })
          res.writeHead(200).end("ok")
        })
      })
      await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r))
      const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/razorpay`
      const rzp = new Razorpay({ key_id: "rzp_test_sandbox", key_secret: "rzp_secret_sandbox" })
      ;(rzp as any).api.rq.defaults.baseURL = url
      try {
        sandbox.configure({ razorpay: { webhookUrl: hook } })
        const a: any = await rzp.paymentLink.create({ amount: 1000, currency: "INR" } as any)
        const paid = await control(`razorpay/links/${a.id}/pay`)
        expect(paid.events[0].delivered_status).toBe(200)
        expect(received).toHaveLength(1)
        expect(received[0].body).toBe(paid.events[0].body)
        expect(received[0].headers["content-type"]).toBe("application/json")
        expect(received[0].headers["x-razorpay-signature"]).toBe(paid.events[0].headers["X-Razorpay-Signature"])

        sandbox.configure({ razorpay: { webhookUrl: "http://127.0.0.1:9/unreachable" } })
        const b: any = await rzp.paymentLink.create({ amount: 1000, currency: "INR" } as any)
        expect((await control(`razorpay/links/${b.id}/pay`)).events[0].delivered_status).toBe(0)

        await fetch(`${url}/__payments/config`, { method: "POST", body: JSON.stringify({ deliverWebhooks: false, razorpay: { webhookUrl: hook } }) })
        const c: any = await rzp.paymentLink.create({ amount: 1000, currency: "INR" } as any)
        expect((await control(`razorpay/links/${c.id}/pay`)).events[0].delivered_status).toBeNull()
        expect(received).toHaveLength(1)
      } finally {
        sandbox.configure({ deliverWebhooks: true, razorpay: { webhookUrl: null } })
        await new Promise((r) => receiver.close(r))
      }
    })
  })
})
