import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { baseMimeType, mediaRefusal } from "../../../lib/media/media-rules"

export type StoreOutboundMediaInput = { type: "image" | "document"; filename: string; mime_type: string; content_base64: string }
export type StoredOutboundMedia = { file_id: string; url: string | null; size: number; mime_type: string; filename: string }

/**
 * Checks an admin's file against Meta's table for its message type, then
 * keeps it in the File module (private), so the inbox can show what was sent.
 */
export const storeOutboundMediaStep = createStep(
  "store-whatsapp-outbound-media",
  async (input: StoreOutboundMediaInput, { container }) => {
    const bytes = Buffer.from(input.content_base64, "base64")
    const mime = baseMimeType(input.mime_type)
    if (!bytes.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The file is empty")
    const refusal = mediaRefusal(input.type, mime, bytes.length)
    if (refusal) throw new MedusaError(MedusaError.Types.INVALID_DATA, `WhatsApp does not accept this file: ${refusal}`)
    const files = container.resolve(Modules.FILE)
    const file = await files.createFiles({ filename: input.filename, mimeType: mime, content: bytes.toString("base64"), access: "private" })
    const stored: StoredOutboundMedia = { file_id: file.id, url: file.url ?? null, size: bytes.length, mime_type: mime, filename: input.filename }
    return new StepResponse(stored, file.id)
  },
  async (fileId, { container }) => {
    if (!fileId) return
    await container.resolve(Modules.FILE).deleteFiles([fileId])
  }
)

