import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { resumeConversationAutoRepliesStep } from "../steps/resume-conversation-auto-replies"

/** An admin hands a conversation back to the automatic replies after a handoff. */
export const resumeWhatsAppConversationWorkflow = createWorkflow(
  "resume-whatsapp-conversation",
  (input: { conversation_id: string }) => {
    resumeConversationAutoRepliesStep(input)
    return new WorkflowResponse(input)
  }
)
