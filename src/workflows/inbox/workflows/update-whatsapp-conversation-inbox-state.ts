import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateAssigneeStep } from "../steps/validate-assignee"
import { type ConversationInboxChange, updateConversationInboxStateStep } from "../steps/update-conversation-inbox-state"

/** The team inbox: assign a conversation to an admin user (or unassign), close it or open it again. */
export const updateWhatsAppConversationInboxStateWorkflow = createWorkflow(
  "update-whatsapp-conversation-inbox-state",
  (input: ConversationInboxChange) => {
    validateAssigneeStep({ user_id: input.assigned_to_id })
    return new WorkflowResponse(updateConversationInboxStateStep(input))
  }
)
