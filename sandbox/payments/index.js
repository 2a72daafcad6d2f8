// Local fakes of the Stripe, Razorpay and PayPal HTTP APIs plus their hosted
// payment pages, on one server. See README-style notes in createPaymentSandbox.
const http = require("node:http")
const { readBody, sendJson, deepMerge, randomString, isPlainObject } = require("./http")
const { createEventLog, eventView } = require("./events")
const { createStripe } = require("./stripe")
const { createRazorpay } = require("./razorpay")
const { createPaypal } = require("./paypal")

const DEFAULTS = {
  publicUrl: null,
  deliverWebhooks: true,
  stripe: { secretKey: "sk_test_sandbox", webhookSecret: "whsec_sandbox", webhookUrl: null },
  razorpay: { keyId: "rzp_test_sandbox", keySecret: "rzp_secret_sandbox", webhookSecret: "rzp_whsec_sandbox", webhookUrl: null },
  paypal: { clientId: "paypal-sandbox-client", clientSecret: "paypal-sandbox-secret", webhookId: "WH-SANDBOX", webhookUrl: null },
}

/** Clears payments state. Issued PayPal tokens and the Razorpay account id survive (they are account-level, and SDK clients cache tokens). */
function freshState(state = {}) {
  state.stripe = { sessions: new Map(), paymentIntents: new Map(), charges: new Map(), refunds: new Map(), idempotency: new Map() }
  state.razorpay = { accountId: state.razorpay?.accountId || `acc_${randomString(14)}`, links: new Map(), orders: new Map(), payments: new Map() }
  state.paypal = { tokens: state.paypal?.tokens || new Map(), orders: new Map(), requestIds: new Map(), invoiceIds: new Set(), calls: { oauth: 0, verify: 0 } }
  state.events = []
  return state
}

/** JSON view of the state for GET /__payments/state. */
function stateView(state) {
  return {
    stripe: { sessions: [...state.stripe.sessions.values()].map((r) => r.session), payment_intents: [...state.stripe.paymentIntents.values()], refunds: [...state.stripe.refunds.values()] },
    razorpay: { links: [...state.razorpay.links.values()], orders: [...state.razorpay.orders.values()], payments: [...state.razorpay.payments.values()] },
    paypal: { orders: [...state.paypal.orders.values()].map((r) => r.order), calls: { ...state.paypal.calls } },
    events: state.events.map((e) => ({ provider: e.provider, type: e.type, id: e.id, body: e.body, headers: e.headers, delivered_status: e.delivered_status, ...(e.delivery_error ? { delivery_error: e.delivery_error } : {}), created_at: e.created_at })),
  }
}

/**
 * createPaymentSandbox(options) → { server, handle, state, configure, reset, listen, close }
 * options: { publicUrl, deliverWebhooks, stripe: {...}, razorpay: {...}, paypal: {...} } (see DEFAULTS).
 */
function createPaymentSandbox(options = {}) {
  const config = deepMerge(structuredClone(DEFAULTS), options)
  const state = freshState()
  let listenUrl = null

  const sb = {
    config: () => config,
    state,
    /** Base for hosted pages, links and cert URLs: publicUrl, else where we listen, else the request's Host. */
    baseUrl: (req) => (config.publicUrl || listenUrl || (req?.headers?.host ? `http://${req.headers.host}` : "http://127.0.0.1")).replace(/\/+$/, ""),
  }
  const log = createEventLog(() => config, state)
  sb.emit = log.emit
  const stripe = createStripe(sb)
  const razorpay = createRazorpay(sb)
  const paypal = createPaypal(sb)

  const controls = {
    "stripe/sessions": { pay: stripe.pay, fail: stripe.fail },
    "razorpay/links": { pay: razorpay.pay, fail: razorpay.fail, expire: razorpay.expire },
    "paypal/orders": { approve: paypal.approve, cancel: paypal.cancel },
  }

  async function control(req, res, path, rawBody) {
    const rest = path.slice("/__payments".length)
    if (req.method === "GET" && rest === "/state") return sendJson(res, 200, stateView(state))
    if (req.method === "POST" && rest === "/reset") {
      reset()
      return sendJson(res, 200, { ok: true })
    }
    if (req.method === "POST" && rest === "/config") {
      let partial
      try {
        partial = rawBody ? JSON.parse(rawBody) : {}
      } catch {
        return sendJson(res, 400, { error: { message: "Body must be JSON." } })
      }
      if (!isPlainObject(partial)) return sendJson(res, 400, { error: { message: "Body must be a JSON object." } })
      configure(partial)
      return sendJson(res, 200, { ok: true, config })
    }
    const m = rest.match(/^\/(stripe\/sessions|razorpay\/links|paypal\/orders)\/([^/]+)\/([a-z]+)$/)
    const fn = m && req.method === "POST" && controls[m[1]][m[3]]
    if (!fn) return sendJson(res, 404, { error: { message: `Unknown control endpoint: ${req.method} ${path}` } })
    const out = await fn(decodeURIComponent(m[2]))
    if (out.status) return sendJson(res, out.status, { error: { message: out.message } })
    return sendJson(res, 200, { object: out.object, events: out.events.map(eventView), redirect: out.redirect ?? null })
  }

  /** Handles a request if its path belongs to a fake; resolves false otherwise. */
  async function handle(req, res) {
    const url = new URL(req.url, "http://sandbox.local")
    const path = url.pathname
    const query = url.search.slice(1)
    const isApi = /^\/(v1|v2)\//.test(path)
    const isPage = /^\/(stripe\/pay|razorpay\/pay|paypal\/checkoutnow)(\/|$)/.test(path)
    if (!isApi && !isPage && !path.startsWith("/__payments")) return false
    try {
      const rawBody = req.method === "GET" || req.method === "HEAD" ? "" : await readBody(req)
      if (path.startsWith("/__payments")) return await control(req, res, path, rawBody)
      if (isPage) return (await stripe.page(req, res, path)) || (await razorpay.page(req, res, path)) || (await paypal.page(req, res, path, query))
      if (/^\/v1\/(checkout|refunds|payment_intents)(\/|$)/.test(path)) return await stripe.api(req, res, path, query, rawBody)
      if (/^\/v1\/payment_links(\/|$)/.test(path)) return await razorpay.api(req, res, path, query, rawBody)
      return await paypal.api(req, res, path, query, rawBody)
    } catch (e) {
      if (!res.headersSent) sendJson(res, e.status || 500, { error: { message: e.message } })
      return true
    }
  }

  const server = http.createServer(async (req, res) => {
    const handled = await handle(req, res)
    if (!handled && !res.headersSent) sendJson(res, 404, { error: { message: `Not found: ${req.method} ${req.url}` } })
  })

  function configure(partial) {
    deepMerge(config, partial || {})
    return config
  }

  function reset() {
    freshState(state)
  }

  function listen(port = 0, host = "127.0.0.1") {
    return new Promise((resolve, reject) => {
      server.once("error", reject)
      server.listen(port, host, () => {
        server.off("error", reject)
        const addr = server.address()
        listenUrl = `http://${addr.family === "IPv6" ? `[${addr.address}]` : addr.address}:${addr.port}`
        resolve(listenUrl)
      })
    })
  }

  function close() {
    return new Promise((resolve) => {
      if (!server.listening) return resolve()
      server.close(() => resolve())
      server.closeAllConnections?.()
    })
  }

  return { server, handle, state, configure, reset, listen, close, config, paypalCertPem: paypal.certPem }
}

module.exports = { createPaymentSandbox, DEFAULTS }
