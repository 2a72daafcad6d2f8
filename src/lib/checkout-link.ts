import { createCheckoutToken } from "./checkout-token"

export type CheckoutLinkInput = {
  publicUrl: string
  /** The merchant's storefront checkout, with `{cart_id}` where the Medusa cart id goes. */
  storefrontUrl?: string
  key: Buffer
  whatsappCartId: string
  cartId: string
  expiresAt: Date
}

/**
 * The link a customer taps to pay: the hosted checkout page (a signed,
 * expiring token), or the merchant's storefront with the same Medusa cart.
 */
export function checkoutLink(input: CheckoutLinkInput): string {
  if (input.storefrontUrl) {
    return input.storefrontUrl.replaceAll("{cart_id}", encodeURIComponent(input.cartId))
  }
  return hostedCheckoutUrl(input.publicUrl, createCheckoutToken(input.key, input.whatsappCartId, input.expiresAt))
}

/**
 * What a template's dynamic URL button appends to its fixed base. Templates
 * are created with the base up to the variable part: the hosted page as
 * `<publicUrl>/whatsapp/checkout/{{1}}` (the suffix is the token), a
 * storefront as its URL up to `{cart_id}` (the suffix starts with the cart id).
 */
export function checkoutLinkSuffix(input: CheckoutLinkInput, url = checkoutLink(input)): string {
  const base = input.storefrontUrl
    ? input.storefrontUrl.slice(0, input.storefrontUrl.indexOf("{cart_id}"))
    : hostedCheckoutUrl(input.publicUrl, "")
  return url.startsWith(base) ? url.slice(base.length) : url
}

export function hostedCheckoutUrl(publicUrl: string, token: string, suffix = ""): string {
  return `${publicUrl.replace(/\/+$/, "")}/whatsapp/checkout/${token}${suffix}`
}

/**
 * The checkout page after its link was opened: addressed by the WhatsApp
 * cart id, which proves nothing on its own. The token that does travels in
 * a cookie scoped to this path, so it never appears in a URL that access
 * logs, browser history or a provider's return address keep.
 */
export function checkoutPagePath(whatsappCartId: string, suffix = ""): string {
  return `/whatsapp/checkout/s/${encodeURIComponent(whatsappCartId)}${suffix}`
}

/**
 * Order on submit: the link for the delivery details of an order already
 * placed (its own token purpose), and its token-free page, as for checkout.
 */
export const DELIVERY_LINK_DAYS = 30

export function deliveryLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/whatsapp/checkout/delivery/${token}`
}

export function deliveryPagePath(whatsappCartId: string): string {
  return `/whatsapp/checkout/delivery/s/${encodeURIComponent(whatsappCartId)}`
}

export function checkoutPageUrl(publicUrl: string, whatsappCartId: string, suffix = ""): string {
  return `${publicUrl.replace(/\/+$/, "")}${checkoutPagePath(whatsappCartId, suffix)}`
}

/**
 * The URL a template's checkout button is created with: the fixed base and
 * `{{1}}` where `checkoutLinkSuffix` goes, and a full example for Meta's review.
 */
export function checkoutButtonUrl(input: { publicUrl: string; storefrontUrl?: string }): { url: string; example: string } {
  if (input.storefrontUrl) {
    const base = input.storefrontUrl.slice(0, input.storefrontUrl.indexOf("{cart_id}"))
    return { url: `${base}{{1}}`, example: input.storefrontUrl.replaceAll("{cart_id}", "cart_01JEXAMPLE") }
  }
  return { url: hostedCheckoutUrl(input.publicUrl, "{{1}}"), example: hostedCheckoutUrl(input.publicUrl, "eyJjIjoiZXhhbXBsZSJ9.sig") }
}
