import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createConversationNoteStep } from "../steps/create-conversation-note"

/** An admin leaves an internal note on a conversation: for the team only, never sent to the customer. */
export const createWhatsAppConversationNoteWorkflow = createWorkflow(
  "create-whatsapp-conversation-note",
  (input: { conversation_id: string; author_id: string; text: string }) => new WorkflowResponse(createConversationNoteStep(input))
)
