import { DocumentText } from "@medusajs/icons"
import { Text } from "@medusajs/ui"
import type { AdminWhatsAppMessage as Message } from "../../../types/http"

/** The authenticated route that streams a message's file from the File module (session cookie). */
export const mediaUrl = (messageId: string) => `/admin/whatsapp/messages/${messageId}/media`

const sizeLabel = (bytes: number | null) =>
  bytes == null ? "" : bytes >= 1024 * 1024 ? ` · ${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? ` · ${Math.round(bytes / 1024)} KB` : ` · ${bytes} bytes`

/** What a media message carries: the picture, a player, or the document to download; or why it is missing. */
export const MessageMedia = ({ message }: { message: Message }) => {
  if (!message.media_status) return null
  if (message.media_status === "pending") {
    return (
      <Text size="xsmall" className="text-ui-fg-muted" data-testid="media-pending">
        Downloading media…{message.media_error ? ` (last try: ${message.media_error})` : ""}
      </Text>
    )
  }
  if (message.media_status === "failed") {
    return (
      <Text size="xsmall" className="text-ui-fg-error" data-testid="media-unavailable">
        Media unavailable: {message.media_error ?? "unknown reason"}
      </Text>
    )
  }
  const src = mediaUrl(message.id)
  const voice = message.type === "audio" && (message.payload as any)?.audio?.voice === true
  switch (message.type) {
    case "image":
    case "sticker":
      return (
        <a href={src} target="_blank" rel="noreferrer">
          <img
            src={src}
            alt={message.text ?? message.type}
            className={message.type === "sticker" ? "my-1 h-32 w-32 object-contain" : "my-1 max-h-72 rounded-md object-contain"}
            data-testid="media-image"
          />
        </a>
      )
    case "video":
      return <video src={src} controls preload="metadata" className="my-1 max-h-72 rounded-md" data-testid="media-video" />
    case "audio":
      return (
        <div className="my-1 flex flex-col gap-1">
          {voice && <Text size="xsmall" className="text-ui-fg-muted">Voice message</Text>}
          <audio src={src} controls preload="metadata" data-testid="media-audio" />
        </div>
      )
    default:
      return (
        <a href={src} download={message.media_filename ?? undefined} className="my-1 flex items-center gap-2 text-ui-fg-interactive" data-testid="media-document">
          <DocumentText />
          <Text size="small">
            {message.media_filename ?? "Document"}
            <span className="text-ui-fg-muted">{sizeLabel(message.media_size)}</span>
          </Text>
        </a>
      )
  }
}
