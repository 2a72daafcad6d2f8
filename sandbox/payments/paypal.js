// Fake PayPal REST API (OAuth token, Orders v2, webhook signature verification,
// signing certificate) and the hosted approval page (/paypal/checkoutnow).
const crypto = require("node:crypto")
const { sendJson, sendHtml, redirect, randomString, isoSeconds, isPlainObject } = require("./http")
const { createPaypalSigner } = require("./signing")
const { PaypalError, badRequest, unprocessable, notFound, detail, checkOrderRequest, buildOrder, breakdown, paypalId } = require("./paypal-orders")
const pages = require("./pages")

const MERCHANT = { email: "sb-merchant@business.example.com", id: "SANDBOXMERCH7" }
const AUTH_FAILURE = { name: "AUTHENTICATION_FAILURE", message: "Authentication failed due to invalid authentication credentials or a missing Authorization header.", links: [{ href: "https://developer.paypal.com/docs/api/overview/#error", rel: "information_link" }] }
const TOKEN_TTL = 32400
const CERT_NAME = `CERT-sandbox-${randomString(8, "0123456789abcdef")}`

function createPaypal(sb) {
  const st = () => sb.state.paypal
  const cfg = () => sb.config().paypal
  const signer = createPaypalSigner()
  const certUrl = (req) => `${sb.baseUrl(req)}/v1/notifications/certs/${CERT_NAME}`

  function links(rec, base) {
    const { order } = rec
    const self = `${base}/v2/checkout/orders/${order.id}`
    const approve = `${sb.baseUrl()}/paypal/checkoutnow?token=${order.id}`
    const out = [{ href: self, rel: "self", method: "GET" }]
    if (order.status === "PAYER_ACTION_REQUIRED") out.push({ href: approve, rel: "payer-action", method: "GET" })
    if (order.status === "CREATED") out.push({ href: approve, rel: "approve", method: "GET" })
    if (order.status === "CREATED" || order.status === "APPROVED")
      out.push({ href: self, rel: "update", method: "PATCH" }, { href: `${self}/${order.intent === "CAPTURE" ? "capture" : "authorize"}`, rel: order.intent.toLowerCase(), method: "POST" })
    return out
  }
  const full = (rec, base = sb.baseUrl()) => ({ ...structuredClone(rec.order), links: links(rec, base) })
  const minimal = (rec, base) => ({ id: rec.order.id, status: rec.order.status, ...(rec.order.payment_source ? { payment_source: structuredClone(rec.order.payment_source) } : {}), links: links(rec, base) })

  function emitEvent(eventType, resourceType, resource, summary, { wait = true } = {}) {
    const id = `WH-${paypalId()}-${paypalId()}`
    const base = sb.baseUrl()
    const event = {
      id, event_version: "1.0", create_time: new Date().toISOString(), resource_type: resourceType, resource_version: "2.0", event_type: eventType, summary, resource,
      links: [{ href: `${base}/v1/notifications/webhooks-events/${id}`, rel: "self", method: "GET" }, { href: `${base}/v1/notifications/webhooks-events/${id}/resend`, rel: "resend", method: "POST" }],
    }
    const body = JSON.stringify(event)
    const transmissionId = crypto.randomUUID()
    const transmissionTime = isoSeconds()
    const headers = {
      "PAYPAL-TRANSMISSION-ID": transmissionId,
      "PAYPAL-TRANSMISSION-TIME": transmissionTime,
      "PAYPAL-TRANSMISSION-SIG": signer.sign({ transmissionId, transmissionTime, webhookId: cfg().webhookId, rawBody: body }),
      "PAYPAL-CERT-URL": certUrl(),
      "PAYPAL-AUTH-ALGO": "SHA256withRSA",
      "PAYPAL-AUTH-VERSION": "v2",
      "User-Agent": "PayPal/AUHD-214.0-58709087",
    }
    return sb.emit("paypal", { type: eventType, id, body, headers }, { wait })
  }

  function token(req, res, rawBody) {
    const h = req.headers.authorization || ""
    const [id, ...rest] = /^Basic /i.test(h) ? Buffer.from(h.slice(6), "base64").toString().split(":") : []
    if (id !== cfg().clientId || rest.join(":") !== cfg().clientSecret) return sendJson(res, 401, { error: "invalid_client", error_description: "Client Authentication failed" })
    const grant = new URLSearchParams(rawBody).get("grant_type")
    if (!grant) return sendJson(res, 400, { error: "unsupported_grant_type", error_description: "Grant Type is NULL" })
    if (grant !== "client_credentials") return sendJson(res, 400, { error: "unsupported_grant_type", error_description: "unsupported grant_type" })
    const accessToken = `A21AA${randomString(92, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")}`
    st().tokens.set(accessToken, { expiresAt: Date.now() + TOKEN_TTL * 1000, clientId: id })
    const scope = "https://uri.paypal.com/services/payments/payment/authcapture openid https://uri.paypal.com/services/payments/refund https://uri.paypal.com/services/applications/webhooks https://uri.paypal.com/services/payments/realtimepayment"
    return sendJson(res, 200, { scope, access_token: accessToken, token_type: "Bearer", app_id: "APP-80W284485P519543T", expires_in: TOKEN_TTL, nonce: `${isoSeconds()}${randomString(43)}` })
  }

  function authorized(req) {
    const m = (req.headers.authorization || "").match(/^Bearer (.+)$/i)
    const t = m && st().tokens.get(m[1].trim())
    return Boolean(t && t.expiresAt > Date.now() && t.clientId === cfg().clientId)
  }

  function parseJson(rawBody) {
    if (!rawBody) return {}
    try {
      return JSON.parse(rawBody)
    } catch {
      throw badRequest("/", undefined, "MALFORMED_REQUEST_JSON", "The request JSON is not well formed.")
    }
  }

  function createOrder(req, res, rawBody, base) {
    const requestId = req.headers["paypal-request-id"]
    const representation = /return=representation/i.test(req.headers.prefer || "")
    if (requestId && st().requestIds.has(requestId)) {
      const rec = st().orders.get(st().requestIds.get(requestId))
      return sendJson(res, 200, representation ? full(rec, base) : minimal(rec, base))
    }
    const body = parseJson(rawBody)
    checkOrderRequest(body)
    const rec = buildOrder(body, MERCHANT)
    st().orders.set(rec.order.id, rec)
    if (requestId) st().requestIds.set(requestId, rec.order.id)
    return sendJson(res, 201, representation ? full(rec, base) : minimal(rec, base))
  }

  function settle(req, res, rec, action, base) {
    const { order } = rec
    const key = req.headers["paypal-request-id"] && `${order.id}:${action}:${req.headers["paypal-request-id"]}`
    if (key && st().requestIds.has(key)) return sendJson(res, 200, full(rec, base))
    parseJson(req.rawBodyText)
    if (order.intent !== (action === "capture" ? "CAPTURE" : "AUTHORIZE"))
      throw unprocessable("intent", order.intent, "ACTION_DOES_NOT_MATCH_INTENT", `Order was created with an intent to '${order.intent}'. Please use /v2/checkout/orders/order_id/${order.intent === "CAPTURE" ? "capture" : "authorize"} to complete the transaction or alternately Create an order with an intent of '${action.toUpperCase()}'.`)
    if (order.status === "COMPLETED")
      throw action === "capture"
        ? unprocessable(undefined, undefined, "ORDER_ALREADY_CAPTURED", "Order already captured.If 'intent=CAPTURE' only one capture per order is allowed.")
        : unprocessable(undefined, undefined, "ORDER_ALREADY_AUTHORIZED", "Order already authorized.If 'intent=AUTHORIZE' only one authorization per order is allowed.")
    if (order.status !== "APPROVED")
      throw unprocessable(undefined, undefined, "ORDER_NOT_APPROVED", "Payer has not yet approved the Order for payment. Please redirect the payer to the 'rel':'approve' url returned as part of the HATEOAS links within the Create Order call or provide a valid payment_source in the request.")
    for (const pu of order.purchase_units)
      if (pu.invoice_id && st().invoiceIds.has(pu.invoice_id))
        throw unprocessable(`/purchase_units/@reference_id=='${pu.reference_id}'/invoice_id`, pu.invoice_id, "DUPLICATE_INVOICE_ID", "Duplicate Invoice ID detected. To avoid a potential duplicate transaction your account setting requires that Invoice Id be unique for each transaction.")
    const now = isoSeconds()
    const made = []
    for (const pu of order.purchase_units) {
      const id = paypalId()
      const kind = action === "capture" ? "captures" : "authorizations"
      const common = { id, amount: structuredClone(pu.amount), ...(pu.invoice_id ? { invoice_id: pu.invoice_id } : {}), ...(pu.custom_id ? { custom_id: pu.custom_id } : {}), seller_protection: { status: "ELIGIBLE", dispute_categories: ["ITEM_NOT_RECEIVED", "UNAUTHORIZED_TRANSACTION"] } }
      const payment = action === "capture"
        ? { ...common, status: "COMPLETED", final_capture: true, seller_receivable_breakdown: breakdown(pu.amount), links: [{ href: `${base}/v2/payments/captures/${id}`, rel: "self", method: "GET" }, { href: `${base}/v2/payments/captures/${id}/refund`, rel: "refund", method: "POST" }, { href: `${base}/v2/checkout/orders/${order.id}`, rel: "up", method: "GET" }], create_time: now, update_time: now }
        : { ...common, status: "CREATED", expiration_time: isoSeconds(Date.now() + 29 * 86400e3), links: [{ href: `${base}/v2/payments/authorizations/${id}`, rel: "self", method: "GET" }, { href: `${base}/v2/payments/authorizations/${id}/capture`, rel: "capture", method: "POST" }, { href: `${base}/v2/checkout/orders/${order.id}`, rel: "up", method: "GET" }], create_time: now, update_time: now }
      pu.payments = { [kind]: [payment] }
      if (pu.invoice_id) st().invoiceIds.add(pu.invoice_id)
      made.push(payment)
    }
    order.status = "COMPLETED"
    order.update_time = now
    if (key) st().requestIds.set(key, order.id)
    for (const p of made) {
      const resource = { ...structuredClone(p), supplementary_data: { related_ids: { order_id: order.id } } }
      const money = `${p.amount.value} ${p.amount.currency_code}`
      if (action === "capture") emitEvent("PAYMENT.CAPTURE.COMPLETED", "capture", resource, `Payment completed for ${money}`, { wait: false })
      else emitEvent("PAYMENT.AUTHORIZATION.CREATED", "authorization", resource, `A payment authorization was created for ${money}`, { wait: false })
    }
    return sendJson(res, 201, full(rec, base))
  }

  function verify(req, res, rawBody) {
    const body = parseJson(rawBody)
    const required = ["auth_algo", "cert_url", "transmission_id", "transmission_sig", "transmission_time", "webhook_id", "webhook_event"]
    const absent = required.filter((k) => body[k] === undefined || body[k] === null || body[k] === "")
    if (absent.length)
      return sendJson(res, 400, { name: "VALIDATION_ERROR", message: "Invalid request - see details", debug_id: randomString(13, "0123456789abcdef"), details: absent.map((k) => ({ field: k, location: "body", issue: "Required field cannot be blank" })), links: [] })
    if (!isPlainObject(body.webhook_event)) return sendJson(res, 400, { name: "VALIDATION_ERROR", message: "Invalid request - see details", debug_id: randomString(13, "0123456789abcdef"), details: [{ field: "webhook_event", location: "body", issue: "Invalid data provided" }], links: [] })
    let certOk = false
    try {
      certOk = new URL(body.cert_url).pathname === `/v1/notifications/certs/${CERT_NAME}`
    } catch {}
    const ok = certOk && body.auth_algo === "SHA256withRSA" && body.webhook_id === cfg().webhookId &&
      signer.verify({ transmissionId: body.transmission_id, transmissionTime: body.transmission_time, webhookId: body.webhook_id, rawBody: JSON.stringify(body.webhook_event) }, body.transmission_sig)
    return sendJson(res, 200, { verification_status: ok ? "SUCCESS" : "FAILURE" })
  }

  async function api(req, res, path, query, rawBody) {
    // How often each costly endpoint was called (GET /__payments/state → paypal.calls), so tests can see a token reused and a forged webhook refused without a call.
    if (req.method === "POST" && path === "/v1/oauth2/token") {
      st().calls.oauth++
      return token(req, res, rawBody)
    }
    if (req.method === "POST" && path === "/v1/notifications/verify-webhook-signature") st().calls.verify++
    if (req.method === "GET" && path === `/v1/notifications/certs/${CERT_NAME}`) {
      res.writeHead(200, { "content-type": "text/plain" })
      res.end(signer.certPem)
      return true
    }
    const m = path.match(/^\/v2\/checkout\/orders(?:\/([^/]+))?(\/capture|\/authorize)?$/)
    if (!m && path !== "/v1/notifications/verify-webhook-signature") return false
    const base = sb.baseUrl(req)
    try {
      if (!authorized(req)) return sendJson(res, 401, AUTH_FAILURE)
      if (!m) return req.method === "POST" ? verify(req, res, rawBody) : false
      if (req.method === "POST" && !m[1]) return createOrder(req, res, rawBody, base)
      const rec = m[1] && st().orders.get(m[1])
      if (!rec) throw notFound(m[1])
      if (req.method === "GET" && !m[2]) return sendJson(res, 200, full(rec, base))
      if (req.method === "POST" && m[2]) {
        req.rawBodyText = rawBody
        return settle(req, res, rec, m[2].slice(1), base)
      }
      throw new PaypalError(405, "METHOD_NOT_SUPPORTED", "The server does not implement the requested HTTP method.", [detail(undefined, req.method, "METHOD_NOT_SUPPORTED", "The server does not implement the requested HTTP method.")])
    } catch (e) {
      if (!(e instanceof PaypalError)) throw e
      return sendJson(res, e.status, e.body, { "paypal-debug-id": e.body.debug_id })
    }
  }

  function actionable(id) {
    const rec = id && st().orders.get(id)
    if (!rec) return { status: 404, message: "This PayPal checkout link is not valid." }
    if (!["CREATED", "PAYER_ACTION_REQUIRED"].includes(rec.order.status)) return { status: 409, message: `This order is ${rec.order.status}; it can no longer be approved.` }
    return { rec }
  }

  /** Buyer approves on the hosted page: order APPROVED + CHECKOUT.ORDER.APPROVED; back to return_url. */
  async function approve(id) {
    const { rec, ...err } = actionable(id)
    if (!rec) return err
    const { order } = rec
    const payerId = paypalId(13)
    const name = { given_name: "Sandbox", surname: "Buyer" }
    order.payer = { name, email_address: "sb-buyer@personal.example.com", payer_id: payerId, address: { country_code: "US" } }
    order.payment_source = { paypal: { email_address: "sb-buyer@personal.example.com", account_id: payerId, account_status: "VERIFIED", name, address: { country_code: "US" } } }
    order.status = "APPROVED"
    order.update_time = isoSeconds()
    const event = await emitEvent("CHECKOUT.ORDER.APPROVED", "checkout-order", full(rec), "An order has been approved by buyer")
    let target = null
    if (rec.ctx.return_url) {
      const u = new URL(rec.ctx.return_url)
      u.searchParams.set("token", order.id)
      u.searchParams.set("PayerID", payerId)
      target = u.toString()
    }
    return { object: full(rec), events: [event], redirect: target }
  }

  /** Buyer cancels: no state change and no webhook (like PayPal); back to cancel_url. */
  async function cancel(id) {
    const { rec, ...err } = actionable(id)
    if (!rec) return err
    let target = null
    if (rec.ctx.cancel_url) {
      const u = new URL(rec.ctx.cancel_url)
      u.searchParams.set("token", rec.order.id)
      target = u.toString()
    }
    return { object: full(rec), events: [], redirect: target }
  }

  async function page(req, res, path, query) {
    const m = path.match(/^\/paypal\/checkoutnow(\/approve|\/cancel)?$/)
    if (!m) return false
    const id = new URLSearchParams(query).get("token")
    if (req.method === "GET" && !m[1]) {
      const { rec, status, message } = actionable(id)
      if (!rec) return sendHtml(res, status, pages.messagePage("paypal", "Checkout unavailable", message))
      return sendHtml(res, 200, pages.paypalCheckoutPage(rec.order))
    }
    if (req.method !== "POST" || !m[1]) return false
    const out = m[1] === "/approve" ? await approve(id) : await cancel(id)
    if (out.status) return sendHtml(res, out.status, pages.messagePage("paypal", "Checkout unavailable", out.message))
    if (out.redirect) return redirect(res, out.redirect)
    return sendHtml(res, 200, pages.messagePage("paypal", m[1] === "/approve" ? "Payment approved" : "Payment cancelled", "Return to the merchant to finish."))
  }

  return { api, page, approve, cancel, certPem: signer.certPem }
}

module.exports = { createPaypal }
