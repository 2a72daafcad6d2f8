import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CSRF_COOKIE, newCsrfNonce, readCookie, verifyCsrfField } from "../../../../lib/checkout/csrf"
import { pageText } from "../../../../lib/checkout/page-texts"
import { renderDonePage, renderNoticePage } from "../../../../lib/checkout/render"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import type { CheckoutSessionState } from "./checkout-session"

/**
 * Headers every checkout response carries, redirects included: nothing
 * cached, no referrer sent onwards (the provider's page never learns the
 * checkout's address), no framing, and no content-type sniffing.
 */
export function securityHeaders(res: MedusaResponse) {
  res
    .setHeader("Cache-Control", "no-store")
    .setHeader("Referrer-Policy", "no-referrer")
    .setHeader("X-Frame-Options", "DENY")
    .setHeader("X-Content-Type-Options", "nosniff")
}

export function sendHtml(res: MedusaResponse, status: number, html: string) {
  securityHeaders(res)
  res
    .status(status)
    .setHeader("Content-Type", "text/html; charset=utf-8")
    .setHeader("Content-Security-Policy", "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; form-action 'self' https: http:; frame-ancestors 'none'")
  res.send(html)
}

/** A redirect from a checkout page, with the same headers as its pages. */
export function sendRedirect(res: MedusaResponse, location: string) {
  securityHeaders(res)
  res.redirect(303, location)
}

/** The pages for a link that leads nowhere, has expired, whose order is already placed, or that this browser never opened. Nothing changes. */
export function sendStatePage(res: MedusaResponse, state: Exclude<CheckoutSessionState, { kind: "open" }>) {
  switch (state.kind) {
    case "reopen":
      return sendHtml(res, 403, renderNoticePage(state.lang, pageText(state.lang, "reopenTitle"), pageText(state.lang, "reopenBody")))
    case "invalid":
      return sendHtml(res, 404, renderNoticePage(state.lang, pageText(state.lang, "invalidTitle"), pageText(state.lang, "invalidBody")))
    case "expired":
      return sendHtml(res, 410, renderNoticePage(state.lang, pageText(state.lang, "expiredTitle"), pageText(state.lang, "expiredBody")))
    case "ordered":
      return sendHtml(res, 409, renderDonePage(state.lang, state.order, null, pageText(state.lang, "paidTitle")))
  }
}

/** One nonce per browser, kept in an HttpOnly cookie scoped to the checkout pages. */
export function csrfNonce(req: MedusaRequest<unknown, unknown>, res: MedusaResponse): string {
  const existing = readCookie(req.headers.cookie, CSRF_COOKIE)
  if (existing && /^[A-Za-z0-9_-]{24}$/.test(existing)) return existing
  const nonce = newCsrfNonce()
  const secure = req.protocol === "https" || req.headers["x-forwarded-proto"] === "https"
  res.append("Set-Cookie", `${CSRF_COOKIE}=${nonce}; Path=/whatsapp/checkout; HttpOnly; SameSite=Lax; Max-Age=86400${secure ? "; Secure" : ""}`)
  return nonce
}

/**
 * A posted checkout or delivery form: its fields, whether its CSRF field
 * matches this browser's nonce and the link's token, the nonce for the page
 * sent back, and what the customer typed (for a page shown again).
 */
export function readPostedForm(req: MedusaRequest<unknown, unknown>, res: MedusaResponse, token: string) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const form = new URLSearchParams(((req as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0)).toString("utf8"))
  const csrfOk = verifyCsrfField(whatsapp.checkoutFormKey(), readCookie(req.headers.cookie, CSRF_COOKIE), token, form.get("_csrf"))
  const typed = Object.fromEntries([...form.entries()].filter(([k]) => k !== "_csrf" && k !== "intent"))
  return { form, csrfOk, nonce: csrfNonce(req, res), typed }
}
