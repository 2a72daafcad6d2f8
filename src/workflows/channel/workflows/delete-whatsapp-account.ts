import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteWhatsAppAccountStep } from "../steps/delete-whatsapp-account"

export const deleteWhatsAppAccountWorkflow = createWorkflow(
  "delete-whatsapp-account",
  (input: { id: string }) => {
    const deleted = deleteWhatsAppAccountStep(input.id)
    return new WorkflowResponse(deleted)
  }
)
