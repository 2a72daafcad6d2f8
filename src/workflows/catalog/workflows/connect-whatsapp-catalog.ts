import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateWhatsAppAccountStep } from "../../channel/steps/update-whatsapp-account"
import { ConnectCatalogInput, setCommerceSettingsStep, verifyCatalogStep } from "../steps/connect-catalog"
import { connectWabaCatalogStep } from "../steps/connect-waba-catalog"
import { validateCatalogSharingStep } from "../steps/validate-catalog-sharing"

/**
 * Links a Meta catalog to an account: allowed by the catalog rules (one
 * catalog per WABA; a shared catalog keeps its currency and sales channel),
 * verified, connected to the WABA at Meta (replacing another only with
 * `replace`), commerce settings on, stored. A failure undoes the Meta side.
 */
export const connectWhatsAppCatalogWorkflow = createWorkflow("connect-whatsapp-catalog", (input: ConnectCatalogInput) => {
  validateCatalogSharingStep(transform({ input }, ({ input }) => ({ account_id: input.account_id, catalog_id: input.catalog_id })))
  const catalog = verifyCatalogStep(input)
  const waba = connectWabaCatalogStep(input)
  const commerce = setCommerceSettingsStep(input)
  const update = transform({ input }, ({ input }) => ({ id: input.account_id, catalog_id: input.catalog_id }))
  updateWhatsAppAccountStep(update)
  return new WorkflowResponse({ catalog, commerce, waba })
})
