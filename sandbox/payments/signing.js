// Webhook signatures exactly as each provider computes them:
// - Stripe: Stripe-Signature "t=<unix>,v1=<hex HMAC-SHA256(secret, `${t}.${raw body}`)>"
// - Razorpay: X-Razorpay-Signature = hex HMAC-SHA256(webhook secret, raw body);
//   callback razorpay_signature = hex HMAC-SHA256(key secret, "plink|ref|status|pay")
// - PayPal: RSA-SHA256 (base64) over "<transmission id>|<time>|<webhook id>|<crc32(body)>",
//   with a key generated at start and a self-signed X.509 certificate served at PAYPAL-CERT-URL.
const crypto = require("node:crypto")
const zlib = require("node:zlib")

const hmacHex = (secret, payload) => crypto.createHmac("sha256", secret).update(payload, "utf8").digest("hex")

function stripeSignatureHeader(secret, rawBody, timestamp = Math.floor(Date.now() / 1000)) {
  return `t=${timestamp},v1=${hmacHex(secret, `${timestamp}.${rawBody}`)}`
}

const razorpayWebhookSignature = (secret, rawBody) => hmacHex(secret, rawBody)

function razorpayCallbackSignature(keySecret, { plinkId, referenceId, status, paymentId }) {
  return hmacHex(keySecret, `${plinkId}|${referenceId}|${status}|${paymentId}`)
}

/** CRC32 of the raw body as an unsigned decimal string, as PayPal signs it. */
const crc32Decimal = (rawBody) => String(zlib.crc32(Buffer.from(rawBody, "utf8")) >>> 0)

const paypalSignedString = ({ transmissionId, transmissionTime, webhookId, rawBody }) =>
  `${transmissionId}|${transmissionTime}|${webhookId}|${crc32Decimal(rawBody)}`

// --- minimal DER encoder, just enough for one self-signed certificate ---
function derLength(n) {
  if (n < 0x80) return Buffer.from([n])
  const bytes = []
  while (n > 0) {
    bytes.unshift(n & 0xff)
    n >>= 8
  }
  return Buffer.from([0x80 | bytes.length, ...bytes])
}
const tlv = (tag, content) => Buffer.concat([Buffer.from([tag]), derLength(content.length), content])
const seq = (...parts) => tlv(0x30, Buffer.concat(parts))
const set = (...parts) => tlv(0x31, Buffer.concat(parts))
const derNull = () => Buffer.from([0x05, 0x00])
function derInt(buf) {
  let b = Buffer.from(buf)
  while (b.length > 1 && b[0] === 0 && b[1] < 0x80) b = b.subarray(1)
  if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b])
  return tlv(0x02, b)
}
function derOid(oid) {
  const parts = oid.split(".").map(Number)
  const bytes = [parts[0] * 40 + parts[1]]
  for (const p of parts.slice(2)) {
    const stack = [p & 0x7f]
    let v = p >> 7
    while (v > 0) {
      stack.unshift((v & 0x7f) | 0x80)
      v >>= 7
    }
    bytes.push(...stack)
  }
  return tlv(0x06, Buffer.from(bytes))
}
const utcTime = (date) => tlv(0x17, Buffer.from(date.toISOString().replace(/[-:T]/g, "").slice(2, 14) + "Z"))
const name = (cn) => seq(set(seq(derOid("2.5.4.6"), tlv(0x13, Buffer.from("US")))), set(seq(derOid("2.5.4.3"), tlv(0x0c, Buffer.from(cn)))))

/** An RSA key pair and a self-signed certificate (PEM) for PayPal-style webhook signatures. */
function createPaypalSigner() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 })
  const sha256WithRsa = seq(derOid("1.2.840.113549.1.1.11"), derNull())
  const now = Date.now()
  const subject = name("messageverificationcerts.sandbox.paypal.local")
  const tbs = seq(
    tlv(0xa0, derInt(Buffer.from([2]))),
    derInt(crypto.randomBytes(12)),
    sha256WithRsa,
    subject,
    seq(utcTime(new Date(now - 3600e3)), utcTime(new Date(now + 365 * 86400e3))),
    subject,
    publicKey.export({ type: "spki", format: "der" })
  )
  const signature = crypto.sign("sha256", tbs, privateKey)
  const der = seq(tbs, sha256WithRsa, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])))
  const certPem = `-----BEGIN CERTIFICATE-----\n${der.toString("base64").match(/.{1,64}/g).join("\n")}\n-----END CERTIFICATE-----\n`
  return {
    certPem,
    publicKey,
    sign: (parts) => crypto.sign("sha256", Buffer.from(paypalSignedString(parts)), privateKey).toString("base64"),
    verify: (parts, signatureB64) => {
      try {
        return crypto.verify("sha256", Buffer.from(paypalSignedString(parts)), publicKey, Buffer.from(String(signatureB64), "base64"))
      } catch {
        return false
      }
    },
  }
}

module.exports = {
  hmacHex,
  stripeSignatureHeader,
  razorpayWebhookSignature,
  razorpayCallbackSignature,
  crc32Decimal,
  paypalSignedString,
  createPaypalSigner,
}
