import { openCheckoutLink } from "../../[token]/open-checkout-link"

/** The delivery-details link sent with an order placed on submit: sets the page's cookie and redirects to the token-free page. */
export const GET = openCheckoutLink("", "delivery")
