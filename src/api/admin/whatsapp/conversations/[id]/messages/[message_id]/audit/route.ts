import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { AdminWhatsAppMessageAuditResponse } from "../../../../../../../../types/http"

/**
 * The audit trail of one message: what it said, every earlier text of an
 * edited message, and the text of a revoked one, which the list hides.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppMessageAuditResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [message],
  } = await query.graph({
    entity: "whatsapp_message",
    fields: ["id", "conversation_id", "wamid", "direction", "type", "text", "payload", "edited_at", "edits", "revoked_at", "created_at"],
    filters: { id: req.params.message_id, conversation_id: req.params.id },
  })
  if (!message) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `WhatsApp message ${req.params.message_id} was not found in conversation ${req.params.id}`)
  }
  res.json({ audit: message as any })
}
