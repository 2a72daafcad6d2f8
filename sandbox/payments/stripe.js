// Fake Stripe API (Checkout Sessions, Refunds, Payment Intents) and hosted Checkout page.
const { sendJson, sendHtml, redirect, randomString, nowSeconds, parseBracketForm } = require("./http")
const { StripeError, invalid, checkSessionParams, checkRefundParams } = require("./stripe-params")
const { stripeSignatureHeader } = require("./signing")
const pages = require("./pages")

const DEFAULT_API_VERSION = "2026-10-28.endive" // what stripe@23.1.0 pins
const newId = (prefix, n = 24) => `${prefix}${randomString(n)}`

function createStripe(sb) {
  const st = () => sb.state.stripe
  const cfg = () => sb.config().stripe

  function stripeEvent(type, object, rec, request = { id: null, idempotency_key: null }) {
    const body = JSON.stringify({
      id: `evt_1${randomString(23)}`,
      object: "event",
      api_version: rec?.apiVersion || DEFAULT_API_VERSION,
      created: nowSeconds(),
      data: { object },
      livemode: false,
      pending_webhooks: cfg().webhookUrl ? 1 : 0,
      request,
      type,
    })
    const headers = {
      "content-type": "application/json; charset=utf-8",
      "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
      "Stripe-Signature": stripeSignatureHeader(cfg().webhookSecret, body),
    }
    return sb.emit("stripe", { type, id: JSON.parse(body).id, body, headers }, { wait: !request.id })
  }

  /** Lazily expires an open session whose expires_at has passed (Stripe does it on a timer). */
  function refresh(rec) {
    const s = rec.session
    if (s.status === "open" && nowSeconds() >= s.expires_at) {
      s.status = "expired"
      stripeEvent("checkout.session.expired", structuredClone(s), rec)
    }
    return rec
  }

  function lineItemsList(rec) {
    return { object: "list", data: rec.lineItems, has_more: false, url: `/v1/checkout/sessions/${rec.session.id}/line_items` }
  }

  function view(rec, expand = []) {
    const s = structuredClone(rec.session)
    if (expand.includes("line_items")) s.line_items = lineItemsList(rec)
    if (expand.includes("payment_intent") && s.payment_intent) s.payment_intent = structuredClone(st().paymentIntents.get(s.payment_intent))
    return s
  }

  function createSession(params, req) {
    const now = nowSeconds()
    const p = checkSessionParams(params, now)
    const id = `cs_test_a1${randomString(56)}`
    const lineItems = p.items.map((i) => {
      const amount = Math.round(i.unit * i.quantity)
      return {
        id: `li_1${randomString(23)}`,
        object: "item",
        amount_discount: 0,
        amount_subtotal: amount,
        amount_tax: 0,
        amount_total: amount,
        currency: i.currency,
        description: i.name,
        metadata: i.metadata,
        price: { id: newId("price_1"), object: "price", active: false, billing_scheme: "per_unit", created: now, currency: i.currency, livemode: false, metadata: {}, product: newId("prod_", 14), recurring: null, tax_behavior: "unspecified", type: "one_time", unit_amount: Number.isInteger(i.unit) ? i.unit : null, unit_amount_decimal: String(i.unit) },
        quantity: i.quantity,
      }
    })
    const session = {
      id,
      object: "checkout.session",
      after_expiration: null,
      allow_promotion_codes: null,
      amount_subtotal: p.total,
      amount_total: p.total,
      automatic_tax: { enabled: false, liability: null, provider: null, status: null },
      billing_address_collection: null,
      cancel_url: params.cancel_url ?? null,
      client_reference_id: params.client_reference_id ?? null,
      client_secret: null,
      consent: null,
      consent_collection: null,
      created: now,
      currency: p.currency,
      currency_conversion: null,
      custom_fields: [],
      custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
      customer: null,
      customer_creation: "if_required",
      customer_details: null,
      customer_email: params.customer_email ?? null,
      discounts: [],
      expires_at: p.expiresAt,
      invoice: null,
      invoice_creation: { enabled: false, invoice_data: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: null, metadata: {}, rendering_options: null } },
      livemode: false,
      locale: params.locale ?? null,
      metadata: p.metadata,
      mode: p.mode,
      payment_intent: null,
      payment_link: null,
      payment_method_collection: "if_required",
      payment_method_options: {},
      payment_method_types: ["card"],
      payment_status: "unpaid",
      phone_number_collection: { enabled: false },
      recovered_from: null,
      saved_payment_method_options: null,
      setup_intent: null,
      shipping_address_collection: null,
      shipping_cost: null,
      shipping_options: [],
      status: "open",
      submit_type: null,
      subscription: null,
      success_url: params.success_url,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      ui_mode: p.uiMode,
      url: `${sb.baseUrl(req)}/stripe/pay/${id}`,
    }
    const rec = { session, lineItems, apiVersion: req.headers["stripe-version"] || DEFAULT_API_VERSION, piMetadata: p.piMetadata, piDescription: p.piDescription }
    st().sessions.set(id, rec)
    return view(rec, params.expand || [])
  }

  /** Customer pays on the hosted page: session complete + paid, PaymentIntent created. */
  async function pay(id) {
    const rec = st().sessions.get(id)
    if (!rec) return { status: 404, message: `No such checkout.session: '${id}'` }
    const s = refresh(rec).session
    if (s.status !== "open") return { status: 409, message: `This Checkout Session is ${s.status}; it can no longer be paid.` }
    const now = nowSeconds()
    const email = s.customer_email || "sandbox.customer@example.com"
    s.status = "complete"
    s.customer_details = { address: { city: null, country: "ES", line1: null, line2: null, postal_code: null, state: null }, email, name: "Sandbox Customer", phone: null, tax_exempt: "none", tax_ids: [] }
    if (s.amount_total > 0) {
      const pi = {
        id: newId("pi_3"), object: "payment_intent", amount: s.amount_total, amount_capturable: 0, amount_received: s.amount_total, capture_method: "automatic_async",
        client_secret: null, confirmation_method: "automatic", created: now, currency: s.currency, customer: null, description: rec.piDescription, latest_charge: newId("ch_3"),
        livemode: false, metadata: rec.piMetadata, payment_method: newId("pm_1"), payment_method_types: ["card"], receipt_email: email, status: "succeeded",
      }
      st().paymentIntents.set(pi.id, pi)
      st().charges.set(pi.latest_charge, { id: pi.latest_charge, payment_intent: pi.id, amount: pi.amount, amount_refunded: 0, currency: pi.currency })
      s.payment_intent = pi.id
      s.payment_status = "paid"
    } else s.payment_status = "no_payment_required"
    const event = await stripeEvent("checkout.session.completed", structuredClone(s), rec)
    return { object: structuredClone(s), events: [event], redirect: s.success_url.replace(/\{CHECKOUT_SESSION_ID\}/g, s.id) }
  }

  /** The hosted page's "Fail": the session expires (checkout.session.expired), back to cancel_url. */
  async function fail(id) {
    const rec = st().sessions.get(id)
    if (!rec) return { status: 404, message: `No such checkout.session: '${id}'` }
    const s = refresh(rec).session
    if (s.status !== "open") return { status: 409, message: `This Checkout Session is ${s.status}; it can no longer be cancelled.` }
    s.status = "expired"
    const event = await stripeEvent("checkout.session.expired", structuredClone(s), rec)
    return { object: structuredClone(s), events: [event], redirect: s.cancel_url }
  }

  function createRefund(params, reqInfo) {
    const p = checkRefundParams(params)
    let pi = params.payment_intent !== undefined ? st().paymentIntents.get(params.payment_intent) : undefined
    if (params.payment_intent !== undefined && !pi) throw invalid(`No such payment_intent: '${params.payment_intent}'`, "payment_intent", "resource_missing")
    const chargeId = pi ? pi.latest_charge : params.charge
    const charge = st().charges.get(chargeId)
    if (!charge) throw invalid(`No such charge: '${params.charge}'`, "charge", "resource_missing")
    pi = pi || st().paymentIntents.get(charge.payment_intent)
    const remaining = charge.amount - charge.amount_refunded
    if (remaining <= 0) throw new StripeError(400, { message: `Charge ${charge.id} has already been refunded.`, code: "charge_already_refunded" })
    const amount = p.amount ?? remaining
    if (amount > remaining) {
      const fmt = (v) => pages.money(v, charge.currency)
      throw new StripeError(400, { message: `Refund amount (${fmt(amount)}) is greater than unrefunded amount on charge (${fmt(remaining)})`, param: "amount", code: "amount_too_large" })
    }
    charge.amount_refunded += amount
    const refund = {
      id: newId("re_3"), object: "refund", amount, balance_transaction: newId("txn_3"), charge: charge.id, created: nowSeconds(), currency: charge.currency,
      destination_details: { card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" }, type: "card" },
      metadata: p.metadata, payment_intent: pi.id, reason: p.reason, receipt_number: null, source_transfer_reversal: null, status: "succeeded", transfer_reversal: null,
    }
    st().refunds.set(refund.id, refund)
    stripeEvent("refund.created", structuredClone(refund), null, reqInfo)
    return refund
  }

  /** Auth: Bearer <secretKey> or Basic base64("<secretKey>:"). */
  function authError(req) {
    const h = req.headers.authorization || ""
    let key = null
    if (/^Bearer /i.test(h)) key = h.slice(7).trim()
    else if (/^Basic /i.test(h)) key = Buffer.from(h.slice(6), "base64").toString().split(":")[0]
    if (!key) return "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/."
    if (key !== cfg().secretKey) return `Invalid API Key provided: ${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`
    return null
  }

  async function api(req, res, path, query, rawBody) {
    const requestId = `req_${randomString(14)}`
    const reply = (status, body, extra = {}) => sendJson(res, status, body, { "request-id": requestId, "stripe-version": req.headers["stripe-version"] || DEFAULT_API_VERSION, ...extra })
    const auth = authError(req)
    if (auth) return reply(401, { error: { message: auth, type: "invalid_request_error" } }, { "www-authenticate": 'Basic realm="Stripe"' })
    const method = req.method
    const params = parseBracketForm(method === "GET" ? query : rawBody)
    const idemKey = method === "POST" ? req.headers["idempotency-key"] : undefined
    if (idemKey) {
      const prior = st().idempotency.get(idemKey)
      if (prior) {
        if (prior.path !== path) return reply(400, { error: { message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${prior.path}' vs '${path}'). Try using a key other than '${idemKey}' if you meant to execute a different request.`, type: "idempotency_error" } })
        if (prior.body !== rawBody) return reply(400, { error: { message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idemKey}' if you meant to execute a different request.`, type: "idempotency_error" } })
        return reply(prior.status, JSON.parse(prior.response), { "idempotent-replayed": "true", "original-request": prior.requestId })
      }
    }
    let status = 200
    let body
    try {
      body = route(method, path, params, req, { id: requestId, idempotency_key: idemKey ?? null })
      if (body === undefined) return reply(404, { error: { message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`, type: "invalid_request_error" } })
    } catch (e) {
      if (!(e instanceof StripeError)) throw e
      // Stripe saves no idempotent result when parameters fail validation.
      if (e.status === 400 || e.status === 404) return reply(e.status, { error: { ...e.error, request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}` } })
      status = e.status
      body = { error: e.error }
    }
    if (idemKey) st().idempotency.set(idemKey, { path, body: rawBody, status, response: JSON.stringify(body), requestId })
    return reply(status, body)
  }

  function route(method, path, params, req, reqInfo) {
    let m
    if (method === "POST" && path === "/v1/checkout/sessions") return createSession(params, req)
    if ((m = path.match(/^\/v1\/checkout\/sessions\/([^/]+)(\/expire|\/line_items)?$/))) {
      const rec = st().sessions.get(m[1])
      if (!rec) throw new StripeError(404, { message: `No such checkout.session: '${m[1]}'`, param: "session", code: "resource_missing" })
      refresh(rec)
      if (method === "GET" && !m[2]) return view(rec, params.expand || [])
      if (method === "GET" && m[2] === "/line_items") return lineItemsList(rec)
      if (method === "POST" && m[2] === "/expire") {
        if (rec.session.status !== "open")
          throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${rec.session.status}".`)
        rec.session.status = "expired"
        stripeEvent("checkout.session.expired", structuredClone(rec.session), rec, reqInfo)
        return view(rec)
      }
    }
    if (method === "POST" && path === "/v1/refunds") return createRefund(params, reqInfo)
    if (method === "GET" && (m = path.match(/^\/v1\/(payment_intents|refunds)\/([^/]+)$/))) {
      const found = st()[m[1] === "refunds" ? "refunds" : "paymentIntents"].get(m[2])
      if (!found) throw new StripeError(404, { message: `No such ${m[1].replace(/s$/, "")}: '${m[2]}'`, param: "id", code: "resource_missing" })
      return structuredClone(found)
    }
    return undefined
  }

  async function page(req, res, path) {
    const m = path.match(/^\/stripe\/pay\/([^/]+)(\/pay|\/fail)?$/)
    if (!m) return false
    const rec = st().sessions.get(m[1])
    if (!rec) return sendHtml(res, 404, pages.messagePage("stripe", "Session not found", "This checkout link is not valid."))
    refresh(rec)
    if (req.method === "GET" && !m[2]) {
      if (rec.session.status !== "open")
        return sendHtml(res, 409, pages.messagePage("stripe", "This checkout session is no longer available", `Status: ${rec.session.status}. Nothing to pay here.`))
      return sendHtml(res, 200, pages.stripeCheckoutPage(rec.session, rec.lineItems))
    }
    if (req.method !== "POST" || !m[2]) return false
    const out = m[2] === "/pay" ? await pay(m[1]) : await fail(m[1])
    if (out.status) return sendHtml(res, out.status, pages.messagePage("stripe", "This checkout session is no longer available", out.message))
    if (out.redirect) return redirect(res, out.redirect)
    return sendHtml(res, 200, pages.messagePage("stripe", "Payment cancelled", "You can close this page."))
  }

  return { api, page, pay, fail }
}

module.exports = { createStripe, DEFAULT_API_VERSION }
