// Validation of Checkout Session / Refund create parameters, as strict as the
// Stripe API (form-encoded values arrive as strings). A failure throws a
// StripeError carrying Stripe's error object.

const { isPlainObject, isUrl, EMAIL_RE, currencyDecimals } = require("./http")

class StripeError extends Error {
  constructor(status, error) {
    super(error.message)
    this.status = status
    this.error = { ...error, type: error.type || "invalid_request_error" }
    if (error.code) this.error.doc_url = `https://stripe.com/docs/error-codes/${error.code.replace(/_/g, "-")}`
  }
}

const invalid = (message, param, code) => new StripeError(400, { message, ...(param ? { param } : {}), ...(code ? { code } : {}) })
const missing = (param) => invalid(`Missing required param: ${param}.`, param, "parameter_missing")

const SESSION_PARAMS = new Set(
  ("adaptive_pricing after_expiration allow_promotion_codes allowed_payment_method_types automatic_tax billing_address_collection branding_settings " +
    "cancel_url client_reference_id consent_collection currency custom_fields custom_text customer customer_account customer_creation customer_email " +
    "customer_update discounts excluded_payment_method_types expand expires_at integration_identifier invoice_creation line_items locale managed_payments " +
    "metadata mode name_collection optional_items origin_context payment_intent_data payment_method_collection payment_method_configuration " +
    "payment_method_data payment_method_options payment_method_types permissions phone_number_collection redirect_on_completion return_url " +
    "saved_payment_method_options setup_intent_data shipping_address_collection shipping_options submit_type subscription_data success_url " +
    "tax_id_collection ui_mode wallet_options").split(" ")
)
const LINE_ITEM_PARAMS = new Set(["adjustable_quantity", "dynamic_tax_rates", "metadata", "price", "price_data", "quantity", "tax_rates"])
const PRICE_DATA_PARAMS = new Set(["currency", "product", "product_data", "recurring", "tax_behavior", "unit_amount", "unit_amount_decimal"])
const PRODUCT_DATA_PARAMS = new Set(["description", "images", "metadata", "name", "tax_code", "tax_details", "unit_label"])
const REFUND_PARAMS = new Set(["amount", "charge", "currency", "customer", "expand", "instructions_email", "metadata", "origin", "payment_intent", "reason", "refund_application_fee", "reverse_transfer"])
const LOCALES = new Set(
  ("auto bg cs da de el en en-GB es es-419 et fi fil fr fr-CA hi-IN hr hu id it ja ko lt lv ms mt nb nl pl pt pt-BR ro ru sk sl sv th tr vi zh zh-HK zh-TW").split(" ")
)
// Currencies Stripe accepts for card payments (lower case, ISO 4217).
const CURRENCIES = new Set(
  ("usd aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bif bmd bnd bob brl bsd bwp byn bzd cad cdf chf clp cny cop crc cve czk djf dkk dop dzd " +
    "egp etb eur fjd fkp gbp gel gip gmd gnf gtq gyd hkd hnl htg huf idr ils inr isk jmd jpy kes kgs khr kmf krw kyd kzt lak lbp lkr lrd lsl mad mdl mga " +
    "mkd mmk mnt mop mur mvr mwk mxn myr mzn nad ngn nio nok npr nzd pab pen pgk php pkr pln pyg qar ron rsd rub rwf sar sbd scr sek sgd shp sle sos srd " +
    "std szl thb tjs top try ttd twd tzs uah ugx uyu uzs vnd vuv wst xaf xcd xof xpf yer zar zmw").split(" ")
)
// Stripe's zero-decimal currencies (differs from ISO for a few, e.g. huf/isk/twd/ugx).
const ZERO_DECIMAL = new Set("bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf".split(" "))
const stripeDecimals = (c) => (ZERO_DECIMAL.has(c) ? 0 : currencyDecimals(c) === 3 ? 3 : 2)
// Minimum charge amounts in minor units (Stripe's table; 50 is the common case).
const MINIMUMS = { usd: 50, eur: 50, gbp: 30, inr: 50, aud: 50, cad: 50, chf: 50, jpy: 50, mxn: 1000, brl: 50, dkk: 250, sek: 300, nok: 300, pln: 200, sgd: 50, hkd: 400 }

function rejectUnknown(obj, allowed, prefix = "") {
  for (const key of Object.keys(obj)) {
    if (!allowed.has(key)) {
      const param = prefix ? `${prefix}[${key}]` : key
      throw invalid(`Received unknown parameter: ${param}`, param, "parameter_unknown")
    }
  }
}

