import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { pageText } from "../../../../../../lib/checkout/page-texts"
import { renderDeliveryPage, renderNoticePage } from "../../../../../../lib/checkout/render"
import { saveWhatsAppDeliveryDetails } from "../../../../../../workflows/orders/save-whatsapp-delivery-details"
import { readCheckoutDetails, shippingAddressOf } from "../../../[token]/read-details"
import { csrfNonce, readPostedForm, sendHtml, sendStatePage } from "../../../[token]/respond"
import { buildDeliveryView, deliveryCountries, resolveDeliverySession, type DeliveryState } from "../../delivery-state"

type Closed = Exclude<DeliveryState, { kind: "open" }>

/** A link that leads nowhere, has expired, or was not opened in this browser: a clear page, nothing changes. */
function sendClosed(res: MedusaResponse, state: Closed) {
  if (state.kind === "expired") {
    return sendHtml(res, 410, renderNoticePage(state.lang, pageText(state.lang, "expiredTitle"), pageText(state.lang, "deliveryExpiredBody")))
  }
  return sendStatePage(res, state)
}

/** The delivery details of an order placed on submit: the order, and the address form (read-only once it ships). */
export const GET = async (req: MedusaRequest<unknown, unknown>, res: MedusaResponse) => {
  const state = await resolveDeliverySession(req)
  if (state.kind !== "open") return sendClosed(res, state)
  const view = await buildDeliveryView(req.scope, { state, csrfNonce: csrfNonce(req, res) })
  sendHtml(res, 200, renderDeliveryPage(view))
}

/** The form posted: the details are checked as on the checkout page and saved onto Medusa's order. */
export const POST = async (req: MedusaRequest<unknown, unknown>, res: MedusaResponse) => {
  const state = await resolveDeliverySession(req)
  if (state.kind !== "open") return sendClosed(res, state)
  const { form, csrfOk, nonce, typed } = readPostedForm(req, res, state.token)
  const values = Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, v.slice(0, 300)]))
  const again = async (status: number, errors: Record<string, string>, notice: string) =>
    sendHtml(res, status, renderDeliveryPage(await buildDeliveryView(req.scope, { state, csrfNonce: nonce, values, errors, notice })))

  if (!csrfOk) {
    return again(403, {}, pageText(state.lang, "sessionExpired"))
  }
  // Shipped or canceled meanwhile: the page shows the address as it stays.
  if (state.readOnly) return again(409, {}, pageText(state.lang, "deliveryLocked"))
  const read = readCheckoutDetails(state.lang, form, deliveryCountries(state.order))
  const errors = { ...read.errors, ...(read.countryError ? { country_code: read.countryError } : {}) }
  if (!read.details || Object.keys(errors).length) return again(422, errors, pageText(state.lang, "fixErrors"))

  try {
    const { email, ...rest } = read.details
    const saved = await saveWhatsAppDeliveryDetails(req.scope, { checkout: state.checkout, email, shipping_address: shippingAddressOf({ email, ...rest }) })
    const title = pageText(state.lang, "deliverySavedTitle")
    sendHtml(res, 200, renderNoticePage(state.lang, title, pageText(state.lang, "deliverySavedBody", { n: saved.display_id })))
  } catch (error) {
    // Medusa's refusal (a canceled order, an invalid email) is shown beside the form; nothing was saved.
    if (!MedusaError.isMedusaError(error)) throw error
    return again(422, {}, (error as Error).message)
  }
}
