import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveConversation } from "../helpers"
import type { AdminWhatsAppConversationResponse } from "../../../../../types/http"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppConversationResponse>) => {
  res.json({ conversation: await retrieveConversation(req.scope, req.params.id) })
}
