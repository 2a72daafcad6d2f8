import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { queueProductCatalogItemsStep } from "../steps/queue-product-catalog-items"
import { ProductSettingInput, setProductSettingStep } from "../steps/set-product-setting"

/**
 * A product's WhatsApp switches. `searchable` only changes what typed
 * messages find; `hidden_in_catalog` changes the items' visibility in the
 * Meta catalog, so only that one queues the product for the next sync.
 */
export const updateWhatsAppProductSettingsWorkflow = createWorkflow(
  "update-whatsapp-product-settings",
  (input: ProductSettingInput) => {
    const saved = setProductSettingStep(input)
    when("whatsapp-catalog-visibility-changed", { saved }, ({ saved }) => saved.before.hidden_in_catalog !== saved.after.hidden_in_catalog).then(() => {
      queueProductCatalogItemsStep(transform({ input }, ({ input }) => ({ product_id: input.product_id })))
    })
    return new WorkflowResponse(saved.after)
  }
)
