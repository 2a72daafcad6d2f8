/**
 * Checks a PayPal webhook's headers can pass before PayPal is asked to
 * verify its signature, so a forged or replayed POST costs no call to PayPal.
 *
 * - PAYPAL-CERT-URL: PayPal signs with the certificate it names in this
 *   header, served from its API hosts (https://api.paypal.com/v1/notifications/certs/CERT-…,
 *   api.sandbox.paypal.com in the sandbox; api-m.* are the hosts its current
 *   API reference uses). https://developer.paypal.com/api/rest/webhooks/rest
 *   ("download the certificate from PAYPAL-CERT-URL"); request limits from
 *   https://developer.paypal.com/api/webhooks/v1/#verify-webhook-signature_post
 *   (cert_url ≤ 500, transmission_id ≤ 50, transmission_sig ≤ 500, auth_algo
 *   `^[a-zA-Z0-9]+$` ≤ 100, transmission_time an Internet date-time).
 * - PAYPAL-TRANSMISSION-TIME: when PayPal sent it. A delivery far from now
 *   is a replay (PayPal's own retries carry a new transmission and time).
 */
export const PAYPAL_CERT_HOSTS = ["api.paypal.com", "api-m.paypal.com", "api.sandbox.paypal.com", "api-m.sandbox.paypal.com"]
export const TRANSMISSION_WINDOW_MS = 5 * 60 * 1000

export type PayPalWebhookHeaders = {
  "transmission-id": string
  "transmission-time": string
  "transmission-sig": string
  "cert-url": string
  "auth-algo": string
}

export type HeaderCheckOptions = {
  now: Date
  /** Only for the local sandbox and tests: the fake's origin, which also serves its certificate (http allowed). */
  extraCertOrigin?: string
  windowMs?: number
}

/** Why the headers cannot be PayPal's, or null when they may be (PayPal still verifies the signature). */
export function payPalHeaderProblem(h: PayPalWebhookHeaders, options: HeaderCheckOptions): string | null {
  if (h["cert-url"].length > 500) return "PAYPAL-CERT-URL too long"
  if (h["transmission-id"].length > 50 || h["transmission-sig"].length > 500) return "PAYPAL-TRANSMISSION-ID or -SIG too long"
  if (!/^[a-zA-Z0-9]{1,100}$/.test(h["auth-algo"])) return "PAYPAL-AUTH-ALGO malformed"
  let cert: URL
  try {
    cert = new URL(h["cert-url"])
  } catch {
    return "PAYPAL-CERT-URL is not a URL"
  }
  const paypal = cert.protocol === "https:" && PAYPAL_CERT_HOSTS.includes(cert.hostname) && !cert.port && !cert.username && !cert.password
  const sandbox = !!options.extraCertOrigin && cert.origin === new URL(options.extraCertOrigin).origin
  if (!paypal && !sandbox) return "PAYPAL-CERT-URL is not on a PayPal host"
  if (!cert.pathname.startsWith("/v1/notifications/certs/")) return "PAYPAL-CERT-URL is not a PayPal certificate"
  // An Internet date-time (RFC 3339) with its zone; Date.parse alone accepts much looser text.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(h["transmission-time"])) return "PAYPAL-TRANSMISSION-TIME malformed"
  const sent = Date.parse(h["transmission-time"])
  if (!Number.isFinite(sent)) return "PAYPAL-TRANSMISSION-TIME malformed"
  if (Math.abs(options.now.getTime() - sent) > (options.windowMs ?? TRANSMISSION_WINDOW_MS)) return "PAYPAL-TRANSMISSION-TIME outside the accepted window"
  return null
}
