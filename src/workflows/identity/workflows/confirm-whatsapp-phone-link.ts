import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { confirmPhoneLinkStep } from "../steps/confirm-phone-link"

/** The customer opened the one-time link while logged in: their account now owns the conversation's carts and orders. */
export const confirmWhatsAppPhoneLinkWorkflow = createWorkflow(
  "confirm-whatsapp-phone-link",
  (input: { token: string; customer_id: string }) => new WorkflowResponse(confirmPhoneLinkStep(input))
)
