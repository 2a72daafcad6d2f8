import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * The orders of completed WhatsApp carts that the plugin never recorded
 * (their `order.placed` handling failed for good). Reads only: the recovery
 * job records each through `recordWhatsAppOrderWorkflow`, instead of
 * reminding the customer to pay for something already bought.
 */
export const findUnrecordedWhatsAppOrdersStep = createStep(
  "find-unrecorded-whatsapp-orders",
  async (input: { cart_ids: string[] }, { container }) => {
    if (!input.cart_ids.length) return new StepResponse([] as string[])
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const { data: links } = await query.graph({ entity: "order_cart", fields: ["order_id", "cart_id"], filters: { cart_id: input.cart_ids } })
    const linked = new Set((links as { cart_id: string }[]).map((l) => l.cart_id))
    for (const cartId of input.cart_ids.filter((id) => !linked.has(id))) {
      logger.warn(`whatsapp: cart ${cartId} is completed but no order is linked to it; it stays open for the recovery job`)
    }
    return new StepResponse((links as { order_id: string }[]).map((l) => l.order_id))
  }
)
