// Small HTTP helpers shared by the payment fakes: body reading, JSON/HTML
// answers, redirects, ids, Stripe-style bracket form parsing, deep merge.
const crypto = require("node:crypto")

const MAX_BODY = 1024 * 1024

/** The raw request body as a string (works when a framework already buffered it). */
function readBody(req) {
  if (typeof req.rawBody === "string") return Promise.resolve(req.rawBody)
  if (Buffer.isBuffer(req.rawBody)) return Promise.resolve(req.rawBody.toString("utf8"))
  // Mounted behind a body parser that already drained the stream: nothing left to read.
  if (req.readableEnded) return Promise.resolve(typeof req.body === "string" ? req.body : "")
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    req.on("data", (c) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(Object.assign(new Error("body too large"), { status: 413 }))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })
}

function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body)
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers })
  res.end(text)
  return true
}

function sendHtml(res, status, html) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(html), "cache-control": "no-store" })
  res.end(html)
  return true
}

function redirect(res, location) {
  res.writeHead(303, { location, "content-length": 0 })
  res.end()
  return true
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
const UPPER_NUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

/** A random string of `length` characters from `alphabet`. */
function randomString(length, alphabet = ALNUM) {
  const bytes = crypto.randomBytes(length)
  let out = ""
  for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length]
  return out
}

const nowSeconds = () => Math.floor(Date.now() / 1000)
const isoSeconds = (ms = Date.now()) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z")

/** Parses `a[b][0][c]=v` (Stripe's form encoding) into nested objects and arrays. */
function parseBracketForm(raw) {
  const root = {}
  for (const [key, value] of new URLSearchParams(raw)) {
    const head = key.split("[", 1)[0]
    const rest = key.slice(head.length)
    const segments = [head]
    const re = /\[([^\]]*)\]/g
    let m
    while ((m = re.exec(rest))) segments.push(m[1])
    let node = root
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]
      const last = i === segments.length - 1
      const nextIsIndex = !last && /^\d*$/.test(segments[i + 1])
      const k = Array.isArray(node) && seg === "" ? node.length : seg
      if (last) node[k] = value
      else {
        if (node[k] === undefined || typeof node[k] !== "object") node[k] = nextIsIndex ? [] : {}
        node = node[k]
      }
    }
  }
  return root
}

function isPlainObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v)
}

/** Deep merge of plain objects (arrays and scalars are replaced). */
function deepMerge(target, source) {
  if (!isPlainObject(source)) return target
  for (const [k, v] of Object.entries(source)) {
    if (isPlainObject(v) && isPlainObject(target[k])) deepMerge(target[k], v)
    else target[k] = isPlainObject(v) ? deepMerge({}, v) : v
  }
  return target
}

/** Minor-unit exponent of a currency as Intl knows it (JPY 0, EUR 2, KWD 3). */
function currencyDecimals(currency) {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits
  } catch {
    return 2
  }
}

function isUrl(value) {
  if (typeof value !== "string" || value.length > 2048) return false
  try {
    const u = new URL(value)
    return u.protocol === "http:" || u.protocol === "https:"
  } catch {
    return false
  }
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

module.exports = {
  readBody,
  sendJson,
  sendHtml,
  redirect,
  randomString,
  ALNUM,
  UPPER_NUM,
  nowSeconds,
  isoSeconds,
  parseBracketForm,
  isPlainObject,
  deepMerge,
  currencyDecimals,
  isUrl,
  EMAIL_RE,
}
