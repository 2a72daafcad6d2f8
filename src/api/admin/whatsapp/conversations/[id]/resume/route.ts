import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resumeWhatsAppConversationWorkflow } from "../../../../../../workflows/inbox/workflows/resume-whatsapp-conversation"
import { retrieveConversation } from "../../helpers"
import type { AdminWhatsAppConversationResponse } from "../../../../../../types/http"

/** Ends a handoff: automatic replies answer this customer again. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppConversationResponse>) => {
  await retrieveConversation(req.scope, req.params.id)
  await resumeWhatsAppConversationWorkflow(req.scope).run({ input: { conversation_id: req.params.id } })
  res.json({ conversation: await retrieveConversation(req.scope, req.params.id) })
}
