import { readCookie } from "./csrf"

/**
 * The checkout link's token, once the link is opened, lives in this cookie:
 * HttpOnly (no script reads it), SameSite=Lax (sent when the customer comes
 * back from a payment page, not with another site's form posts), Secure on
 * https, and scoped to the one checkout's path, so two carts open in one
 * browser keep their own.
 */
export const CHECKOUT_COOKIE = "wa_checkout"
/** An expired link still shows its order (or that it expired) for a while. */
const MIN_AGE_SECONDS = 60 * 60
const MAX_AGE_SECONDS = 31 * 24 * 60 * 60

export function checkoutCookie(input: { token: string; path: string; expiresAt: Date; secure: boolean; now?: Date }): string {
  const left = Math.floor((input.expiresAt.getTime() - (input.now ?? new Date()).getTime()) / 1000)
  const maxAge = Math.min(MAX_AGE_SECONDS, Math.max(MIN_AGE_SECONDS, left))
  return `${CHECKOUT_COOKIE}=${input.token}; Path=${input.path}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${input.secure ? "; Secure" : ""}`
}

export function checkoutTokenFromCookie(header: string | undefined): string | undefined {
  let token: string | undefined
  try {
    token = readCookie(header, CHECKOUT_COOKIE)
  } catch {
    return undefined // not even valid percent-encoding
  }
  return token && /^[A-Za-z0-9_.-]{1,200}$/.test(token) ? token : undefined
}

/**
 * The request line as access logs should see it: a checkout link's token
 * (the path segment after /whatsapp/checkout/, unless it is the token-free
 * page under /s/) replaced by a placeholder; the same after
 * /whatsapp/checkout/delivery/ for the delivery-details link. Query strings are kept.
 */
export function redactCheckoutUrl(url: string): string {
  return url.replace(/^\/whatsapp\/checkout\/(delivery\/)?([^/?#]+)/, (whole, delivery: string | undefined, segment: string) =>
    segment === "s" ? whole : `/whatsapp/checkout/${delivery ?? ""}:token`
  )
}
