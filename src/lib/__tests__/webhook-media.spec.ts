import fs from "node:fs"
import path from "node:path"
import { createHash } from "node:crypto"
import { extractInboundMedia } from "../webhook-media"
import { baseMimeType, mediaRefusal, sha256Matches, storedFileName } from "../media/media-rules"
import { splitWebhookPayload } from "../webhook-payload"

// pywa's media messages (source recorded in the fixture's `_source`).
const messages = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "media-messages.json"), "utf8"))

describe("extractInboundMedia", () => {
  it("reads id, MIME type, hash and caption of an image, video and document", () => {
    expect(extractInboundMedia(messages.image)).toEqual({
      type: "image", media_id: "65463453", mime_type: "image/jpeg", sha256: "4654+8g=", caption: null, filename: null, voice: false, animated: null,
    })
    expect(extractInboundMedia(messages.video)).toMatchObject({ type: "video", media_id: "765756756", caption: "caption" })
    expect(extractInboundMedia(messages.document)).toMatchObject({ type: "document", filename: "filename.pdf", mime_type: "application/pdf" })
  })

  it("tells a voice note from a plain audio file, and an animated sticker from a static one", () => {
    expect(extractInboundMedia(messages.voice)).toMatchObject({ type: "audio", voice: true, mime_type: "audio/ogg; codecs=opus" })
    expect(extractInboundMedia(messages.audio)).toMatchObject({ type: "audio", voice: false })
    expect(extractInboundMedia(messages.static_sticker)).toMatchObject({ type: "sticker", animated: false })
    expect(extractInboundMedia(messages.animated_sticker)).toMatchObject({ type: "sticker", animated: true })
  })

  it("ignores the webhook's own url (the plugin always asks for a fresh one) and non-media messages", () => {
    expect(extractInboundMedia(messages.media_with_url)).not.toHaveProperty("url")
    expect(extractInboundMedia({ type: "text", text: { body: "hola" } })).toBeNull()
    expect(extractInboundMedia({ type: "image", image: { mime_type: "image/jpeg" } })).toBeNull()
  })

  it("is carried on the parsed webhook item", () => {
    const payload = {
      object: "whatsapp_business_account",
      entry: [{ id: "1", changes: [{ field: "messages", value: { metadata: { phone_number_id: "1122334455667" }, messages: [messages.document] } }] }],
    }
    const [item] = splitWebhookPayload(payload)
    expect(item).toMatchObject({ kind: "message", type: "document", media: { media_id: "1234567890987654321", filename: "filename.pdf" } })
  })
})

describe("media rules (Meta's supported media table)", () => {
  it("accepts what the table lists, with MIME parameters", () => {
    expect(mediaRefusal("image", "image/jpeg", 5 * 1024 * 1024)).toBeNull()
    expect(mediaRefusal("audio", "audio/ogg; codecs=opus", 1000)).toBeNull()
    expect(mediaRefusal("document", "application/pdf", 100 * 1024 * 1024)).toBeNull()
    expect(baseMimeType(" Audio/OGG; codecs=opus")).toBe("audio/ogg")
  })

  it("refuses a type outside the table and a file over the limit, saying why", () => {
    expect(mediaRefusal("image", "image/gif", 10)).toMatch(/image\/gif is not supported for image/)
    expect(mediaRefusal("image", "image/png", 5 * 1024 * 1024 + 1)).toMatch(/over the 5 MB limit for image/)
    expect(mediaRefusal("sticker", "image/webp", 200 * 1024, { animated: false })).toMatch(/100 KB/)
    expect(mediaRefusal("sticker", "image/webp", 200 * 1024, { animated: true })).toBeNull()
    expect(mediaRefusal("video", "video/mp4", 16 * 1024 * 1024 + 1)).toMatch(/16 MB/)
  })

  it("compares a SHA-256 written as hex or as base64", () => {
    const bytes = Buffer.from("a customer photo")
    const digest = createHash("sha256").update(bytes).digest()
    expect(sha256Matches(bytes, digest.toString("hex"))).toBe(true)
    expect(sha256Matches(bytes, digest.toString("base64"))).toBe(true)
    expect(sha256Matches(bytes, createHash("sha256").update("other").digest("base64"))).toBe(false)
  })

  it("names stored files safely", () => {
    expect(storedFileName({ type: "document", mime: "application/pdf", wamid: "wamid.X", filename: "../../etc/passwd" })).toBe("etc_passwd")
    expect(storedFileName({ type: "image", mime: "image/jpeg", wamid: "wamid.HBgLMzQ2MDAwMDAwMDE=" })).toMatch(/^image-[A-Za-z0-9]+\.jpg$/)
  })
})

describe("classifyMediaFailure", () => {
  const { classifyMediaFailure } = require("../media/download-failure")
  const { GraphApiError } = require("../graph-api/errors")
  const { MediaTooLargeError } = require("../graph-api/client")

  it("gives up on a media id Meta does not know, at once", () => {
    expect(classifyMediaFailure("lookup", new GraphApiError("x", 404, "100"))).toMatchObject({ permanent: true, note: expect.stringMatching(/HTTP 404.*does not know this media id/) })
    expect(classifyMediaFailure("lookup", new GraphApiError("x", 400, "100", "33"))).toMatchObject({ permanent: true, note: expect.stringContaining("code 100/33") })
  })

  it("retries what a later attempt can fix: an expired URL, a server error, a bad token, the network", () => {
    expect(classifyMediaFailure("download", new GraphApiError("expired", 404, "100"))).toMatchObject({ permanent: false, note: "media download failed: HTTP 404, code 100" })
    expect(classifyMediaFailure("lookup", new GraphApiError("x", 500, "1"))).toMatchObject({ permanent: false })
    expect(classifyMediaFailure("lookup", new GraphApiError("x", 401, "190"))).toMatchObject({ permanent: false })
    expect(classifyMediaFailure("download", GraphApiError.network(new Error("ECONNRESET")))).toMatchObject({ permanent: false, note: expect.stringContaining("HTTP none, code network") })
  })

  it("gives up on a download past its limit, and keeps the cause's text out of a store failure", () => {
    expect(classifyMediaFailure("download", new MediaTooLargeError(6_000_000, 5_242_880))).toMatchObject({ permanent: true, note: expect.stringContaining("5242880-byte limit") })
    const failure = classifyMediaFailure("store", new Error("insert into … values ('34600000001')"))
    expect(failure.permanent).toBe(false)
    expect(failure.note).not.toContain("34600000001")
  })
})
