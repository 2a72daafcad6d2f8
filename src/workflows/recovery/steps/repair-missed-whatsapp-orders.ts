import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { recordWhatsAppOrderWorkflow } from "../../orders/workflows/record-whatsapp-order"
import { describeError } from "../../../lib/safe-error"

/**
 * A cart Medusa completed whose order the plugin never recorded (its
 * `order.placed` handling failed for good) is recorded now, instead of
 * being reminded to pay for something already bought.
 */
export const repairMissedWhatsAppOrdersStep = createStep(
  "repair-missed-whatsapp-orders",
  async (input: { cart_ids: string[] }, { container }) => {
    if (!input.cart_ids.length) return new StepResponse([] as string[])
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const { data: links } = await query.graph({ entity: "order_cart", fields: ["order_id", "cart_id"], filters: { cart_id: input.cart_ids } })
    const linked = new Set((links as { cart_id: string }[]).map((l) => l.cart_id))
    for (const cartId of input.cart_ids.filter((id) => !linked.has(id))) {
      logger.warn(`whatsapp: cart ${cartId} is completed but no order is linked to it; it stays open for the recovery job`)
    }
    const recorded: string[] = []
    for (const link of links as { order_id: string }[]) {
      try {
        await recordWhatsAppOrderWorkflow(container).run({ input: { order_id: link.order_id } })
        recorded.push(link.order_id)
      } catch (error) {
        logger.warn(`whatsapp: could not record order ${link.order_id} found by the recovery job: ${describeError(error)}`)
      }
    }
    return new StepResponse(recorded)
  }
)
