import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CSRF_COOKIE, newCsrfNonce, readCookie } from "../../../../lib/checkout/csrf"
import { pageText } from "../../../../lib/checkout/page-texts"
import { renderDonePage, renderNoticePage } from "../../../../lib/checkout/render"
import type { CheckoutState } from "./checkout-state"

export function sendHtml(res: MedusaResponse, status: number, html: string) {
  res
    .status(status)
    .setHeader("Content-Type", "text/html; charset=utf-8")
    .setHeader("Cache-Control", "no-store")
    .setHeader("Referrer-Policy", "no-referrer")
    .setHeader("X-Frame-Options", "DENY")
    .setHeader("Content-Security-Policy", "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; form-action 'self' https: http:; frame-ancestors 'none'")
  res.send(html)
}

/** The pages for a link that leads nowhere, has expired, or whose order is already placed. Nothing changes. */
export function sendStatePage(res: MedusaResponse, state: Exclude<CheckoutState, { kind: "open" }>) {
  switch (state.kind) {
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
  res.setHeader("Set-Cookie", `${CSRF_COOKIE}=${nonce}; Path=/whatsapp/checkout; HttpOnly; SameSite=Lax; Max-Age=86400${secure ? "; Secure" : ""}`)
  return nonce
}
