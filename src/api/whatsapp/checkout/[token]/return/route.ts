import { openCheckoutLink } from "../open-checkout-link"

/** A payment page created before checkout links moved their token into a cookie still sends the customer here. */
export const GET = openCheckoutLink("/return")
