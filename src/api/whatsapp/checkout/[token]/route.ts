import { openCheckoutLink } from "./open-checkout-link"

/** The checkout link sent in WhatsApp: sets the page's cookie and redirects to the token-free page. */
export const GET = openCheckoutLink("")

/** A form posted from a page opened before checkout links moved their token into a cookie: the page opens again. */
export const POST = openCheckoutLink("")
