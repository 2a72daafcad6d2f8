import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { markConversationReadStep } from "../steps/mark-conversation-read"

/** The inbox read a conversation: its unread count goes back to zero. */
export const markWhatsAppConversationReadWorkflow = createWorkflow(
  "mark-whatsapp-conversation-read",
  (input: { conversation_id: string }) => {
    markConversationReadStep(input)
    return new WorkflowResponse(input)
  }
)
