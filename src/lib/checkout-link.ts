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

export function hostedCheckoutUrl(publicUrl: string, token: string, suffix = ""): string {
  return `${publicUrl.replace(/\/+$/, "")}/whatsapp/checkout/${token}${suffix}`
}