function integer(value, param, { min } = {}) {
  const s = String(value)
  if (!/^-?\d+$/.test(s)) throw invalid(`Invalid integer: ${s}`, param, "parameter_invalid_integer")
  const n = Number(s)
  if (!Number.isSafeInteger(n)) throw invalid(`Invalid integer: ${s}`, param, "parameter_invalid_integer")
  if (min !== undefined && n < min) throw invalid(`This value must be greater than or equal to ${min}.`, param, "parameter_invalid_integer")
  return n
}

function currency(value, param) {
  const c = String(value ?? "")
  if (!c) throw missing(param)
  if (!CURRENCIES.has(c.toLowerCase())) throw invalid(`Invalid currency: ${c.toLowerCase()}. Stripe currently supports these currencies: ${[...CURRENCIES].join(", ")}`, param)
  return c.toLowerCase()
}

/** metadata: ≤ 50 keys, keys ≤ 40 chars, values ≤ 500 chars; empty values unset keys. */
function metadata(value, param = "metadata") {
  if (value === undefined || value === "") return {}
  if (!isPlainObject(value)) throw invalid("Invalid object", param, "parameter_invalid_object")
  const out = {}
  for (const [k, v] of Object.entries(value)) {
    if (k.length > 40) throw invalid(`Metadata keys can have up to 40 characters, but you passed in a key that is ${k.length} characters. Invalid key: ${k}`, `${param}[${k}]`)
    if (typeof v !== "string") throw invalid("Invalid string", `${param}[${k}]`)
    if (v.length > 500) throw invalid(`Metadata values can have up to 500 characters, but you passed in a value that is ${v.length} characters. Invalid value: ${v}`, `${param}[${k}]`)
    if (v !== "") out[k] = v
  }
  if (Object.keys(out).length > 50) throw invalid("Metadata can have up to 50 keys.", param)
  return out
}

function url(value, param) {
  if (!isUrl(value)) throw invalid("Not a valid URL", param, "url_invalid")
  return value
}

function lineItem(li, i) {
  const p = `line_items[${i}]`
  if (!isPlainObject(li)) throw invalid("Invalid object", p, "parameter_invalid_object")
  rejectUnknown(li, LINE_ITEM_PARAMS, p)
  if (li.price !== undefined) throw invalid(`No such price: '${li.price}'`, `${p}[price]`, "resource_missing")
  if (!isPlainObject(li.price_data)) throw invalid(`You must specify either \`price\` or \`price_data\` in ${p}.`, p)
  const pd = li.price_data
  rejectUnknown(pd, PRICE_DATA_PARAMS, `${p}[price_data]`)
  const cur = currency(pd.currency, `${p}[price_data][currency]`)
  if (pd.recurring !== undefined) throw invalid("You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.", `${p}[price_data][recurring]`)
  if (pd.unit_amount !== undefined && pd.unit_amount_decimal !== undefined) throw invalid("You may only specify one of these parameters: unit_amount, unit_amount_decimal.", `${p}[price_data][unit_amount]`)
  let unit
  if (pd.unit_amount !== undefined) unit = integer(pd.unit_amount, `${p}[price_data][unit_amount]`, { min: 0 })
  else if (pd.unit_amount_decimal !== undefined) {
    if (!/^\d+(\.\d{1,12})?$/.test(String(pd.unit_amount_decimal))) throw invalid(`Invalid decimal: ${pd.unit_amount_decimal}`, `${p}[price_data][unit_amount_decimal]`, "parameter_invalid_decimal")
    unit = Number(pd.unit_amount_decimal)
  } else throw missing(`${p}[price_data][unit_amount]`)
  if (pd.product !== undefined) throw invalid(`No such product: '${pd.product}'`, `${p}[price_data][product]`, "resource_missing")
  if (!isPlainObject(pd.product_data)) throw missing(`${p}[price_data][product_data]`)
  rejectUnknown(pd.product_data, PRODUCT_DATA_PARAMS, `${p}[price_data][product_data]`)
  const nameValue = pd.product_data.name
  if (typeof nameValue !== "string" || !nameValue.trim()) throw missing(`${p}[price_data][product_data][name]`)
  if (li.quantity === undefined) throw invalid(`Quantity is required. Add \`quantity\` to \`${p}\``, `${p}[quantity]`)
  const quantity = integer(li.quantity, `${p}[quantity]`, { min: 1 })
  if (quantity > 999999) throw invalid("This value must be less than or equal to 999999.", `${p}[quantity]`)
  return { currency: cur, unit, quantity, name: nameValue, description: pd.product_data.description, metadata: metadata(li.metadata, `${p}[metadata]`) }
}

