import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendWhatsAppMessageWorkflow } from "../../../../../../workflows/channel/workflows/send-whatsapp-message"
import type { OutboundMessage } from "../../../../../../lib/graph-api/types"
import { retrieveConversation } from "../../helpers"
import { messageFields } from "../../query-config"
import { listedMessagesFilter, presentMessages } from "../../message-lifecycle"
import type { AdminListMessagesType, AdminSendTextType } from "../../validators"
import type { AdminWhatsAppMessageListResponse, AdminWhatsAppMessageResponse } from "../../../../../../types/http"

/** Newest first; the inbox reverses a page to show it top to bottom. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListMessagesType>, res: MedusaResponse<AdminWhatsAppMessageListResponse>) => {
  const { limit, offset } = req.validatedQuery as AdminListMessagesType
  await retrieveConversation(req.scope, req.params.id)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "whatsapp_message",
    fields: messageFields,
    filters: listedMessagesFilter(req.params.id) as any,
    pagination: { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } },
  })
  res.json({ messages: (await presentMessages(req.scope, data as any[])) as any, count: metadata?.count ?? data.length, offset, limit })
}

function toOutbound(body: AdminSendTextType): OutboundMessage {
  if (body.template) {
    const { name, language, body_parameters } = body.template
    return {
      type: "template",
      template: {
        name,
        language: { code: language },
        ...(body_parameters.length
          ? { components: [{ type: "body" as const, parameters: body_parameters.map((text) => ({ type: "text" as const, text })) }] }
          : {}),
      },
    }
  }
  return { type: "text", text: { body: body.text! } }
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminSendTextType>, res: MedusaResponse<AdminWhatsAppMessageResponse>) => {
  await retrieveConversation(req.scope, req.params.id)
  const { result } = await sendWhatsAppMessageWorkflow(req.scope).run({
    input: {
      conversation_id: req.params.id,
      message: toOutbound(req.validatedBody),
      idempotency_key: req.validatedBody.idempotency_key,
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [message],
  } = await query.graph({ entity: "whatsapp_message", fields: messageFields, filters: { id: result.id } })
  const [presented] = await presentMessages(req.scope, [message as any])
  res.status(result.created ? 201 : 200).json({ message: presented as any })
}
