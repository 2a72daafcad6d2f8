import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

/**
 * Queues a product's variants for the next incremental sync. No compensation:
 * a queued variant that did not change is simply found unchanged.
 */
export const queueProductCatalogItemsStep = createStep(
  "queue-whatsapp-product-catalog-items",
  async (input: { product_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const { data } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { product_id: input.product_id } })
    const variantIds = data.map((v: { id: string }) => v.id)
    await whatsapp.queueCatalogVariants(variantIds)
    return new StepResponse({ queued: variantIds.length })
  }
)
