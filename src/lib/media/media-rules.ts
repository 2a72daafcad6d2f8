import { createHash } from "node:crypto"

/**
 * Meta's table of supported media: which MIME types each message type
 * carries and how large a file may be. "Supported media types", Media
 * reference, WhatsApp Cloud API:
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/media/
 * (audio 16 MB; documents 100 MB; images jpeg/png 5 MB; video 16 MB;
 * stickers webp, 100 KB static and 500 KB animated). The same table bounds
 * what the plugin downloads from customers and what it uploads for admins.
 */
export const MEDIA_TYPES = ["image", "video", "audio", "document", "sticker"] as const
export type MediaType = (typeof MEDIA_TYPES)[number]

const MB = 1024 * 1024
const KB = 1024

const TABLE: Record<MediaType, { mimeTypes: readonly string[]; maxBytes: number }> = {
  // audio/ogg: Opus only ("base audio/ogg not supported"); WhatsApp voice notes arrive as `audio/ogg; codecs=opus`.
  audio: { mimeTypes: ["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"], maxBytes: 16 * MB },
  document: {
    mimeTypes: [
      "text/plain",
      "application/vnd.ms-excel",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.ms-powerpoint",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "application/pdf",
    ],
    maxBytes: 100 * MB,
  },
  image: { mimeTypes: ["image/jpeg", "image/png"], maxBytes: 5 * MB },
  // Meta's table says video/3gp; the registered name is video/3gpp: both are accepted.
  video: { mimeTypes: ["video/mp4", "video/3gp", "video/3gpp"], maxBytes: 16 * MB },
  sticker: { mimeTypes: ["image/webp"], maxBytes: 500 * KB },
}

/** Static stickers are smaller than animated ones. */
const STATIC_STICKER_MAX = 100 * KB

export const isMediaType = (type: string): type is MediaType => (MEDIA_TYPES as readonly string[]).includes(type)

/** The MIME type without parameters, lower-cased (`audio/ogg; codecs=opus` → `audio/ogg`). */
export function baseMimeType(mime: string | null | undefined): string {
  return String(mime ?? "").split(";")[0].trim().toLowerCase()
}

export function mediaMaxBytes(type: MediaType, options: { animated?: boolean } = {}): number {
  return type === "sticker" && options.animated === false ? STATIC_STICKER_MAX : TABLE[type].maxBytes
}

export function allowedMimeTypes(type: MediaType): readonly string[] {
  return TABLE[type].mimeTypes
}

/**
 * Why Meta's table refuses this file for this message type, or null. A
 * refusal is permanent: the same file fails the same way on every attempt.
 */
export function mediaRefusal(type: MediaType, mime: string | null | undefined, size: number | null | undefined, options: { animated?: boolean } = {}): string | null {
  const base = baseMimeType(mime)
  if (!TABLE[type].mimeTypes.includes(base)) return `type ${base || "unknown"} is not supported for ${type} (Meta accepts ${TABLE[type].mimeTypes.join(", ")})`
  const max = mediaMaxBytes(type, options)
  if (size != null && size > max) return `${size} bytes is over the ${formatBytes(max)} limit for ${type}`
  return null
}

export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`
  if (bytes >= KB) return `${Math.round(bytes / KB)} KB`
  return `${bytes} bytes`
}

/**
 * Whether `bytes` hash to `expected`. Meta writes the SHA-256 as base64 in
 * webhooks (pywa's test data: "m04pFf2ERdaopTyFkGPA0+bX3i+YY2dYgVFwOgDLSDI=")
 * and as hex in the media URL answer (Kapso's reference of GET /{media-id}:
 * "81d3bd8a…90d3"), so both spellings are compared.
 */
export function sha256Matches(bytes: Buffer, expected: string): boolean {
  const digest = createHash("sha256").update(bytes).digest()
  const given = expected.trim()
  return given.toLowerCase() === digest.toString("hex") || given === digest.toString("base64") || given === digest.toString("base64url")
}

/** The file name a stored file gets: the customer's document name when safe, else the message type and an extension. */
export function storedFileName(input: { type: MediaType; mime: string; wamid: string; filename?: string | null }): string {
  const safe = (input.filename ?? "").replace(/[^\p{L}\p{N}._ -]/gu, "_").replace(/^[._ ]+/, "").slice(0, 120)
  if (safe) return safe
  const extension = EXTENSIONS[baseMimeType(input.mime)] ?? "bin"
  return `${input.type}-${input.wamid.replace(/[^A-Za-z0-9]/g, "").slice(-16)}.${extension}`
}

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "video/mp4": "mp4",
  "video/3gp": "3gp",
  "video/3gpp": "3gp",
  "audio/aac": "aac",
  "audio/amr": "amr",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "audio/ogg": "ogg",
  "application/pdf": "pdf",
  "text/plain": "txt",
}
