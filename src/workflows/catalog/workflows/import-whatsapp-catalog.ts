import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { importCatalogStep } from "../steps/import-catalog"

/** Matches an existing Meta catalog to Medusa variants (mapping, then SKU). */
export const importWhatsAppCatalogWorkflow = createWorkflow("import-whatsapp-catalog", (input: { account_id: string }) => {
  return new WorkflowResponse(importCatalogStep(input))
})
