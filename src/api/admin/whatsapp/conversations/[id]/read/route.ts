import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import { retrieveConversation } from "../../helpers"
import type { AdminWhatsAppConversationResponse } from "../../../../../../types/http"

/** Marks the conversation read in the inbox (unread count back to zero). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppConversationResponse>) => {
  await retrieveConversation(req.scope, req.params.id)
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  await whatsapp.updateWhatsappConversations({ id: req.params.id, unread_count: 0 } as any)
  res.json({ conversation: await retrieveConversation(req.scope, req.params.id) })
}
