import type { MedusaRequest } from "@medusajs/framework/http"
import type { SupportedLanguage } from "../../../../lib/account-settings"
import { checkoutTokenFromCookie } from "../../../../lib/checkout/link-cookie"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import { CheckoutState, resolveCheckout } from "./checkout-state"

export type CheckoutSessionState = CheckoutState | { kind: "reopen"; lang: SupportedLanguage }

/**
 * What `/whatsapp/checkout/s/:id` leads to for this browser: the token from
 * the cookie the link set proves access, and must be for this very cart. No
 * cookie (another browser, cookies cleared, a link copied without its token)
 * means "open your link again": the id in the path proves nothing.
 */
export async function resolveCheckoutSession(req: MedusaRequest<unknown, unknown>): Promise<CheckoutSessionState> {
  const id = String(req.params.id ?? "")
  const token = checkoutTokenFromCookie(req.headers.cookie)
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const check = token ? whatsapp.verifyCheckoutToken(token) : null
  const tokenId = check && (check.ok || check.reason === "expired") ? check.id : undefined
  if (token && tokenId === id) return resolveCheckout(req.scope, token)
  const checkout = /^[A-Za-z0-9_]{1,64}$/.test(id) ? await whatsapp.findWhatsAppCart({ id }) : null
  if (!checkout) return { kind: "invalid", lang: "en" }
  return { kind: "reopen", lang: checkout.language }
}
