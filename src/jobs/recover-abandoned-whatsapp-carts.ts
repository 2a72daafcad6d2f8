import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { describeError } from "../lib/safe-error"
import { recordWhatsAppOrderWorkflow } from "../workflows/orders/workflows/record-whatsapp-order"
import { recoverAbandonedWhatsAppCartsWorkflow } from "../workflows/recovery/workflows/recover-abandoned-whatsapp-carts"

/**
 * Every minute: carts unpaid past their account's recovery delay get their
 * one reminder, and orders of completed carts that were never recorded (a
 * lost `order.placed`) are recorded, each by its own workflow run.
 */
export default async function recoverAbandonedWhatsAppCarts(container: MedusaContainer) {
  const { result } = await recoverAbandonedWhatsAppCartsWorkflow(container).run({ input: {} })
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const orderId of result.unrecorded_order_ids) {
    try {
      await recordWhatsAppOrderWorkflow(container).run({ input: { order_id: orderId } })
    } catch (error) {
      logger.warn(`whatsapp: could not record order ${orderId} found by the recovery job: ${describeError(error)}`)
    }
  }
}

export const config = {
  name: "recover-abandoned-whatsapp-carts",
  schedule: "* * * * *",
}
