import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"

/**
 * The file of a message, streamed from the File module for signed-in admins
 * (whatever provider keeps it, and private files included). Images, audio
 * and video play inline; documents download under their name. Only types
 * from Meta's table are ever stored, and nosniff keeps the browser to them.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const media = await whatsapp.messageMediaFile(req.params.id)
  if (!media) throw new MedusaError(MedusaError.Types.NOT_FOUND, `WhatsApp message ${req.params.id} was not found`)
  if (media.media_status !== "stored" || !media.media_file_id) {
    const reason = media.media_status === "pending" ? "still downloading" : media.media_error ?? "this message has no media"
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `media unavailable: ${reason}`)
  }
  const stream = await req.scope.resolve(Modules.FILE).getDownloadStream(media.media_file_id)
  // An ASCII fallback name (header values must be Latin-1) and the exact one in RFC 5987 form.
  const filename = (media.media_filename ?? "file").replace(/[^\x20-\x7e]|["\\]/g, "_")
  res.setHeader("content-type", media.media_mime_type ?? "application/octet-stream")
  res.setHeader("x-content-type-options", "nosniff")
  res.setHeader("cache-control", "private, max-age=3600")
  res.setHeader(
    "content-disposition",
    `${media.type === "document" ? "attachment" : "inline"}; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(media.media_filename ?? "file")}`
  )
  stream.on("error", () => res.destroy())
  stream.pipe(res)
}
