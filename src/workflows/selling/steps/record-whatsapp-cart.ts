import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cartSummaryText, CartSummary, emptyCartText, payButtonText } from "../../../lib/cart-texts"
import type { OutboundMessage } from "../../../lib/graph-api/types"
import { resolveAccountSettings } from "../../../lib/account-settings"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { ResolvedWhatsAppOrder } from "./resolve-whatsapp-order"
import type { WhatsAppCartReservation } from "./reserve-whatsapp-cart"

export type RecordWhatsAppCartInput = {
  reserved: WhatsAppCartReservation
  resolved: ResolvedWhatsAppOrder
  customer: { customer_id: string | null }
  cart?: { id: string } | null
}

export type RecordedWhatsAppCart = {
  whatsapp_cart_id: string
  status: "submitted" | "rejected"
  cart_id: string | null
  checkout_url: string | null
  total: number | null
  currency: string
  items: { line_item_id: string; variant_id: string; title: string; quantity: number; unit_price: number }[]
  /** The summary to send, with the checkout link when there is a cart. */
  message: OutboundMessage
}

/**
 * Reads back the cart Medusa priced, stores what happened on the
 * `whatsapp_cart` row (status submitted, or rejected when nothing could be
 * added) and composes the one summary message the customer gets.
 */
export const recordWhatsAppCartStep = createStep(
  "record-whatsapp-cart",
  async ({ reserved, resolved, customer, cart }: RecordWhatsAppCartInput, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const language = reserved.account.language
    const r = resolved.reconciliation
    const expiresAt = new Date(Date.now() + whatsapp.getOptions().checkoutLinkTtlHours * 3_600_000)

    let items: RecordedWhatsAppCart["items"] = []
    let subtotal = 0
    let total: number | null = null
    if (cart?.id) {
      const { data } = await query.graph({
        entity: "cart",
        fields: ["id", "currency_code", "total", "item_subtotal", "items.id", "items.variant_id", "items.quantity", "items.unit_price"],
        filters: { id: cart.id },
      })
      const medusaCart: any = data[0]
      if (!medusaCart) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cart.id} was not found after it was created`)
      }
      const titles = new Map(r.lines.map((l) => [l.variant_id, l.title]))
      items = (medusaCart.items ?? []).map((i: any) => ({
        line_item_id: i.id,
        variant_id: i.variant_id,
        title: titles.get(i.variant_id) ?? i.variant_id,
        quantity: Number(i.quantity),
        unit_price: Number(i.unit_price),
      }))
      subtotal = Number(medusaCart.item_subtotal ?? 0)
      total = Number(medusaCart.total ?? 0)
    }

    const requested = new Map(r.lines.map((l) => [l.variant_id, l.requested_quantity]))
    const summary: CartSummary = {
      items: items.map((i) => ({ title: i.title, quantity: i.quantity, unit_price: i.unit_price, requested_quantity: requested.get(i.variant_id) ?? i.quantity })),
      subtotal,
      total: total ?? 0,
      currency: resolved.currency_code,
      unknown_items: r.unknown_items.length,
      out_of_stock: r.out_of_stock,
      price_changes: r.price_changes,
      currency_mismatch: r.currency_mismatch,
      expires_at: expiresAt,
    }
    const status = cart?.id ? ("submitted" as const) : ("rejected" as const)
    // Order on submit: the order is placed next (subscribers/place-whatsapp-order-on-submit), no payment link.
    const account = await whatsapp.retrieveWhatsappAccount(reserved.account.id, { select: ["id", "settings"] })
    const orderNow = !!cart?.id && resolveAccountSettings(account.settings).order_on_submit === "on"
    const url = cart?.id && !orderNow ? whatsapp.checkoutLink(reserved.whatsapp_cart_id, cart.id, expiresAt) : null
    const message: OutboundMessage = orderNow
      ? { type: "text", text: { body: cartSummaryText(language, summary, { orderNow }) } }
      : url
      ? {
          type: "interactive",
          interactive: {
            type: "cta_url",
            body: { text: cartSummaryText(language, summary) },
            action: { name: "cta_url", parameters: { display_text: payButtonText(language), url } },
          },
        }
      : { type: "text", text: { body: emptyCartText(language, summary) } }

    await whatsapp.recordCart(reserved.whatsapp_cart_id, reserved.conversation_id, {
      status,
      cart_id: cart?.id ?? null,
      customer_id: customer.customer_id,
      currency_code: resolved.currency_code,
      total,
      items,
      issues: {
        unknown_items: r.unknown_items,
        out_of_stock: r.out_of_stock,
        price_changes: r.price_changes,
        currency_mismatch: r.currency_mismatch,
      },
      checkout_expires_at: cart?.id ? expiresAt : null,
    })
    const recorded: RecordedWhatsAppCart = {
      whatsapp_cart_id: reserved.whatsapp_cart_id,
      status,
      cart_id: cart?.id ?? null,
      checkout_url: url,
      total,
      currency: resolved.currency_code,
      items,
      message,
    }
    return new StepResponse(recorded, reserved.whatsapp_cart_id)
  },
  async (id, { container }) => {
    if (!id) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.unrecordCart(id)
  }
)

/** The summary is queued: the cart moves on to `link_sent` (a rejected one stays rejected). */
export const markWhatsAppCartLinkSentStep = createStep(
  "mark-whatsapp-cart-link-sent",
  async (input: { whatsapp_cart_id: string; message_id: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.markCartLinkSent(input.whatsapp_cart_id, input.message_id)
    return new StepResponse(true)
  }
)
