import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateWhatsAppConversationInboxStateWorkflow } from "../../../../../workflows/inbox/workflows/update-whatsapp-conversation-inbox-state"
import { retrieveConversation } from "../helpers"
import type { AdminUpdateConversationType } from "../validators"
import type { AdminWhatsAppConversationResponse } from "../../../../../types/http"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppConversationResponse>) => {
  res.json({ conversation: await retrieveConversation(req.scope, req.params.id) })
}

/** The team inbox: assign to an admin user (null unassigns), close or reopen. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateConversationType>, res: MedusaResponse<AdminWhatsAppConversationResponse>) => {
  await retrieveConversation(req.scope, req.params.id)
  await updateWhatsAppConversationInboxStateWorkflow(req.scope).run({ input: { conversation_id: req.params.id, ...req.validatedBody } })
  res.json({ conversation: await retrieveConversation(req.scope, req.params.id) })
}
