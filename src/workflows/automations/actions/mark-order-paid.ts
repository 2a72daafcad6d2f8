import { describeError } from "../../../lib/safe-error"
import { markWhatsAppCartPaidWorkflow } from "../../orders/workflows/mark-whatsapp-cart-paid"
import type { AutomationActionHandler } from "../types"
import { whatsappCartOfEvent } from "./whatsapp-cart-of-event"

/**
 * `mark_order_paid`: the event's order (through its WhatsApp cart) marked
 * paid with the existing `markWhatsAppCartPaidWorkflow`: the manual payment
 * captured in Medusa, the customer thanked, `whatsapp.cart.paid` emitted.
 * Already paid is done, with nothing sent again.
 */
export const handler: AutomationActionHandler<"mark_order_paid"> = async (_action, context) => {
  const checkout = await whatsappCartOfEvent(context)
  if (!checkout) return { status: "failed", detail: "the event names no WhatsApp order to mark paid" }
  if (checkout.paid_at) return { status: "done", detail: "already paid" }
  if (!checkout.order_id) {
    return { status: "failed", detail: "the cart has no order yet: add create_order before mark_order_paid, or trigger on checkout completed" }
  }
  try {
    const { result } = await markWhatsAppCartPaidWorkflow(context.container).run({ input: { whatsapp_cart_id: checkout.id, captured_by: `automation:${context.rule.id}` } })
    return { status: "done", detail: result.already_paid ? "already paid" : "marked paid" }
  } catch (error) {
    return { status: "failed", retryable: true, detail: `not marked paid: ${describeError(error)}` }
  }
}
