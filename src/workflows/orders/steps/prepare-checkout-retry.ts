import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OutboundMessage } from "../../../lib/graph-api/types"
import { paymentRetryText, retryButtonText } from "../../../lib/order-texts"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

export type PrepareCheckoutRetryInput = { payment_session_id: string; reason: "failed" | "expired" }

export type PreparedCheckoutRetry = {
  whatsapp_cart_id: string
  conversation_id: string
  message: OutboundMessage
} | null

type ExtendedExpiry = { id: string; previousExpiry: Date | null } | null
const NOTHING_EXTENDED: ExtendedExpiry = null

/**
 * After a failed or expired payment: when the session is still the cart's
 * live one (not replaced by a newer attempt) and nothing was paid, a fresh
 * link with a new expiry, as a "try again" button.
 */
export const prepareCheckoutRetryStep = createStep(
  "prepare-whatsapp-checkout-retry",
  async (input: PrepareCheckoutRetryInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const { data: sessions } = await query.graph({
      entity: "payment_session",
      fields: ["id", "status", "payment_collection.id", "payment_collection.status"],
      filters: { id: input.payment_session_id },
    })
    const collectionId = (sessions[0] as any)?.payment_collection?.id
    if (!collectionId) return new StepResponse(null as PreparedCheckoutRetry, NOTHING_EXTENDED)
    const { data: links } = await query.graph({
      entity: "cart_payment_collection",
      fields: ["cart_id"],
      filters: { payment_collection_id: collectionId },
    })
    const cartId = links[0]?.cart_id as string | undefined
    const checkout = cartId ? await whatsapp.findWhatsAppCart({ cart_id: cartId }) : null
    if (!checkout || checkout.order_id || checkout.paid_at || !cartId) return new StepResponse(null as PreparedCheckoutRetry, NOTHING_EXTENDED)

    const expiresAt = new Date(Date.now() + whatsapp.getOptions().checkoutLinkTtlHours * 3_600_000)
    const previousExpiry = await whatsapp.setCheckoutExpiry(checkout.id, expiresAt)
    const prepared: PreparedCheckoutRetry = {
      whatsapp_cart_id: checkout.id,
      conversation_id: checkout.conversation_id,
      message: {
        type: "interactive",
        interactive: {
          type: "cta_url",
          body: { text: paymentRetryText(checkout.language, input.reason) },
          action: {
            name: "cta_url",
            parameters: { display_text: retryButtonText(checkout.language), url: whatsapp.checkoutLink(checkout.id, cartId, expiresAt) },
          },
        },
      },
    }
    return new StepResponse(prepared, { id: checkout.id, previousExpiry } as ExtendedExpiry)
  },
  async (extended, { container }) => {
    if (!extended) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.setCheckoutExpiry(extended.id, extended.previousExpiry)
  }
)
