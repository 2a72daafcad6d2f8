import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendWhatsAppMessageWorkflow } from "../../../../../../workflows/channel/workflows/send-whatsapp-message"
import { retrieveConversation } from "../../helpers"
import { messageFields } from "../../query-config"
import type { AdminListMessagesType, AdminSendTextType } from "../../validators"

/** Newest first; the inbox reverses a page to show it top to bottom. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListMessagesType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminListMessagesType
  await retrieveConversation(req.scope, req.params.id)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "whatsapp_message",
    fields: messageFields,
    filters: { conversation_id: req.params.id },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({ messages: data, count: metadata?.count ?? data.length, offset, limit })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminSendTextType>, res: MedusaResponse) => {
  await retrieveConversation(req.scope, req.params.id)
  const { result } = await sendWhatsAppMessageWorkflow(req.scope).run({
    input: {
      conversation_id: req.params.id,
      message: { type: "text", text: { body: req.validatedBody.text } },
      idempotency_key: req.validatedBody.idempotency_key,
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [message],
  } = await query.graph({ entity: "whatsapp_message", fields: messageFields, filters: { id: result.id } })
  res.status(result.created ? 201 : 200).json({ message })
}
