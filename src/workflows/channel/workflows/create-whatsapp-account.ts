import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCatalogSharingStep } from "../../catalog/steps/validate-catalog-sharing"
import { createWhatsAppAccountStep } from "../steps/create-whatsapp-account"
import type { WhatsAppAccountInput } from "../types"

export const createWhatsAppAccountWorkflow = createWorkflow(
  "create-whatsapp-account",
  (input: WhatsAppAccountInput) => {
    validateCatalogSharingStep(input)
    const account = createWhatsAppAccountStep(input)
    return new WorkflowResponse(account)
  }
)
