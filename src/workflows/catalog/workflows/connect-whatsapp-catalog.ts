import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateWhatsAppAccountStep } from "../../channel/steps/update-whatsapp-account"
import { ConnectCatalogInput, setCommerceSettingsStep, verifyCatalogStep } from "../steps/connect-catalog"

/** Links a Meta catalog to an account: verified, commerce settings on, stored. */
export const connectWhatsAppCatalogWorkflow = createWorkflow("connect-whatsapp-catalog", (input: ConnectCatalogInput) => {
  const catalog = verifyCatalogStep(input)
  const commerce = setCommerceSettingsStep(input)
  const update = transform({ input }, ({ input }) => ({ id: input.account_id, catalog_id: input.catalog_id }))
  updateWhatsAppAccountStep(update)
  return new WorkflowResponse({ catalog, commerce })
})
