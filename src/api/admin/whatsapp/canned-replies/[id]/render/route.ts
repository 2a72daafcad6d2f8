import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renderCannedReply } from "../../../../../../lib/inbox/canned-reply"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import type { AdminRenderCannedReplyType } from "../../validators"
import type { AdminWhatsAppRenderedCannedReplyResponse } from "../../../../../../types/http"
import { cannedReplyValues } from "./values"

/** The reply's text with its variables filled for a conversation, ready for the composer (nothing is sent). */
export async function POST(req: AuthenticatedMedusaRequest<AdminRenderCannedReplyType>, res: MedusaResponse<AdminWhatsAppRenderedCannedReplyResponse>) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const reply = await whatsapp.retrieveWhatsappCannedReply(req.params.id)
  const values = await cannedReplyValues(req.scope, req.validatedBody.conversation_id, req.auth_context.actor_id)
  res.json(renderCannedReply(reply.text, values))
}
