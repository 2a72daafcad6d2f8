import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateWhatsAppAccountStep } from "../steps/update-whatsapp-account"
import type { WhatsAppAccountUpdate } from "../types"

export const updateWhatsAppAccountWorkflow = createWorkflow(
  "update-whatsapp-account",
  (input: WhatsAppAccountUpdate) => {
    const account = updateWhatsAppAccountStep(input)
    return new WorkflowResponse(account)
  }
)
