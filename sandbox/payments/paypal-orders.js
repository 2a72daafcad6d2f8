// PayPal Orders v2: request validation (400 INVALID_REQUEST for schema errors,
// 422 UNPROCESSABLE_ENTITY for business rules) and the order representation.
const { randomString, UPPER_NUM, isPlainObject, isUrl } = require("./http")

class PaypalError extends Error {
  constructor(status, name, message, details = []) {
    super(message)
    this.status = status
    const issue = details[0]?.issue
    this.body = {
      name,
      message,
      debug_id: randomString(13, "0123456789abcdef"),
      details,
      links: issue ? [{ href: `https://developer.paypal.com/docs/api/orders/v2/#error-${issue}`, rel: "information_link", method: "GET" }] : [],
    }
  }
}
const detail = (field, value, issue, description, location = "body") => ({ field, ...(value !== undefined ? { value: String(value) } : {}), location, issue, description })
const badRequest = (...d) => new PaypalError(400, "INVALID_REQUEST", "Request is not well-formed, syntactically incorrect, or violates schema.", [detail(...d)])
const unprocessable = (...d) => new PaypalError(422, "UNPROCESSABLE_ENTITY", "The requested action could not be performed, semantically incorrect, or failed business validation.", [detail(...d)])
const notFound = (id) => new PaypalError(404, "RESOURCE_NOT_FOUND", "The specified resource does not exist.", [detail("order_id", id, "INVALID_RESOURCE_ID", "Specified resource ID does not exist. Please check the resource ID and try again.", "path")])

const CURRENCIES = new Set("AUD BRL CAD CNY CZK DKK EUR HKD HUF ILS JPY MYR MXN TWD NZD NOK PHP PLN GBP SGD SEK CHF THB USD".split(" "))
const ZERO_DECIMAL = new Set(["HUF", "JPY", "TWD"])
const decimalsOf = (code) => (ZERO_DECIMAL.has(code) ? 0 : 2)
const VALUE_RE = /^((-?[0-9]+)|(-?([0-9]+)?[.][0-9]+))$/
const LOCALE_RE = /^[a-z]{2}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$/

const missing = (field) => badRequest(field, undefined, "MISSING_REQUIRED_PARAMETER", "A required field / parameter is missing.")
const tooLong = (field, value, max) => badRequest(field, value, "INVALID_STRING_LENGTH", `The value of a field is either too short or too long. Maximum length is ${max}.`)

function checkString(value, field, max, min = 1) {
  if (value === undefined) return
  if (typeof value !== "string") throw badRequest(field, value, "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected format.")
  if (value.length < min || value.length > max) throw tooLong(field, value, max)
}
function checkEnum(value, field, allowed) {
  if (value !== undefined && !allowed.includes(value)) throw badRequest(field, value, "INVALID_PARAMETER_VALUE", "The value of a field is invalid.")
}

/** Validates a money object; returns its value in minor units. */
function money(m, field, expectedCurrency) {
  if (!isPlainObject(m)) throw missing(field)
  if (m.currency_code === undefined) throw missing(`${field}/currency_code`)
  if (typeof m.currency_code !== "string" || !/^[A-Z]{3}$/.test(m.currency_code)) throw badRequest(`${field}/currency_code`, m.currency_code, "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected format.")
  if (m.value === undefined) throw missing(`${field}/value`)
  if (typeof m.value !== "string" || m.value.length > 32 || !VALUE_RE.test(m.value)) throw badRequest(`${field}/value`, m.value, "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected format.")
  if (!CURRENCIES.has(m.currency_code)) throw unprocessable(`${field}/currency_code`, m.currency_code, "CURRENCY_NOT_SUPPORTED", "Currency code is not currently supported. Please refer https://developer.paypal.com/docs/api/reference/currency-codes/ for list of supported currency codes.")
  if (expectedCurrency && m.currency_code !== expectedCurrency) throw unprocessable(`${field}/currency_code`, m.currency_code, "CURRENCY_MISMATCH", "Should have same currency code as amount.")
  const digits = decimalsOf(m.currency_code)
  const fraction = (m.value.split(".")[1] || "").length
  if (fraction > digits)
    throw digits === 0
      ? unprocessable(`${field}/value`, m.value, "DECIMALS_NOT_SUPPORTED", "Currency does not support decimals.")
      : unprocessable(`${field}/value`, m.value, "DECIMAL_PRECISION", "If the currency supports decimals, only two decimal place precision is supported.")
  return Math.round(Number(m.value) * 10 ** digits)
}