/** Validates create params; returns the normalised pieces a session is built from. */
function checkSessionParams(params, now) {
  rejectUnknown(params, SESSION_PARAMS)
  const mode = params.mode
  if (mode === undefined) throw missing("mode")
  if (!["payment", "setup", "subscription"].includes(mode)) throw invalid(`Invalid mode: must be one of payment, setup, or subscription`, "mode")
  if (mode !== "payment") throw invalid(`The sandbox only supports \`mode=payment\` (got \`${mode}\`).`, "mode")
  const uiMode = params.ui_mode ?? "hosted_page"
  if (!["hosted_page", "hosted"].includes(uiMode)) throw invalid("The sandbox only supports hosted Checkout pages.", "ui_mode")
  if (params.line_items === undefined || params.line_items === "") throw missing("line_items")
  if (!Array.isArray(params.line_items) || params.line_items.length === 0) throw invalid("Invalid array", "line_items", "parameter_invalid_array")
  if (params.line_items.length > 100) throw invalid("You may only specify up to 100 line items in `payment` mode.", "line_items")
  const items = params.line_items.map(lineItem)
  if (new Set(items.map((i) => i.currency)).size > 1) throw invalid("All line items must have the same currency.", "line_items")
  if (params.currency !== undefined && currency(params.currency, "currency") !== items[0].currency) throw invalid("The `currency` must match the currency of the line items.", "currency")
  if (params.success_url === undefined) throw missing("success_url")
  url(params.success_url, "success_url")
  if (params.cancel_url !== undefined) url(params.cancel_url, "cancel_url")
  if (params.customer_email !== undefined && !EMAIL_RE.test(params.customer_email)) throw invalid(`Invalid email address: ${params.customer_email}`, "customer_email", "email_invalid")
  if (params.client_reference_id !== undefined && (params.client_reference_id.length > 200 || params.client_reference_id === ""))
    throw invalid("client_reference_id must be a non-empty string of at most 200 characters.", "client_reference_id")
  if (params.locale !== undefined && !LOCALES.has(params.locale)) throw invalid(`Invalid locale: ${params.locale}`, "locale")
  let expiresAt = now + 24 * 3600
  if (params.expires_at !== undefined) {
    expiresAt = integer(params.expires_at, "expires_at")
    if (expiresAt < now + 30 * 60) throw invalid("The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.", "expires_at")
    if (expiresAt > now + 24 * 3600) throw invalid("The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.", "expires_at")
  }
  const cur = items[0].currency
  const total = Math.round(items.reduce((sum, i) => sum + i.unit * i.quantity, 0))
  const minimum = MINIMUMS[cur] ?? 50
  if (total > 0 && total < minimum) {
    const major = (minimum / 10 ** stripeDecimals(cur)).toFixed(stripeDecimals(cur))
    throw invalid(`The Checkout Session's total amount due must add up to at least ${major} ${cur}`, "line_items")
  }
  if (total > 99999999) throw invalid("The Checkout Session's total amount due must be no more than 99999999.", "line_items")
  const pid = params.payment_intent_data
  return {
    mode,
    uiMode,
    items,
    currency: cur,
    total,
    expiresAt,
    metadata: metadata(params.metadata),
    piMetadata: isPlainObject(pid) ? metadata(pid.metadata, "payment_intent_data[metadata]") : {},
    piDescription: isPlainObject(pid) ? pid.description ?? null : null,
  }
}

function checkRefundParams(params) {
  rejectUnknown(params, REFUND_PARAMS)
  if (params.payment_intent === undefined && params.charge === undefined)
    throw invalid("One of the following params should be provided for this request: payment_intent or charge.", "payment_intent")
  const amount = params.amount === undefined ? undefined : integer(params.amount, "amount", { min: 1 })
  if (params.reason !== undefined && !["duplicate", "fraudulent", "requested_by_customer"].includes(params.reason))
    throw invalid("Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer", "reason")
  return { amount, metadata: metadata(params.metadata), reason: params.reason ?? null }
}

module.exports = { StripeError, invalid, checkSessionParams, checkRefundParams, stripeDecimals }
