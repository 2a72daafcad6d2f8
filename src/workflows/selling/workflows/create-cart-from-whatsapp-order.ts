import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCartWorkflow, createPaymentCollectionForCartWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { formatMoney } from "../../../lib/chat-format"
import { sendWhatsAppMessageWorkflow } from "../../channel/workflows/send-whatsapp-message"
import { WhatsAppEvents } from "../../../events"
import { findOrCreateWhatsAppCustomerStep } from "../steps/find-or-create-whatsapp-customer"
import { notifyAdminStep } from "../steps/notify-admin"
import { markWhatsAppCartLinkSentStep, recordWhatsAppCartStep } from "../steps/record-whatsapp-cart"
import { reserveWhatsAppCartStep } from "../steps/reserve-whatsapp-cart"
import { resolveWhatsAppOrderStep } from "../steps/resolve-whatsapp-order"

export type CreateCartFromWhatsAppOrderInput = {
  /** The stored incoming `order` message (whatsapp_message id). */
  message_id: string
}

/**
 * Turns a cart sent from WhatsApp into a Medusa cart: variants by retailer
 * id, Medusa prices in the account's region, quantities capped at stock, the
 * customer found or created by phone, a payment collection, and one summary
 * message with an expiring checkout link. Idempotent on the order's wamid:
 * a replay returns the first result and sends nothing.
 */
export const createCartFromWhatsAppOrderWorkflow = createWorkflow(
  "create-cart-from-whatsapp-order",
  (input: CreateCartFromWhatsAppOrderInput) => {
    const reserved = reserveWhatsAppCartStep(input)

    // Three conditional blocks side by side (the workflow SDK does not nest `when`).
    const prepared = when("whatsapp-order-is-new", { reserved }, ({ reserved }) => reserved.fresh).then(() => {
      const resolved = resolveWhatsAppOrderStep(reserved)
      const customer = findOrCreateWhatsAppCustomerStep(
        transform({ reserved }, ({ reserved }) => ({
          conversation_id: reserved.conversation_id,
          wa_id: reserved.wa_id,
          profile_name: reserved.profile_name,
        }))
      )
      return transform({ resolved, customer }, (data) => data)
    })

    const cart = when(
      "whatsapp-order-has-items",
      { reserved, prepared },
      ({ reserved, prepared }) => reserved.fresh && !!prepared && prepared.resolved.reconciliation.lines.length > 0
    ).then(() => {
      const cartInput = transform({ reserved, prepared }, ({ reserved, prepared }) => ({
        region_id: prepared!.resolved.region_id,
        sales_channel_id: prepared!.resolved.sales_channel_id,
        customer_id: prepared!.customer.customer_id ?? undefined,
        ...(prepared!.resolved.country_code ? { shipping_address: { country_code: prepared!.resolved.country_code } } : {}),
        items: prepared!.resolved.reconciliation.lines.map((l) => ({ variant_id: l.variant_id, quantity: l.quantity })),
        metadata: {
          whatsapp_cart_id: reserved.whatsapp_cart_id,
          whatsapp_conversation_id: reserved.conversation_id,
          whatsapp_order_wamid: reserved.wamid,
        },
      }))
      const created = createCartWorkflow.runAsStep({ input: cartInput })
      createPaymentCollectionForCartWorkflow.runAsStep({
        input: transform({ created }, ({ created }) => ({ cart_id: created.id })),
      })
      return created
    })

    const recorded = when("whatsapp-order-summary", { reserved }, ({ reserved }) => reserved.fresh).then(() => {
      const recorded = recordWhatsAppCartStep(
        transform({ reserved, prepared, cart }, ({ reserved, prepared, cart }) => ({
          reserved,
          resolved: prepared!.resolved,
          customer: prepared!.customer,
          cart: cart ? { id: cart.id } : null,
        }))
      )
      const sent = sendWhatsAppMessageWorkflow.runAsStep({
        input: transform({ reserved, recorded }, ({ reserved, recorded }) => ({
          conversation_id: reserved.conversation_id,
          message: recorded.message,
          idempotency_key: `cart-summary:${recorded.whatsapp_cart_id}`,
        })),
      })
      markWhatsAppCartLinkSentStep(
        transform({ recorded, sent }, ({ recorded, sent }) => ({ whatsapp_cart_id: recorded.whatsapp_cart_id, message_id: sent.id }))
      )

      const event = transform({ reserved, recorded }, ({ reserved, recorded }) =>
        recorded.cart_id
          ? [
              {
                cart_id: recorded.cart_id,
                whatsapp_cart_id: recorded.whatsapp_cart_id,
                conversation_id: reserved.conversation_id,
                account_id: reserved.account.id,
                total: recorded.total,
                currency: recorded.currency,
                items: recorded.items.map(({ variant_id, title, quantity, unit_price }) => ({ variant_id, title, quantity, unit_price })),
              },
            ]
          : []
      )
      emitEventStep({ eventName: WhatsAppEvents.CART_SUBMITTED, data: event }).config({ name: "emit-whatsapp-cart-submitted" })

      notifyAdminStep(
        transform({ reserved, recorded }, ({ reserved, recorded }) => {
          const who = reserved.profile_name ?? "A WhatsApp customer"
          if (!recorded.cart_id) {
            return {
              title: "WhatsApp cart could not be created",
              description: `${who} sent a cart with nothing available to buy.`,
              resource_type: "whatsapp_conversation",
              resource_id: reserved.conversation_id,
            }
          }
          const units = recorded.items.reduce((sum, i) => sum + i.quantity, 0)
          return {
            title: "New WhatsApp cart",
            description: `${who} sent ${units} item(s), ${formatMoney(recorded.total ?? 0, recorded.currency, "en")}; checkout link sent.`,
            resource_type: "cart",
            resource_id: recorded.cart_id,
          }
        })
      )
      return recorded
    })

    const result = transform({ reserved, recorded }, ({ reserved, recorded }) => ({
      whatsapp_cart_id: reserved.whatsapp_cart_id,
      replay: !reserved.fresh,
      status: recorded?.status ?? null,
      cart_id: recorded?.cart_id ?? null,
      checkout_url: recorded?.checkout_url ?? null,
    }))
    return new WorkflowResponse(result)
  }
)