function checkContext(ctx, field, landingPages) {
  if (ctx === undefined) return
  if (!isPlainObject(ctx)) throw badRequest(field, undefined, "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected format.")
  for (const k of ["return_url", "cancel_url"])
    if (ctx[k] !== undefined && !isUrl(ctx[k])) throw badRequest(`${field}/${k}`, ctx[k], "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected format.")
  checkString(ctx.brand_name, `${field}/brand_name`, 127)
  if (ctx.locale !== undefined && (typeof ctx.locale !== "string" || !LOCALE_RE.test(ctx.locale))) throw badRequest(`${field}/locale`, ctx.locale, "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected format.")
  checkEnum(ctx.user_action, `${field}/user_action`, ["CONTINUE", "PAY_NOW"])
  checkEnum(ctx.shipping_preference, `${field}/shipping_preference`, ["GET_FROM_FILE", "NO_SHIPPING", "SET_PROVIDED_ADDRESS"])
  checkEnum(ctx.landing_page, `${field}/landing_page`, landingPages)
}

function checkPurchaseUnit(pu, i, many) {
  const f = `/purchase_units/${i}`
  if (!isPlainObject(pu)) throw badRequest(f, undefined, "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected format.")
  if (many && pu.reference_id === undefined) throw badRequest(`${f}/reference_id`, undefined, "REFERENCE_ID_REQUIRED", "'reference_id' is required for each 'purchase_unit' if multiple 'purchase_unit' are provided.")
  checkString(pu.reference_id, `${f}/reference_id`, 256)
  checkString(pu.custom_id, `${f}/custom_id`, 255)
  checkString(pu.invoice_id, `${f}/invoice_id`, 127)
  checkString(pu.description, `${f}/description`, 127)
  checkString(pu.soft_descriptor, `${f}/soft_descriptor`, 22)
  if (pu.amount === undefined) throw missing(`${f}/amount`)
  const total = money(pu.amount, `${f}/amount`)
  const cur = pu.amount.currency_code
  const at = `/purchase_units/@reference_id=='${pu.reference_id ?? "default"}'`
  if (total <= 0) throw unprocessable(`${at}/amount/value`, pu.amount.value, "CANNOT_BE_ZERO_OR_NEGATIVE", "Must be greater than zero. If the currency supports decimals, only two decimal place precision is supported.")
  const b = pu.amount.breakdown
  const part = (k) => (b && b[k] !== undefined ? money(b[k], `${f}/amount/breakdown/${k}`, cur) : 0)
  const parts = { item_total: part("item_total"), tax_total: part("tax_total"), shipping: part("shipping"), handling: part("handling"), insurance: part("insurance"), shipping_discount: part("shipping_discount"), discount: part("discount") }
  if (pu.items !== undefined) {
    if (!Array.isArray(pu.items)) throw badRequest(`${f}/items`, undefined, "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected format.")
    let sum = 0
    pu.items.forEach((it, j) => {
      const g = `${f}/items/${j}`
      if (it.name === undefined) throw missing(`${g}/name`)
      checkString(it.name, `${g}/name`, 127)
      if (it.quantity === undefined) throw missing(`${g}/quantity`)
      if (typeof it.quantity !== "string" || !/^[1-9][0-9]{0,9}$/.test(it.quantity)) throw badRequest(`${g}/quantity`, it.quantity, "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected format.")
      if (it.unit_amount === undefined) throw missing(`${g}/unit_amount`)
      sum += money(it.unit_amount, `${g}/unit_amount`, cur) * Number(it.quantity)
    })
    if (!b || b.item_total === undefined) throw unprocessable(`${at}/amount/breakdown/item_total`, undefined, "ITEM_TOTAL_REQUIRED", "If item details are specified (items.unit_amount and items.quantity) corresponding amount.breakdown.item_total is required.")
    if (sum !== parts.item_total) throw unprocessable(`${at}/amount/breakdown/item_total`, b.item_total.value, "ITEM_TOTAL_MISMATCH", "Should equal sum of (unit_amount * quantity) across all items for a given purchase_unit.")
  }
  if (b) {
    const expected = parts.item_total + parts.tax_total + parts.shipping + parts.handling + parts.insurance - parts.shipping_discount - parts.discount
    if (expected !== total) throw unprocessable(`${at}/amount/value`, pu.amount.value, "AMOUNT_MISMATCH", "Should equal item_total + tax_total + shipping + handling + insurance - shipping_discount - discount.")
  }
}

