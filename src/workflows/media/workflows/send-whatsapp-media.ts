import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WhatsAppEvents } from "../../../events"
import type { OutboundMessage } from "../../../lib/graph-api/types"
import { prepareOutboundMessageStep } from "../../channel/steps/prepare-outbound-message"
import { queueOutboundMessageStep } from "../../channel/steps/queue-outbound-message"
import { storeOutboundMediaStep } from "../steps/store-outbound-media"
import { uploadMediaToMetaStep } from "../steps/upload-media-to-meta"

export type SendWhatsAppMediaInput = {
  conversation_id: string
  type: "image" | "document"
  filename: string
  mime_type: string
  content_base64: string
  caption?: string
  idempotency_key?: string
}

/**
 * Sends an image or a document in a conversation: the file goes to the File
 * module, then to Meta, then the message (carrying Meta's media id) is
 * queued and sent by the outbound work like any other.
 */
export const sendWhatsAppMediaWorkflow = createWorkflow("send-whatsapp-media", (input: SendWhatsAppMediaInput) => {
  const stored = storeOutboundMediaStep(input)
  const uploadInput = transform({ input, stored }, ({ input, stored }) => ({
    conversation_id: input.conversation_id,
    file_id: stored.file_id,
    mime_type: stored.mime_type,
    filename: stored.filename,
  }))
  const uploaded = uploadMediaToMetaStep(uploadInput)
  const send = transform({ input, stored, uploaded }, ({ input, stored, uploaded }) => {
    const media = { id: uploaded.media_id, ...(input.caption ? { caption: input.caption } : {}) }
    const message: OutboundMessage =
      input.type === "image" ? { type: "image", image: media } : { type: "document", document: { ...media, filename: stored.filename } }
    return {
      conversation_id: input.conversation_id,
      message,
      idempotency_key: input.idempotency_key,
      media: { media_id: uploaded.media_id, ...stored },
    }
  })
  const prepared = prepareOutboundMessageStep(send)
  const queued = queueOutboundMessageStep(prepared)
  const event = transform({ queued }, ({ queued }) => (queued.created ? [{ id: queued.id }] : []))
  emitEventStep({ eventName: WhatsAppEvents.MESSAGE_QUEUED, data: event })
  return new WorkflowResponse(queued)
})
