// Media as the Cloud API keeps it: files customers send (their media id
// arrives in the webhook), files a business uploads, the short-lived URL
// that GET /{media-id} hands out, and the authenticated download of it.
//
// Meta's pages this follows:
// - Media reference ("Upload, retrieve, delete, download media"):
//   https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/media/
//   GET /{media-id} answers { messaging_product, url, mime_type, sha256, file_size, id };
//   the URL is valid for 5 minutes ("Media URLs expire after 5 minutes and must be
//   re-retrieved if expired"); downloading it needs the access token ("If you omit your
//   token, the request will fail"); media ids from uploads last 30 days, from webhooks 7.
//   POST /{phone-number-id}/media takes multipart `file`, `type`, `messaging_product=whatsapp`
//   and answers { id }.
// - Supported media types (same page): the MIME types and size limits per type below.
// - Error codes: https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
//   (100 invalid parameter, 131008 required parameter missing, 131009 parameter value
//   not valid, 131053 media upload error "such as an unsupported media type").
// Meta does not document the status of an expired or tampered URL; the sandbox answers
// 404 for both, and 401 (code 190) for a missing or wrong token, which is what a client
// must treat as "ask for a new URL" or "fix the token".
const crypto = require("node:crypto")
const { metaError } = require("./meta-errors")

// Written out here, not imported from the plugin: a fake that shared the plugin's table would agree with its mistakes.
const MB = 1024 * 1024
const KB = 1024
const SUPPORTED = {
  audio: { mime: ["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"], max: 16 * MB },
  document: {
    mime: [
      "text/plain",
      "application/vnd.ms-excel",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.ms-powerpoint",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "application/pdf",
    ],
    max: 100 * MB,
  },
  image: { mime: ["image/jpeg", "image/png"], max: 5 * MB },
  video: { mime: ["video/mp4", "video/3gp", "video/3gpp"], max: 16 * MB },
  // Static stickers 100 KB, animated 500 KB.
  sticker: { mime: ["image/webp"], max: 500 * KB },
}
const URL_TTL_MS = 5 * 60 * 1000
const UPLOAD_TTL_MS = 30 * 24 * 60 * 60 * 1000
const WEBHOOK_TTL_MS = 7 * 24 * 60 * 60 * 1000

const baseMime = (mime) => String(mime ?? "").split(";")[0].trim().toLowerCase()

/** The message type whose table lists this MIME type (image/webp is a sticker). */
function typeOfMime(mime) {
  const base = baseMime(mime)
  return Object.keys(SUPPORTED).find((type) => SUPPORTED[type].mime.includes(base)) ?? null
}

/** Splits a multipart/form-data body into its parts: { name, filename, contentType, data }. */
function parseMultipart(raw, contentType) {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? "")
  if (!match) return null
  const boundary = Buffer.from(`--${match[1] ?? match[2]}`)
  const parts = []
  let start = raw.indexOf(boundary)
  while (start !== -1) {
    const next = raw.indexOf(boundary, start + boundary.length)
    if (next === -1) break
    const chunk = raw.subarray(start + boundary.length + 2, next - 2) // CRLF after the boundary and before the next
    const headerEnd = chunk.indexOf("\r\n\r\n")
    if (headerEnd !== -1) {
      const headers = chunk.subarray(0, headerEnd).toString("utf8")
      const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? ""
      parts.push({
        name: /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? null,
        filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null,
        contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? null,
        data: chunk.subarray(headerEnd + 4),
      })
    }
    start = next
  }
  return parts
}

