import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createWhatsAppAccountStep } from "../steps/create-whatsapp-account"
import type { WhatsAppAccountInput } from "../types"

export const createWhatsAppAccountWorkflow = createWorkflow(
  "create-whatsapp-account",
  (input: WhatsAppAccountInput) => {
    const account = createWhatsAppAccountStep(input)
    return new WorkflowResponse(account)
  }
)
