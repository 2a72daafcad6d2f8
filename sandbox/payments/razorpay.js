// Fake Razorpay Payment Links API (/v1/payment_links) and hosted payment page.
const { sendJson, sendHtml, redirect, randomString, nowSeconds, isPlainObject, isUrl, EMAIL_RE, currencyDecimals } = require("./http")
const { razorpayWebhookSignature, razorpayCallbackSignature } = require("./signing")
const pages = require("./pages")

const rid = (prefix) => `${prefix}_${randomString(14)}`
const LINK_PARAMS = new Set(["amount", "currency", "accept_partial", "first_min_partial_amount", "expire_by", "reference_id", "description", "customer", "notify", "reminder_enable", "notes", "callback_url", "callback_method", "upi_link", "whatsapp_link", "options", "partial_payment"])
const CURRENCIES = new Set("INR USD EUR GBP SGD AED AUD CAD CHF CNY DKK HKD JPY MYR NOK NZD QAR SAR SEK THB ZAR KWD BHD OMR".split(" "))
const SIX_MONTHS = 183 * 86400

class RazorpayError extends Error {
  constructor(description, field, status = 400, extra = {}) {
    super(description)
    this.status = status
    const base = { code: "BAD_REQUEST_ERROR", description, source: "business", step: "payment_initiation", reason: "input_validation_failed", metadata: {} }
    this.body = { error: { ...base, ...(field ? { field } : {}), ...extra } }
  }
}
const authFailure = (description) => new RazorpayError(description, undefined, 401, { source: "NA", step: "NA", reason: "NA" })

const boolField = (v, field, label) => {
  if (v !== undefined && typeof v !== "boolean") throw new RazorpayError(`The ${label} field must be true or false.`, field)
}

