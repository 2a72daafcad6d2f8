import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WhatsAppEvents } from "../../../events"
import { sendWhatsAppOrderUpdateWorkflow } from "../../order-updates/workflows/send-whatsapp-order-update"
import { recoveredEventData } from "../recovered-event"
import { linkWhatsAppOrderStep } from "../steps/link-whatsapp-order"
import { loadWhatsAppOrderStep } from "../steps/load-whatsapp-order"

export type RecordWhatsAppOrderInput = { order_id: string }

/**
 * Runs on `order.placed`, whichever way the cart was completed (hosted page,
 * provider webhook, storefront): links the order to its WhatsApp cart and
 * conversation, confirms in the chat (the `placed` order update) and emits
 * `whatsapp.checkout.completed`, plus `whatsapp.cart.recovered` when a
 * reminder brought the customer back.
 * Orders that did not start in WhatsApp are left alone; a replay does nothing.
 */
export const recordWhatsAppOrderWorkflow = createWorkflow("record-whatsapp-order", (input: RecordWhatsAppOrderInput) => {
  const loaded = loadWhatsAppOrderStep(input)

  const linked = when("whatsapp-order-found", { loaded }, ({ loaded }) => !!loaded.checkout).then(() =>
    linkWhatsAppOrderStep(
      transform({ loaded }, ({ loaded }) => ({
        whatsapp_cart_id: loaded.checkout!.id,
        order_id: loaded.order.id,
        paid: loaded.order.paid,
        payment_provider_id: loaded.order.payment_provider_id,
        order_total: loaded.order.total,
      }))
    )
  )

  when("whatsapp-order-linked", { linked }, ({ linked }) => !!linked?.linked).then(() => {
    sendWhatsAppOrderUpdateWorkflow.runAsStep({
      input: transform({ loaded }, ({ loaded }) => ({ order_id: loaded.order.id, update: "placed" as const })),
    })
    emitEventStep({
      eventName: WhatsAppEvents.CHECKOUT_COMPLETED,
      data: transform({ loaded, linked }, ({ loaded, linked }) => ({
        order_id: loaded.order.id,
        display_id: loaded.order.display_id,
        cart_id: loaded.order.cart_id,
        whatsapp_cart_id: loaded.checkout!.id,
        conversation_id: loaded.checkout!.conversation_id,
        account_id: loaded.checkout!.account_id,
        status: linked!.status,
        paid: loaded.order.paid,
        payment_provider_id: loaded.order.payment_provider_id,
        total: loaded.order.total,
        currency: loaded.order.currency,
      })),
    }).config({ name: "emit-whatsapp-checkout-completed" })
    emitEventStep({
      eventName: WhatsAppEvents.CART_RECOVERED,
      data: transform({ loaded, linked }, ({ loaded, linked }) =>
        linked?.status === "recovered" ? [recoveredEventData(loaded.checkout!, loaded.order)] : []
      ),
    }).config({ name: "emit-whatsapp-cart-recovered" })
  })

  return new WorkflowResponse(transform({ loaded, linked }, ({ loaded, linked }) => ({
    whatsapp_cart_id: loaded.checkout?.id ?? null,
    linked: !!linked?.linked,
  })))
})
