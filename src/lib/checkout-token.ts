import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * Checkout links carry `<whatsapp cart id>.<expiry>.<HMAC-SHA256>`: unguessable
 * without the plugin's encryption key, expiring by construction, and
 * re-creatable for a reminder without storing a secret per cart. Whether the
 * cart is still payable is checked against the database, not the token.
 *
 * The purpose is signed in: a checkout link's token opens only the checkout
 * page, a delivery-details link's token (order on submit) only the delivery
 * page, though both name the same WhatsApp cart.
 */
export type TokenPurpose = "checkout" | "delivery"

const DOMAIN: Record<TokenPurpose, string> = { checkout: "whatsapp-checkout-v1", delivery: "whatsapp-delivery-v1" }

function signature(key: Buffer, id: string, expiresAtSeconds: number, purpose: TokenPurpose) {
  return createHmac("sha256", key).update(`${DOMAIN[purpose]}:${id}:${expiresAtSeconds}`).digest("base64url")
}

export function createCheckoutToken(key: Buffer, id: string, expiresAt: Date, purpose: TokenPurpose = "checkout"): string {
  const seconds = Math.floor(expiresAt.getTime() / 1000)
  return `${id}.${seconds.toString(36)}.${signature(key, id, seconds, purpose)}`
}

export type CheckoutTokenCheck =
  | { ok: true; id: string; expiresAt: Date }
  | { ok: false; reason: "malformed" | "invalid" | "expired"; id?: string }

export function verifyCheckoutToken(key: Buffer, token: string, now = new Date(), purpose: TokenPurpose = "checkout"): CheckoutTokenCheck {
  const match = /^([A-Za-z0-9_]{1,64})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) return { ok: false, reason: "malformed" }
  const [, id, exp36, sig] = match
  const seconds = parseInt(exp36, 36)
  const expected = Buffer.from(signature(key, id, seconds, purpose))
  const given = Buffer.from(sig)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "invalid" }
  const expiresAt = new Date(seconds * 1000)
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired", id }
  return { ok: true, id, expiresAt }
}
