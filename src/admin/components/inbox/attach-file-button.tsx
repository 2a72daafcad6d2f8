import { PaperClip } from "@medusajs/icons"
import { IconButton } from "@medusajs/ui"
import { useRef } from "react"
import { useSendMedia } from "../../hooks/conversations"

/** Images WhatsApp shows as pictures (JPEG, PNG); other accepted files go as documents. */
const IMAGE_TYPES = ["image/jpeg", "image/png"]
const ACCEPT = [
  ...IMAGE_TYPES,
  "application/pdf",
  "text/plain",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-powerpoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
].join(",")

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}

type Props = { conversationId: string; caption: string; disabled: boolean; onSent: () => void }

/** Picks a file and sends it as an image or a document, with the typed text as its caption. */
export const AttachFileButton = ({ conversationId, caption, disabled, onSent }: Props) => {
  const input = useRef<HTMLInputElement>(null)
  const send = useSendMedia(conversationId)

  const onPick = async (file: File | undefined) => {
    if (!file) return
    const content_base64 = await readBase64(file)
    send.mutate(
      {
        type: IMAGE_TYPES.includes(file.type) ? "image" : "document",
        filename: file.name,
        mime_type: file.type || "application/octet-stream",
        content_base64,
        ...(caption.trim() ? { caption: caption.trim().slice(0, 1024) } : {}),
      },
      { onSuccess: onSent }
    )
    if (input.current) input.current.value = ""
  }

  return (
    <>
      <input ref={input} type="file" accept={ACCEPT} className="hidden" onChange={(e) => onPick(e.target.files?.[0])} data-testid="reply-attach-input" />
      <IconButton
        type="button"
        variant="transparent"
        disabled={disabled || send.isPending}
        onClick={() => input.current?.click()}
        title="Send an image or a document (the text becomes its caption)"
        data-testid="reply-attach"
      >
        <PaperClip />
      </IconButton>
    </>
  )
}
