import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createHash } from "node:crypto"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { envelope, NO_AUTO_REPLY, postWebhook, TEST_ACCOUNT, useSandbox, waitFor, wamid } from "../helpers/whatsapp"

const cwd = path.join(__dirname, "../host")
// The sandbox runs in this process so the spec can hand out expired URLs and failing downloads on cue.
const fake = useSandbox({ accounts: [TEST_ACCOUNT], statusDelayMs: 20 })

/** A small real PNG (1×1), and a PDF header: bytes the spec compares after the round trip. */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex"
)
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: Record<string, string> }
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows

    beforeEach(async () => {
      fake.sandbox.config.webhookUrl = `${api.defaults.baseURL}/whatsapp/webhook`
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST", body: "{}" })
      admin = await createAdminHeaders(getContainer())
      await api.post("/admin/whatsapp/accounts", { ...TEST_ACCOUNT, settings: NO_AUTO_REPLY }, admin)
    })

    /** The customer sends a file from their phone (the sandbox keeps it and posts Meta's webhook). */
    async function customerSends(from: string, media: Record<string, unknown>) {
      const res = await fetch(`${fake.url}/__sandbox/inbound`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ phone_number_id: TEST_ACCOUNT.phone_number_id, from, media }),
      })
      const body = await res.json()
      expect(body.webhook_status).toBe(200)
      return body.wamid as string
    }

    const settled = (wamidValue: string) =>
      waitFor(
        async () => {
          const [row] = await rows(`select * from whatsapp_message where wamid = ?`, [wamidValue])
          return row && row.media_status !== "pending" ? row : null
        },
        { what: `media of ${wamidValue} stored or given up` }
      )

    it("downloads a customer's photo into the File module; the bytes read back equal, in the module and through the admin", async () => {
      const id = await customerSends("34611000001", { type: "image", base64: PNG.toString("base64"), mime_type: "image/png", caption: "¿Lo tenéis en azul?" })
      const row = await settled(id)
      expect(row).toMatchObject({ type: "image", text: "¿Lo tenéis en azul?", media_status: "stored", media_mime_type: "image/png", media_size: PNG.length, media_error: null, media_attempts: 1 })
      expect(row.media_sha256).toBe(createHash("sha256").update(PNG).digest("base64"))

      const stored = await getContainer().resolve(Modules.FILE).getAsBuffer(row.media_file_id)
      expect(stored.equals(PNG)).toBe(true)

      const served = await fetch(`${api.defaults.baseURL}/admin/whatsapp/messages/${row.id}/media`, { headers: admin.headers })
      expect(served.status).toBe(200)
      expect(served.headers.get("content-type")).toBe("image/png")
      expect(served.headers.get("content-disposition")).toMatch(/^inline/)
      expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true)
      expect((await fetch(`${api.defaults.baseURL}/admin/whatsapp/messages/${row.id}/media`)).status).toBe(401)

      const { data } = await api.get(`/admin/whatsapp/conversations/${row.conversation_id}/messages`, admin)
      expect(data.messages[0]).toMatchObject({ id: row.id, media_status: "stored", media_mime_type: "image/png", media_size: PNG.length })
    })

    it("keeps a voice note and a document with its name", async () => {
      const ogg = Buffer.from("OggS\u0000\u0002voice-note-bytes")
      const voice = await settled(await customerSends("34611000002", { type: "audio", base64: ogg.toString("base64"), mime_type: "audio/ogg; codecs=opus", voice: true }))
      expect(voice).toMatchObject({ type: "audio", media_status: "stored", media_mime_type: "audio/ogg" })
      expect(voice.payload.audio.voice).toBe(true)
      const doc = await settled(await customerSends("34611000002", { type: "document", base64: PDF.toString("base64"), mime_type: "application/pdf", filename: "presupuesto año 2026.pdf" }))
      expect(doc).toMatchObject({ media_status: "stored", media_filename: "presupuesto año 2026.pdf" })
      const served = await fetch(`${api.defaults.baseURL}/admin/whatsapp/messages/${doc.id}/media`, { headers: admin.headers })
      expect(served.headers.get("content-disposition")).toBe(`attachment; filename="presupuesto a_o 2026.pdf"; filename*=UTF-8''presupuesto%20a%C3%B1o%202026.pdf`)
      expect(Buffer.from(await served.arrayBuffer()).equals(PDF)).toBe(true)
    })

    it("asks Meta for a fresh URL when the one it got has expired", async () => {
      fake.sandbox.state.faults.expireMediaUrls = 1
      const row = await settled(await customerSends("34611000003", { type: "image", base64: PNG.toString("base64"), mime_type: "image/png" }))
      expect(row).toMatchObject({ media_status: "stored", media_attempts: 2, media_error: null })
      expect(fake.sandbox.state.faults.expireMediaUrls).toBe(0)
      expect((await getContainer().resolve(Modules.FILE).getAsBuffer(row.media_file_id)).equals(PNG)).toBe(true)
    })

    it("retries a download that failed with a server error, then stores it", async () => {
      fake.sandbox.state.faults.mediaDownload5xx = 1
      const row = await settled(await customerSends("34611000004", { type: "image", base64: PNG.toString("base64"), mime_type: "image/png" }))
      expect(row).toMatchObject({ media_status: "stored", media_attempts: 2 })
      expect(fake.sandbox.state.faults.mediaDownload5xx).toBe(0)
    })

    it("gives up at once, with the reason shown, on a file too big, of the wrong type, or unknown to Meta", async () => {
      const big = Buffer.alloc(5 * 1024 * 1024 + 1, 7)
      const tooBig = await settled(await customerSends("34611000005", { type: "image", base64: big.toString("base64"), mime_type: "image/jpeg" }))
      expect(tooBig).toMatchObject({ media_status: "failed", media_attempts: 1, media_file_id: null })
      expect(tooBig.media_error).toMatch(/^gave up: 5242881 bytes is over the 5 MB limit for image/)

      const gif = await settled(await customerSends("34611000005", { type: "image", base64: PNG.toString("base64"), mime_type: "image/gif" }))
      expect(gif).toMatchObject({ media_status: "failed", media_attempts: 1 })
      expect(gif.media_error).toMatch(/type image\/gif is not supported for image/)

      // A webhook whose media id Meta no longer has (webhook media ids last 7 days).
      const lostId = wamid()
      const payload = envelope({
        contacts: [{ profile: { name: "Cliente" }, wa_id: "34611000005" }],
        messages: [{ from: "34611000005", id: lostId, timestamp: String(Math.floor(Date.now() / 1000)), type: "image", image: { id: "1023456789", mime_type: "image/jpeg", sha256: "m04pFf2ERdaopTyFkGPA0+bX3i+YY2dYgVFwOgDLSDI=" } }],
      })
      expect((await postWebhook(api.defaults.baseURL!, payload)).status).toBe(200)
      const lost = await settled(lostId)
      expect(lost).toMatchObject({ media_status: "failed", media_attempts: 1 })
      expect(lost.media_error).toMatch(/media lookup failed: HTTP 400, code 100.*does not know this media id/)

      const { data } = await api.get(`/admin/whatsapp/conversations/${lost.conversation_id}/messages`, admin)
      expect(data.messages.find((m: any) => m.id === lost.id)).toMatchObject({ media_status: "failed", media_error: expect.stringMatching(/^gave up/) })
      const served = await fetch(`${api.defaults.baseURL}/admin/whatsapp/messages/${lost.id}/media`, { headers: admin.headers })
      expect(served.status).toBe(404)
      expect((await served.json()).message).toMatch(/^media unavailable: gave up/)
    })

    it("sends a document and an image from the inbox: stored in the File module, uploaded to Meta, delivered by their media ids", async () => {
      const from = "34611000006"
      await customerSends(from, { type: "image", base64: PNG.toString("base64"), mime_type: "image/png" }) // opens the window
      const [conversation] = await waitFor(async () => {
        const r = await rows(`select id from whatsapp_conversation where wa_id = ?`, [from])
        return r.length ? r : null
      })
      const body = { type: "document", filename: "factura-1001.pdf", mime_type: "application/pdf", content_base64: PDF.toString("base64"), caption: "Tu factura" }
      const sent = await api.post(`/admin/whatsapp/conversations/${conversation.id}/media`, body, admin)
      expect(sent.status).toBe(201)
      expect(sent.data.message).toMatchObject({ direction: "outbound", type: "document", media_status: "stored", media_filename: "factura-1001.pdf", media_size: PDF.length })

      const delivered = await waitFor(async () => fake.sandbox.state.messages.find((m: any) => m.to === from && m.type === "document"), { what: "document at the sandbox" })
      expect(delivered.body).toMatchObject({ messaging_product: "whatsapp", type: "document", document: { id: expect.any(String), filename: "factura-1001.pdf", caption: "Tu factura" } })
      const uploaded = fake.sandbox.state.media.get(delivered.body.document.id)
      expect(uploaded).toMatchObject({ source: "upload", mime_type: "application/pdf", phone_number_id: TEST_ACCOUNT.phone_number_id })
      expect(uploaded.bytes.equals(PDF)).toBe(true)

      const [row] = await rows(`select media_id, media_file_id, status from whatsapp_message where id = ?`, [sent.data.message.id])
      expect(row.media_id).toBe(delivered.body.document.id)
      expect((await getContainer().resolve(Modules.FILE).getAsBuffer(row.media_file_id)).equals(PDF)).toBe(true)
      const served = await fetch(`${api.defaults.baseURL}/admin/whatsapp/messages/${sent.data.message.id}/media`, { headers: admin.headers })
      expect(Buffer.from(await served.arrayBuffer()).equals(PDF)).toBe(true)

      // An image goes the same way, as an `image` message without a file name.
      const photo = await api.post(`/admin/whatsapp/conversations/${conversation.id}/media`, { type: "image", filename: "azul.png", mime_type: "image/png", content_base64: PNG.toString("base64"), caption: "En azul" }, admin)
      expect(photo.data.message).toMatchObject({ type: "image", text: "En azul", media_status: "stored" })
      const image = await waitFor(async () => fake.sandbox.state.messages.find((m: any) => m.to === from && m.type === "image"), { what: "image at the sandbox" })
      expect(image.body.image).toEqual({ id: expect.any(String), caption: "En azul" })
      expect(fake.sandbox.state.media.get(image.body.image.id).bytes.equals(PNG)).toBe(true)
    })

    it("refuses a file WhatsApp would not take, before anything is uploaded", async () => {
      const from = "34611000007"
      await customerSends(from, { type: "image", base64: PNG.toString("base64"), mime_type: "image/png" })
      const [conversation] = await waitFor(async () => {
        const r = await rows(`select id from whatsapp_conversation where wa_id = ?`, [from])
        return r.length ? r : null
      })
      const url = `/admin/whatsapp/conversations/${conversation.id}/media`
      const gif = await api.post(url, { type: "image", filename: "a.gif", mime_type: "image/gif", content_base64: PNG.toString("base64") }, admin).catch((e) => e.response)
      expect(gif.status).toBe(400)
      expect(gif.data.message).toMatch(/image\/gif is not supported for image/)
      const notBase64 = await api.post(url, { type: "document", filename: "a.pdf", mime_type: "application/pdf", content_base64: "%%%" }, admin).catch((e) => e.response)
      expect(notBase64.status).toBe(400)
      expect([...fake.sandbox.state.media.values()].filter((m: any) => m.source === "upload")).toHaveLength(0)
    })
  },
})

jest.setTimeout(180_000)
