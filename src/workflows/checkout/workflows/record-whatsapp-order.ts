import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { orderConfirmationText } from "../../../lib/order-texts"
import { WhatsAppEvents } from "../../channel/workflows/process-whatsapp-webhook-event"
import { sendWhatsAppMessageWorkflow } from "../../channel/workflows/send-whatsapp-message"
import { linkWhatsAppOrderStep } from "../steps/link-whatsapp-order"
import { loadWhatsAppOrderStep } from "../steps/load-whatsapp-order"

export type RecordWhatsAppOrderInput = { order_id: string }

/**
 * Runs on `order.placed`, whichever way the cart was completed (hosted page,
 * provider webhook, storefront): links the order to its WhatsApp cart and
 * conversation, confirms in the chat and emits `whatsapp.checkout.completed`.
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
      }))
    )
  )

  when("whatsapp-order-linked", { linked }, ({ linked }) => !!linked?.linked).then(() => {
    sendWhatsAppMessageWorkflow.runAsStep({
      input: transform({ loaded }, ({ loaded }) => ({
        conversation_id: loaded.checkout!.conversation_id,
        message: { type: "text" as const, text: { body: orderConfirmationText(loaded.checkout!.language, loaded.order) } },
        idempotency_key: `order-confirmation:${loaded.order.id}`,
      })),
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
  })

  return new WorkflowResponse(transform({ loaded, linked }, ({ loaded, linked }) => ({
    whatsapp_cart_id: loaded.checkout?.id ?? null,
    linked: !!linked?.linked,
  })))
})