/** Validates a create-order body. */
function checkOrderRequest(body) {
  if (!isPlainObject(body)) throw badRequest("/", undefined, "MALFORMED_REQUEST_JSON", "The request JSON is not well formed.")
  if (body.intent === undefined) throw missing("/intent")
  checkEnum(body.intent, "/intent", ["CAPTURE", "AUTHORIZE"])
  const pus = body.purchase_units
  if (pus === undefined) throw missing("/purchase_units")
  if (!Array.isArray(pus)) throw badRequest("/purchase_units", undefined, "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected format.")
  if (pus.length < 1) throw badRequest("/purchase_units", undefined, "INVALID_ARRAY_MIN_ITEMS", "The number of items in an array parameter is too small.")
  if (pus.length > 10) throw badRequest("/purchase_units", undefined, "INVALID_ARRAY_MAX_ITEMS", "The number of items in an array parameter is too large.")
  pus.forEach((pu, i) => checkPurchaseUnit(pu, i, pus.length > 1))
  const refs = pus.map((pu) => pu.reference_id ?? "default")
  if (new Set(refs).size !== refs.length) throw unprocessable("/purchase_units", undefined, "DUPLICATE_REFERENCE_ID", "`reference_id` must be unique if multiple `purchase_unit` are provided.")
  const ps = body.payment_source
  if (ps !== undefined) {
    if (!isPlainObject(ps) || Object.keys(ps).length !== 1) throw badRequest("/payment_source", undefined, "INVALID_PARAMETER_SYNTAX", "The value of a field does not conform to the expected format.")
    if (!isPlainObject(ps.paypal)) throw unprocessable(`/payment_source/${Object.keys(ps)[0]}`, undefined, "PAYMENT_SOURCE_NOT_SUPPORTED", "The sandbox only supports the paypal payment source.")
    checkContext(ps.paypal.experience_context, "/payment_source/paypal/experience_context", ["LOGIN", "GUEST_CHECKOUT", "NO_PREFERENCE"])
  }
  checkContext(body.application_context, "/application_context", ["LOGIN", "BILLING", "NO_PREFERENCE", "GUEST_CHECKOUT"])
}

const paypalId = (n = 17) => randomString(n, UPPER_NUM)

/** Builds the stored order from a validated request. */
function buildOrder(body, merchant) {
  const ctx = { ...(body.application_context || {}), ...(body.payment_source?.paypal?.experience_context || {}) }
  const order = {
    id: paypalId(),
    intent: body.intent,
    status: body.payment_source ? "PAYER_ACTION_REQUIRED" : "CREATED",
    ...(body.payment_source ? { payment_source: { paypal: {} } } : {}),
    purchase_units: body.purchase_units.map((pu) => ({
      reference_id: pu.reference_id ?? "default",
      amount: structuredClone(pu.amount),
      payee: { email_address: merchant.email, merchant_id: merchant.id },
      ...Object.fromEntries(["description", "custom_id", "invoice_id", "soft_descriptor", "items", "shipping"].filter((k) => pu[k] !== undefined).map((k) => [k, structuredClone(pu[k])])),
    })),
    create_time: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
  }
  return { order, ctx, experienceContext: body.payment_source?.paypal?.experience_context, applicationContext: body.application_context }
}

/** PayPal's fee for a captured amount (3.49% + fixed), as decimal strings. */
function breakdown(amount) {
  const digits = decimalsOf(amount.currency_code)
  const gross = Number(amount.value)
  const fee = Number((gross * 0.0349 + (digits ? 0.49 : 49)).toFixed(digits))
  const m = (v) => ({ currency_code: amount.currency_code, value: v.toFixed(digits) })
  return { gross_amount: m(gross), paypal_fee: m(fee), net_amount: m(gross - fee) }
}

module.exports = { PaypalError, badRequest, unprocessable, notFound, detail, checkOrderRequest, buildOrder, breakdown, paypalId }