function validateLink(p, links) {
  if (!isPlainObject(p)) throw new RazorpayError("The request body must be a JSON object.", undefined)
  const extra = Object.keys(p).filter((k) => !LINK_PARAMS.has(k))
  if (extra.length) throw new RazorpayError(`${extra.join(", ")} is/are not required and should not be sent`, extra[0], 400, { reason: "NA" })
  if (p.amount === undefined || p.amount === null || p.amount === "") throw new RazorpayError("The amount field is required.", "amount")
  if (typeof p.amount !== "number" || !Number.isInteger(p.amount)) throw new RazorpayError("The amount must be an integer.", "amount")
  const currency = p.currency ?? "INR"
  if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency) || !CURRENCIES.has(currency)) throw new RazorpayError("The selected currency is invalid.", "currency")
  if (p.amount < 100) throw new RazorpayError(`The amount must be atleast ${currency} ${(100 / 10 ** currencyDecimals(currency)).toFixed(currencyDecimals(currency))}.`, "amount")
  boolField(p.accept_partial, "accept_partial", "accept partial")
  boolField(p.reminder_enable, "reminder_enable", "reminder enable")
  boolField(p.upi_link, "upi_link", "upi link")
  if (p.accept_partial && p.first_min_partial_amount !== undefined) {
    if (!Number.isInteger(p.first_min_partial_amount) || p.first_min_partial_amount < 100 || p.first_min_partial_amount > p.amount)
      throw new RazorpayError("The first min partial amount must be an integer between 100 and the link amount.", "first_min_partial_amount")
  } else if (p.first_min_partial_amount !== undefined && !p.accept_partial)
    throw new RazorpayError("first_min_partial_amount is/are not required and should not be sent", "first_min_partial_amount")
  if (p.upi_link && currency !== "INR") throw new RazorpayError("UPI Payment Links can only be created in INR.", "currency")
  const now = nowSeconds()
  if (p.expire_by !== undefined) {
    if (!Number.isInteger(p.expire_by)) throw new RazorpayError("The expire by must be an integer.", "expire_by")
    if (p.expire_by < now + 15 * 60) throw new RazorpayError("expire_by: timestamp must be atleast 15 minutes in future", "expire_by")
    if (p.expire_by > now + SIX_MONTHS) throw new RazorpayError("expire_by: timestamp cannot be more than 6 months in future", "expire_by")
  }
  if (p.reference_id !== undefined) {
    if (typeof p.reference_id !== "string") throw new RazorpayError("The reference id must be a string.", "reference_id")
    if (p.reference_id.length > 40) throw new RazorpayError("The reference id may not be greater than 40 characters.", "reference_id")
    for (const l of links.values())
      if (l.reference_id && l.reference_id === p.reference_id) throw new RazorpayError(`Payment Link with reference id ${p.reference_id} already exists`, "reference_id")
  }
  if (p.description !== undefined && (typeof p.description !== "string" || p.description.length > 2048)) throw new RazorpayError("The description may not be greater than 2048 characters.", "description")
  if (p.customer !== undefined) {
    if (!isPlainObject(p.customer)) throw new RazorpayError("The customer must be an array.", "customer")
    const extraC = Object.keys(p.customer).filter((k) => !["name", "email", "contact"].includes(k))
    if (extraC.length) throw new RazorpayError(`${extraC.join(", ")} is/are not required and should not be sent`, `customer.${extraC[0]}`)
    const { contact, email } = p.customer
    if (contact !== undefined && (typeof contact !== "string" || !/^\+?[0-9]{8,15}$/.test(contact.replace(/[\s-]/g, ""))))
      throw new RazorpayError("The contact format is invalid.", "customer.contact")
    if (email !== undefined && (typeof email !== "string" || !EMAIL_RE.test(email))) throw new RazorpayError("The email must be a valid email address.", "customer.email")
  }
  if (p.notify !== undefined) {
    if (!isPlainObject(p.notify)) throw new RazorpayError("The notify must be an array.", "notify")
    for (const [k, v] of Object.entries(p.notify)) {
      if (!["sms", "email", "whatsapp"].includes(k)) throw new RazorpayError(`notify.${k} is/are not required and should not be sent`, `notify.${k}`)
      boolField(v, `notify.${k}`, `notify ${k}`)
    }
  }
  if (p.notes !== undefined) {
    if (!isPlainObject(p.notes)) throw new RazorpayError("The notes must be an array.", "notes")
    if (Object.keys(p.notes).length > 15) throw new RazorpayError("Number of fields in notes should be less than or equal to 15", "notes")
    for (const [k, v] of Object.entries(p.notes))
      if ((typeof v !== "string" && typeof v !== "number") || String(v).length > 256) throw new RazorpayError(`The notes.${k} may not be greater than 256 characters.`, `notes.${k}`)
  }
  if (p.callback_url !== undefined) {
    if (!isUrl(p.callback_url)) throw new RazorpayError("The callback url format is invalid.", "callback_url")
    if (p.callback_method !== "get") throw new RazorpayError("callback_method should be get when callback_url is passed.", "callback_method")
  } else if (p.callback_method !== undefined) throw new RazorpayError("The callback url field is required when callback method is present.", "callback_url")
  return currency
}

