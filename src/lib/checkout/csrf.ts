import { createHmac, randomBytes, timingSafeEqual } from "node:crypto"

/**
 * Checkout forms use a signed double submit: a random nonce in an HttpOnly
 * cookie, and in the form an HMAC of that nonce bound to the checkout
 * token. A page on another site can neither read the cookie nor compute the
 * field, so it cannot post a form the server accepts.
 */
export const CSRF_COOKIE = "wa_checkout_csrf"

export function newCsrfNonce(): string {
  return randomBytes(18).toString("base64url")
}

export function csrfField(key: Buffer, nonce: string, token: string): string {
  return createHmac("sha256", key).update(`whatsapp-checkout-csrf-v1:${nonce}:${token}`).digest("base64url")
}

export function verifyCsrfField(key: Buffer, nonce: string | undefined, token: string, given: unknown): boolean {
  if (!nonce || typeof given !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(given)) return false
  const expected = Buffer.from(csrfField(key, nonce, token))
  return timingSafeEqual(expected, Buffer.from(given))
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=")
    if (k === name) return decodeURIComponent(v.join("="))
  }
  return undefined
}
