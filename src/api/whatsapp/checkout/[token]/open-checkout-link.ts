import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { describeError } from "../../../../lib/safe-error"
import { checkoutPagePath, deliveryPagePath } from "../../../../lib/checkout-link"
import type { TokenPurpose } from "../../../../lib/checkout-token"
import { checkoutCookie } from "../../../../lib/checkout/link-cookie"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import { sendStatePage, securityHeaders } from "./respond"

/**
 * The link sent in WhatsApp (`/whatsapp/checkout/<token>`, or its old
 * `/return` address a payment page may still send the customer to): the
 * token moves into a cookie scoped to the checkout's own page and the
 * browser goes there, so every later request — form posts, the return from
 * the payment page — carries no token in its URL. The access log never sees
 * this request's path either (`redactCheckoutTokenInLog`). The delivery-details
 * link (order on submit) opens its own page the same way, with its own token.
 */
export function openCheckoutLink(suffix: "" | "/return", purpose: TokenPurpose = "checkout") {
  return async (req: MedusaRequest<unknown, unknown>, res: MedusaResponse) => {
    const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
    const token = String(req.params.token ?? "")
    const check = purpose === "checkout" ? whatsapp.verifyCheckoutToken(token) : whatsapp.verifyDeliveryToken(token)
    // An expired token is still authentic: its page may show an order already placed.
    const id = check.ok || check.reason === "expired" ? check.id : undefined
    if (!id) return sendStatePage(res, { kind: "invalid", lang: "en" })
    if (check.ok && suffix === "" && purpose === "checkout") {
      // A reminder's link opened counts as its step's click (recovery figures); never in the customer's way.
      await whatsapp.recordRecoveryClick(id).catch((error) =>
        req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`whatsapp: could not record the checkout link opened for ${id}: ${describeError(error)}`)
      )
    }
    const path = purpose === "checkout" ? checkoutPagePath(id) : deliveryPagePath(id)
    const secure = req.protocol === "https" || req.headers["x-forwarded-proto"] === "https"
    const query = req.url.includes("?") ? req.url.slice(req.url.indexOf("?")) : ""
    securityHeaders(res)
    res.append("Set-Cookie", checkoutCookie({ token, path, expiresAt: check.ok ? check.expiresAt : new Date(), secure }))
    res.redirect(303, `${path}${suffix}${query}`)
  }
}
