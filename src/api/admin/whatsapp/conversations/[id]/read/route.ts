import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { markWhatsAppConversationReadWorkflow } from "../../../../../../workflows/inbox/workflows/mark-whatsapp-conversation-read"
import { retrieveConversation } from "../../helpers"
import type { AdminWhatsAppConversationResponse } from "../../../../../../types/http"

/** Marks the conversation read in the inbox (unread count back to zero). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppConversationResponse>) => {
  await retrieveConversation(req.scope, req.params.id)
  await markWhatsAppConversationReadWorkflow(req.scope).run({ input: { conversation_id: req.params.id } })
  res.json({ conversation: await retrieveConversation(req.scope, req.params.id) })
}
