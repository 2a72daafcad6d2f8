import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { applyCheckoutForm } from "../../[token]/apply-checkout-form"
import { buildCheckoutView } from "../../[token]/checkout-view"
import { renderCheckoutPage } from "../../../../../lib/checkout/render"
import { pageText } from "../../../../../lib/checkout/page-texts"
import { resolveCheckoutSession } from "../../[token]/checkout-session"
import { csrfNonce, readPostedForm, sendHtml, sendRedirect, sendStatePage } from "../../[token]/respond"

/** The checkout page for a cart sent from WhatsApp, once its link was opened in this browser. */
export const GET = async (req: MedusaRequest<unknown, unknown>, res: MedusaResponse) => {
  const state = await resolveCheckoutSession(req)
  if (state.kind !== "open") return sendStatePage(res, state)
  const nonce = csrfNonce(req, res)
  const view = await buildCheckoutView(req.scope, { lang: state.lang, checkout: state.checkout, token: state.token, csrfNonce: nonce })
  sendHtml(res, 200, renderCheckoutPage(view))
}

/** A post of the checkout form: update the cart, or pay. */
export const POST = async (req: MedusaRequest<unknown, unknown>, res: MedusaResponse) => {
  const state = await resolveCheckoutSession(req)
  if (state.kind !== "open") return sendStatePage(res, state)
  const { form, csrfOk, nonce, typed } = readPostedForm(req, res, state.token)
  const view = (input: { values?: Record<string, string>; errors?: Record<string, string>; notice?: string; totalChanged?: boolean }) =>
    buildCheckoutView(req.scope, { lang: state.lang, checkout: state.checkout, token: state.token, csrfNonce: nonce, ...input })

  if (!csrfOk) {
    // Nothing is applied; the page comes back with a fresh token and what was typed.
    return sendHtml(res, 403, renderCheckoutPage(await view({ values: typed, notice: pageText(state.lang, "sessionExpired") })))
  }
  const outcome = await applyCheckoutForm({ scope: req.scope, lang: state.lang, checkout: state.checkout, token: state.token, form })
  if (outcome.kind === "redirect") return sendRedirect(res, outcome.location)
  sendHtml(res, outcome.status, renderCheckoutPage(await view(outcome)))
}
