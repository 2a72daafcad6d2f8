import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { describeError } from "../../../lib/safe-error"
import { placeWhatsAppOrderNow } from "../../orders/place-whatsapp-order-now"
import type { AutomationActionHandler } from "../types"
import { whatsappCartOfEvent } from "./whatsapp-cart-of-event"

/**
 * `create_order`: the event's cart becomes an order now, paid by manual
 * payment (cash on delivery); the confirmation goes to the chat. A cart
 * already ordered is done with that order. Adds `order_id` and
 * `order_display_id` for the actions after it.
 */
export const handler: AutomationActionHandler<"create_order"> = async (_action, context) => {
  const checkout = await whatsappCartOfEvent(context)
  if (!checkout) return { status: "failed", detail: "the event names no WhatsApp cart to order" }
  try {
    const placed = await placeWhatsAppOrderNow(context.container, checkout.id)
    if (placed.status === "refused") return { status: "failed", detail: `order not created: ${placed.reason}` }
    const query = context.container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: placed.order_id } })
    const displayId = String((data[0] as { display_id?: number } | undefined)?.display_id ?? "")
    return {
      status: "done",
      detail: placed.status === "existing" ? `order #${displayId} already existed` : `order #${displayId} created (manual payment)`,
      variables: { order_id: placed.order_id, order_display_id: displayId },
    }
  } catch (error) {
    // A lock held by a concurrent completion or a passing database error: worth another attempt.
    return { status: "failed", retryable: true, detail: `order not created: ${describeError(error)}` }
  }
}
