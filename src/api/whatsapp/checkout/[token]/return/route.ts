import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { pageText } from "../../../../../lib/checkout/page-texts"
import { renderCheckoutPage, renderDonePage, renderProcessingPage } from "../../../../../lib/checkout/render"
import { buildCheckoutView } from "../checkout-view"
import { placedOrder, resolveCheckout } from "../checkout-state"
import { csrfNonce, sendHtml, sendStatePage } from "../respond"
import { WHATSAPP_MODULE } from "../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../modules/whatsapp/service"

/**
 * Where the provider's page sends the customer back. The order may already
 * exist (the webhook was first); if not, completing the cart asks the
 * provider whether it was paid, so the customer never waits for a webhook.
 * Medusa locks the cart, so this and the webhook make one order between them.
 */
export const GET = async (req: MedusaRequest<unknown, unknown>, res: MedusaResponse) => {
  const state = await resolveCheckout(req.scope, req.params.token)
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

  if (!(await hasPaymentSession(req.scope, state.checkout.cart_id))) {
    // Nothing was started (an old bookmark, a manual visit): back to the form.
    res.redirect(303, req.originalUrl.replace(/\/return(\?.*)?$/, ""))
    return
  }
  try {
    await completeCartWorkflow(req.scope).run({ input: { id: state.checkout.cart_id } })
  } catch {
    // Not paid yet (or the provider is slow to say so): the page polls by refreshing.
  }
  const order = await placedOrder(req.scope, state.checkout.cart_id)
  if (!order) return sendHtml(res, 202, renderProcessingPage(state.lang))
  sendHtml(res, 200, renderDonePage(state.lang, order, await chatUrl(whatsapp, state.checkout.account_id)))
}

async function hasPaymentSession(scope: MedusaRequest["scope"], cartId: string): Promise<boolean> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["payment_collection.payment_sessions.id"], filters: { id: cartId } })
  return ((data[0] as any)?.payment_collection?.payment_sessions ?? []).length > 0
}

async function chatUrl(whatsapp: WhatsAppModuleService, accountId: string): Promise<string | null> {
  const [account] = await whatsapp.sql.execute(`select display_phone_number from whatsapp_account where id = ?`, [accountId])
  const digits = String(account?.display_phone_number ?? "").replace(/\D/g, "")
  return digits ? `https://wa.me/${digits}` : null
}
