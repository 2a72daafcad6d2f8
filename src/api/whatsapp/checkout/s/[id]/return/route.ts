import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { checkoutPagePath } from "../../../../../../lib/checkout-link"
import { pageText } from "../../../../../../lib/checkout/page-texts"
import { renderCheckoutPage, renderDonePage, renderProcessingPage } from "../../../../../../lib/checkout/render"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import { buildCheckoutView } from "../../../[token]/checkout-view"
import { placedOrder } from "../../../[token]/checkout-state"
import { resolveCheckoutSession } from "../../../[token]/checkout-session"
import { paymentStateOfCart } from "../../../[token]/payment-state"
import { csrfNonce, sendHtml, sendRedirect, sendStatePage } from "../../../[token]/respond"

/**
 * Where the provider's page sends the customer back. The order may already
 * exist (the webhook was first). If not, the payment is read first — the
 * session Medusa holds, and the provider's answer for it — and the cart is
 * completed only once it is paid: a visit before paying (or a reload of
 * this page while the provider is still confirming) changes nothing.
 * Medusa locks the cart, so this and the webhook make one order between them.
 */
export const GET = async (req: MedusaRequest<unknown, unknown>, res: MedusaResponse) => {
  const state = await resolveCheckoutSession(req)
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  if (state.kind === "ordered") return sendHtml(res, 200, renderDonePage(state.lang, state.order, await chatUrl(whatsapp, state.checkout.account_id)))
  if (state.kind !== "open") return sendStatePage(res, state)

  if (req.query.cancelled) {
    const nonce = csrfNonce(req, res)
    const view = await buildCheckoutView(req.scope, {
      lang: state.lang,
      checkout: state.checkout,
      token: state.token,
      csrfNonce: nonce,
      notice: pageText(state.lang, "cancelled"),
    })
    return sendHtml(res, 200, renderCheckoutPage(view))
  }

  const payment = await paymentStateOfCart(req.scope, state.checkout.cart_id)
  // Nothing was started (an old bookmark, a manual visit): back to the form.
  if (payment === "none") return sendRedirect(res, checkoutPagePath(state.checkout.id))
  if (payment === "paid") {
    try {
      await completeCartWorkflow(req.scope).run({ input: { id: state.checkout.cart_id } })
    } catch {
      // The webhook is completing it right now, or Medusa refused (stock): the page polls by refreshing.
    }
  }
  const order = await placedOrder(req.scope, state.checkout.cart_id)
  if (!order) return sendHtml(res, 202, renderProcessingPage(state.lang))
  sendHtml(res, 200, renderDonePage(state.lang, order, await chatUrl(whatsapp, state.checkout.account_id)))
}

async function chatUrl(whatsapp: WhatsAppModuleService, accountId: string): Promise<string | null> {
  const account = await whatsapp.accountContact(accountId)
  const digits = String(account.display_phone_number ?? "").replace(/\D/g, "")
  return digits ? `https://wa.me/${digits}` : null
}
