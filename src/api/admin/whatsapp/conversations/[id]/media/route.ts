import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendWhatsAppMediaWorkflow } from "../../../../../../workflows/media/workflows/send-whatsapp-media"
import { retrieveConversation } from "../../helpers"
import { withMetaErrors } from "../../../meta-errors"
import { messageFields } from "../../query-config"
import type { AdminWhatsAppMessageResponse } from "../../../../../../types/http"
import type { AdminSendMediaType } from "./validators"

/**
 * Sends an image or a document from the inbox: the file is kept in the File
 * module, uploaded to Meta, and queued as a message like any other.
 */
export const POST = withMetaErrors("Meta did not accept the file", async (req: AuthenticatedMedusaRequest<AdminSendMediaType>, res: MedusaResponse<AdminWhatsAppMessageResponse>) => {
  await retrieveConversation(req.scope, req.params.id)
  const body = req.validatedBody
  const { result } = await sendWhatsAppMediaWorkflow(req.scope).run({
    input: {
      conversation_id: req.params.id,
      type: body.type,
      filename: body.filename,
      mime_type: body.mime_type,
      content_base64: body.content_base64,
      caption: body.caption,
      idempotency_key: body.idempotency_key,
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [message],
  } = await query.graph({ entity: "whatsapp_message", fields: messageFields, filters: { id: result.id } })
  res.status(result.created ? 201 : 200).json({ message })
})