function createMediaApi(getState, config) {
  const secret = crypto.randomBytes(16)
  const media = () => getState().media
  const faults = () => getState().faults
  const sign = (id, ext) => crypto.createHmac("sha256", secret).update(`${id}:${ext}`).digest("base64url")

  /** Keeps a file as Meta would; returns its id and hashes (the webhook carries the base64 one). */
  function addMedia({ phone_number_id, mime_type, bytes, filename = null, source = "customer" }) {
    // Numeric like Meta's (e.g. 1013859600285441), unique within this sandbox.
    const id = `10${String(crypto.randomInt(1e9)).padStart(9, "0")}${String(media().size + 1).padStart(5, "0")}`
    const digest = crypto.createHash("sha256").update(bytes).digest()
    const now = config.now()
    const record = {
      id,
      phone_number_id,
      mime_type,
      bytes,
      filename,
      source,
      sha256_hex: digest.toString("hex"),
      sha256_base64: digest.toString("base64"),
      expires_at: now + (source === "upload" ? UPLOAD_TTL_MS : WEBHOOK_TTL_MS),
    }
    media().set(id, record)
    return record
  }

  /** The `message[type]` object of a customer's media message, its file kept for download. */
  function customerMediaPart(account, { type, base64, mime_type, filename, caption, voice, animated }) {
    const record = addMedia({ phone_number_id: account.phone_number_id, mime_type, bytes: Buffer.from(String(base64 ?? ""), "base64"), filename })
    return {
      mime_type,
      sha256: record.sha256_base64,
      id: record.id,
      ...(caption && ["image", "video", "document"].includes(type) ? { caption } : {}),
      ...(type === "document" && filename ? { filename } : {}),
      ...(type === "audio" ? { voice: !!voice } : {}),
      ...(type === "sticker" ? { animated: !!animated } : {}),
    }
  }

  const live = (id) => {
    const record = media().get(id)
    return record && record.expires_at > config.now() ? record : null
  }

  /** GET /{version}/{media-id}, the token already checked against the media's number. */
  function lookup(record, baseUrl) {
    const expired = faults().expireMediaUrls > 0
    if (expired) faults().expireMediaUrls--
    // `ext` is the URL's expiry (seconds), signed with the id like Meta's `hash`.
    const ext = Math.floor(((expired ? config.now() - 1000 : config.now() + URL_TTL_MS)) / 1000)
    const url = `${baseUrl}/whatsapp_business/attachments/?mid=${record.id}&ext=${ext}&hash=${sign(record.id, ext)}`
    // file_size as a string, as Meta's reference example shows it.
    return { status: 200, body: { messaging_product: "whatsapp", url, mime_type: record.mime_type, sha256: record.sha256_hex, file_size: String(record.bytes.length), id: record.id } }
  }

  /** GET of a media URL: the token of the media's number, a valid signature, not past `ext`. */
  function download(query, token, tokenOf) {
    const id = query.get("mid")
    const ext = Number(query.get("ext"))
    const record = live(id)
    if (!record || query.get("hash") !== sign(id, ext)) return { status: 404, body: { error: { message: "URL signature mismatch or media not found", code: 100 } } }
    if (!token || token !== tokenOf(record.phone_number_id)) return metaError(401, 190, "Invalid OAuth access token - Cannot parse access token")
    if (ext * 1000 <= config.now()) return { status: 404, body: { error: { message: "URL signature expired", code: 100 } } }
    if (faults().mediaDownload5xx > 0) {
      faults().mediaDownload5xx--
      return { status: 500, body: { error: { message: "Something went wrong", code: 1 } } }
    }
    return { status: 200, raw: record.bytes, headers: { "content-type": record.mime_type, "content-length": String(record.bytes.length) } }
  }

  /** POST /{version}/{phone-number-id}/media (multipart). */
  function upload(account, raw, contentType) {
    const parts = parseMultipart(raw, contentType)
    if (!parts) return metaError(400, 131009, "(#131009) Parameter value is not valid", { details: "The request must be multipart/form-data" })
    const field = (name) => parts.find((p) => p.name === name && p.filename === null)?.data.toString("utf8")
    const file = parts.find((p) => p.name === "file" && p.filename !== null)
    for (const [name, present] of [["messaging_product", field("messaging_product") !== undefined], ["type", field("type") !== undefined], ["file", !!file]]) {
      if (!present) return metaError(400, 131008, "(#131008) Required parameter is missing", { details: `Parameter '${name}' is required` })
    }
    if (field("messaging_product") !== "whatsapp") return metaError(400, 131009, "(#131009) Parameter value is not valid", { details: "messaging_product must be whatsapp" })
    const mime = baseMime(field("type"))
    const type = typeOfMime(mime)
    if (!type) {
      return metaError(400, 131053, "(#131053) Media upload error", { details: `Unsupported file type ${mime}. Supported: ${Object.values(SUPPORTED).flatMap((s) => s.mime).join(", ")}` })
    }
    if (file.contentType && baseMime(file.contentType) !== mime) {
      return metaError(400, 131053, "(#131053) Media upload error", { details: `The file's content type ${baseMime(file.contentType)} does not match type ${mime}` })
    }
    if (file.data.length > SUPPORTED[type].max) {
      return metaError(400, 131053, "(#131053) Media upload error", { details: `File of ${file.data.length} bytes is over the ${SUPPORTED[type].max / KB} KB limit for ${type}` })
    }
    const record = addMedia({ phone_number_id: account.phone_number_id, mime_type: mime, bytes: file.data, filename: file.filename, source: "upload" })
    return { status: 200, body: { id: record.id } }
  }

  /**
   * A sent media message, as the image, document, audio, video and sticker
   * message pages describe it: `id` of an uploaded file or `link` of a hosted
   * one, never both; caption up to 1024 characters on image, video and
   * document only; `filename` on documents only. An id must be a live upload
   * of this number, of a type its message can carry.
   * https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/image-messages/
   * https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/document-messages
   * Codes: 131008 for a missing required parameter, 131009 for a value not
   * valid, 100 for a parameter the message type does not take, 131053 for
   * media that cannot be used.
   */
  function sendProblem(account, type, part) {
    if (!SUPPORTED[type]) return null
    const invalid = (details) => metaError(400, 131009, "(#131009) Parameter value is not valid", { details })
    if (!part || typeof part !== "object") return metaError(400, 131008, "(#131008) Required parameter is missing", { details: `${type} is required` })
    if (!part.id && !part.link) return metaError(400, 131008, "(#131008) Required parameter is missing", { details: `${type}['id'] or ${type}['link'] is required` })
    if (part.id && part.link) return invalid(`${type} takes either id or link, not both`)
    if (part.link && !/^https?:\/\/\S+$/.test(String(part.link))) return invalid(`${type}['link'] must be an http(s) URL`)
    const captioned = ["image", "video", "document"].includes(type)
    if (part.caption !== undefined && !captioned) return metaError(400, 100, "(#100) Invalid parameter", { details: `${type}['caption'] is not a parameter of ${type} messages` })
    if (part.filename !== undefined && type !== "document") return metaError(400, 100, "(#100) Invalid parameter", { details: `${type}['filename'] is not a parameter of ${type} messages` })
    if (captioned && part.caption !== undefined && (typeof part.caption !== "string" || [...part.caption].length > 1024)) return invalid(`${type}['caption'] must be a text of at most 1024 characters`)
    if (!part.id) return null
    const record = live(String(part.id))
    if (!record || record.phone_number_id !== account.phone_number_id) return invalid(`${type}['id'] ${part.id} is not a valid media id for this phone number`)
    if (!SUPPORTED[type].mime.includes(baseMime(record.mime_type))) {
      return metaError(400, 131053, "(#131053) Media upload error", { details: `Media of type ${record.mime_type} cannot be sent as ${type}` })
    }
    return null
  }

  return { addMedia, customerMediaPart, lookup, download, upload, sendProblem, live }
}

module.exports = { createMediaApi, parseMultipart, SUPPORTED }
