import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

export type UploadMediaToMetaInput = { conversation_id: string; file_id: string; mime_type: string; filename: string }

/**
 * Uploads a stored file to the conversation's phone number
 * (`POST /{phone-number-id}/media`); Meta's media id is what the message
 * carries. Meta keeps an upload 30 days and offers no undo a compensation
 * would need: a message that is then not queued leaves only that copy.
 */
export const uploadMediaToMetaStep = createStep("upload-whatsapp-media-to-meta", async (input: UploadMediaToMetaInput, { container }) => {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const conversation = await whatsapp.retrieveWhatsappConversation(input.conversation_id, { select: ["id", "account_id"] })
  const account = await whatsapp.retrieveWhatsappAccount(conversation.account_id, { select: ["id", "phone_number_id"] })
  const bytes = await container.resolve(Modules.FILE).getAsBuffer(input.file_id)
  const graph = await whatsapp.graphClientFor(account.id, { timeoutMs: 60_000 })
  const { id } = await graph.uploadMedia(account.phone_number_id, { bytes, mimeType: input.mime_type, filename: input.filename })
  return new StepResponse({ media_id: id })
})
