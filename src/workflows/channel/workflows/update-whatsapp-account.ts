import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCatalogSharingStep } from "../../catalog/steps/validate-catalog-sharing"
import { updateWhatsAppAccountStep } from "../steps/update-whatsapp-account"
import type { WhatsAppAccountUpdate } from "../types"

export const updateWhatsAppAccountWorkflow = createWorkflow(
  "update-whatsapp-account",
  (input: WhatsAppAccountUpdate) => {
    validateCatalogSharingStep(transform({ input }, ({ input: { id, ...fields } }) => ({ account_id: id, ...fields })))
    const account = updateWhatsAppAccountStep(input)
    return new WorkflowResponse(account)
  }
)