function createRazorpay(sb) {
  const st = () => sb.state.razorpay
  const cfg = () => sb.config().razorpay

  function emitEvent(type, entities, { wait = true } = {}) {
    const payload = {}
    for (const [k, v] of Object.entries(entities)) payload[k] = { entity: structuredClone(v) }
    const body = JSON.stringify({ entity: "event", account_id: st().accountId, event: type, contains: Object.keys(entities), payload, created_at: nowSeconds() })
    const id = randomString(14)
    const headers = { "X-Razorpay-Signature": razorpayWebhookSignature(cfg().webhookSecret, body), "X-Razorpay-Event-Id": id, "User-Agent": "Razorpay-Webhook/v1" }
    return sb.emit("razorpay", { type, id, body, headers }, { wait })
  }

  function refresh(link) {
    if ((link.status === "created" || link.status === "partially_paid") && link.expire_by && nowSeconds() >= link.expire_by) {
      link.status = "expired"
      link.expired_at = link.updated_at = nowSeconds()
      emitEvent("payment_link.expired", { payment_link: link }, { wait: false })
    }
    return link
  }

  function createLink(p, req) {
    const currency = validateLink(p, st().links)
    const now = nowSeconds()
    const id = rid("plink")
    const link = {
      accept_partial: p.accept_partial ?? false, amount: p.amount, amount_paid: 0, callback_method: p.callback_method ?? "", callback_url: p.callback_url ?? "",
      cancelled_at: 0, created_at: now, currency, customer: p.customer ?? {}, description: p.description ?? "", expire_by: p.expire_by ?? 0, expired_at: 0,
      first_min_partial_amount: p.first_min_partial_amount ?? 0, id, notes: p.notes ?? null, notify: { email: false, sms: false, whatsapp: false, ...(p.notify || {}) },
      order_id: "", payments: null, reference_id: p.reference_id ?? "", reminder_enable: p.reminder_enable ?? false, reminders: [],
      short_url: `${sb.baseUrl(req)}/razorpay/pay/${id}`, status: "created", updated_at: now, upi_link: p.upi_link ?? false, user_id: "", whatsapp_link: false,
    }
    st().links.set(id, link)
    return link
  }

  /** The order Razorpay opens for a link on the first payment attempt. */
  function orderFor(link) {
    let order = link.order_id && st().orders.get(link.order_id)
    if (!order) {
      order = { amount: link.amount, amount_due: link.amount, amount_paid: 0, attempts: 0, created_at: nowSeconds(), currency: link.currency, entity: "order", id: rid("order"), notes: link.notes ?? [], offer_id: null, receipt: link.reference_id || null, status: "created" }
      st().orders.set(order.id, order)
      link.order_id = order.id
    }
    order.attempts += 1
    order.status = "attempted"
    return order
  }

  function newPayment(link, order, ok) {
    const fee = ok ? Math.round(link.amount * 0.02) : null
    const payment = {
      id: rid("pay"), entity: "payment", amount: link.amount, currency: link.currency, status: ok ? "captured" : "failed", order_id: order.id, invoice_id: null, international: false,
      method: "card", amount_refunded: 0, amount_transferred: 0, refund_status: null, captured: ok, description: `#${link.id.slice(6)}`, card_id: rid("card"), bank: null, wallet: null, vpa: null,
      email: link.customer.email || "void@razorpay.com", contact: link.customer.contact || "+919000090000", notes: link.notes ?? [], fee, tax: ok ? Math.round((fee * 18) / 118) : null,
      error_code: ok ? null : "BAD_REQUEST_ERROR", error_description: ok ? null : "Your payment didn't go through as it was declined by the bank. Try another payment method or contact your bank.",
      error_source: ok ? null : "bank", error_step: ok ? null : "payment_authorization", error_reason: ok ? null : "payment_declined", acquirer_data: ok ? { auth_code: randomString(6, "0123456789") } : {}, created_at: nowSeconds(),
    }
    st().payments.set(payment.id, payment)
    return payment
  }

  function payable(id) {
    const link = st().links.get(id)
    if (!link) return { status: 404, message: "The id provided does not exist" }
    refresh(link)
    if (link.status !== "created" && link.status !== "partially_paid") return { status: 409, message: `This payment link is ${link.status}; it cannot be paid.` }
    return { link }
  }

  async function pay(id) {
    const { link, ...err } = payable(id)
    if (!link) return err
    const order = orderFor(link)
    const payment = newPayment(link, order, true)
    const now = nowSeconds()
    Object.assign(order, { amount_paid: order.amount, amount_due: 0, status: "paid" })
    link.payments = [...(link.payments || []), { amount: payment.amount, created_at: now, method: payment.method, payment_id: payment.id, plink_id: link.id, status: "captured", updated_at: now }]
    Object.assign(link, { amount_paid: link.amount, status: "paid", updated_at: now })
    const event = await emitEvent("payment_link.paid", { payment_link: link, order, payment })
    let target = null
    if (link.callback_url) {
      const signature = razorpayCallbackSignature(cfg().keySecret, { plinkId: link.id, referenceId: link.reference_id, status: link.status, paymentId: payment.id })
      const u = new URL(link.callback_url)
      const q = { razorpay_payment_id: payment.id, razorpay_payment_link_id: link.id, razorpay_payment_link_reference_id: link.reference_id, razorpay_payment_link_status: link.status, razorpay_signature: signature }
      for (const [k, v] of Object.entries(q)) u.searchParams.set(k, v)
      target = u.toString()
    }
    return { object: structuredClone(link), events: [event], redirect: target, payment }
  }

  async function fail(id) {
    const { link, ...err } = payable(id)
    if (!link) return err
    const payment = newPayment(link, orderFor(link), false)
    const event = await emitEvent("payment.failed", { payment })
    return { object: structuredClone(link), events: [event], redirect: null, payment }
  }

  async function expire(id) {
    const link = st().links.get(id)
    if (!link) return { status: 404, message: "The id provided does not exist" }
    if (link.status !== "created" && link.status !== "partially_paid") return { status: 409, message: `This payment link is ${link.status}; it cannot expire.` }
    link.status = "expired"
    link.expired_at = link.updated_at = nowSeconds()
    const event = await emitEvent("payment_link.expired", { payment_link: link })
    return { object: structuredClone(link), events: [event], redirect: null }
  }

  async function api(req, res, path, query, rawBody) {
    const m = path.match(/^\/v1\/payment_links(?:\/([^/]+))?(\/cancel)?\/?$/)
    if (!m) return false
    try {
      const h = req.headers.authorization || ""
      if (!/^Basic /i.test(h)) throw authFailure("Please provide your api key for authentication purposes.")
      const [keyId, ...rest] = Buffer.from(h.slice(6), "base64").toString().split(":")
      if (keyId !== cfg().keyId || rest.join(":") !== cfg().keySecret) throw authFailure("The api key provided is invalid")
      const links = st().links
      if (req.method === "POST" && !m[1]) {
        let p
        try {
          p = rawBody ? JSON.parse(rawBody) : {}
        } catch {
          throw new RazorpayError("The request body is not a valid JSON.", undefined)
        }
        return sendJson(res, 200, createLink(p, req))
      }
      if (req.method === "GET" && !m[1]) {
        const q = new URLSearchParams(query)
        const all = [...links.values()].map(refresh).filter((l) => !q.get("reference_id") || l.reference_id === q.get("reference_id")).reverse()
        return sendJson(res, 200, { payment_links: all })
      }
      const link = links.get(m[1])
      if (!link) throw new RazorpayError("The id provided does not exist", "id")
      refresh(link)
      if (req.method === "GET" && !m[2]) return sendJson(res, 200, link)
      if (req.method === "POST" && m[2]) {
        if (link.status !== "created" && link.status !== "partially_paid")
          throw new RazorpayError(`Payment Link cannot be cancelled as it is in ${link.status} state`, undefined, 400, { reason: "NA" })
        Object.assign(link, { status: "cancelled", cancelled_at: nowSeconds(), updated_at: nowSeconds() })
        emitEvent("payment_link.cancelled", { payment_link: link }, { wait: false })
        return sendJson(res, 200, link)
      }
      throw new RazorpayError("The requested URL was not found on the server.", undefined, 404, { reason: "NA" })
    } catch (e) {
      if (!(e instanceof RazorpayError)) throw e
      return sendJson(res, e.status, e.body)
    }
  }

  async function page(req, res, path) {
    const m = path.match(/^\/razorpay\/pay\/([^/]+)(\/pay|\/fail)?$/)
    if (!m) return false
    const link = st().links.get(m[1])
    if (!link) return sendHtml(res, 404, pages.messagePage("razorpay", "Payment link not found", "This payment link is not valid."))
    refresh(link)
    if (req.method === "GET" && !m[2]) {
      if (link.status !== "created" && link.status !== "partially_paid")
        return sendHtml(res, 409, pages.messagePage("razorpay", `This payment link is ${link.status}`, link.status === "paid" ? "It has already been paid." : "It can no longer be paid."))
      return sendHtml(res, 200, pages.razorpayLinkPage(link))
    }
    if (req.method !== "POST" || !m[2]) return false
    const out = m[2] === "/pay" ? await pay(m[1]) : await fail(m[1])
    if (out.status) return sendHtml(res, out.status, pages.messagePage("razorpay", "This payment link cannot be paid", out.message))
    if (m[2] === "/fail") return sendHtml(res, 200, pages.razorpayLinkPage(link, { failed: true }))
    if (out.redirect) return redirect(res, out.redirect)
    return sendHtml(res, 200, pages.messagePage("razorpay", "Payment successful", `Payment ${out.payment.id} received. You can close this page.`))
  }

  return { api, page, pay, fail, expire }
}

module.exports = { createRazorpay }
