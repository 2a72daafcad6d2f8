import { isMediaType, type MediaType } from "./media/media-rules"

/**
 * The media part of an incoming image, video, audio (voice notes too),
 * document or sticker message, as Meta's messages webhook carries it:
 * `message[type] = { id, mime_type, sha256, caption?, filename?, voice?, animated? }`
 * (webhook reference, "Image messages" and siblings:
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/image).
 * Null for any other message, or a media message without a media id.
 */
export type InboundMedia = {
  type: MediaType
  media_id: string
  mime_type: string | null
  sha256: string | null
  caption: string | null
  filename: string | null
  /** An audio message recorded in WhatsApp (a voice note). */
  voice: boolean
  /** A sticker's `animated` flag (its size limit depends on it). */
  animated: boolean | null
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v)
const str = (v: unknown): string | null => (typeof v === "string" && v.length ? v : typeof v === "number" ? String(v) : null)

export function extractInboundMedia(message: Obj): InboundMedia | null {
  const type = str(message.type)
  if (!type || !isMediaType(type) || !isObj(message[type])) return null
  const part = message[type] as Obj
  const mediaId = str(part.id)
  if (!mediaId) return null
  return {
    type,
    media_id: mediaId,
    mime_type: str(part.mime_type),
    sha256: str(part.sha256),
    caption: str(part.caption),
    filename: str(part.filename),
    voice: part.voice === true,
    animated: typeof part.animated === "boolean" ? part.animated : null,
  }
}
