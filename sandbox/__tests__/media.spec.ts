import { createHash } from "node:crypto"
import { GraphApiClient } from "../../src/lib/graph-api/client"
import { GraphApiError } from "../../src/lib/graph-api/errors"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createSandbox } = require("../graph-api")

/** Media as Meta keeps it (sandbox/media.js cites the pages): bearer auth, URLs that expire, upload and send rules. */
describe("sandbox media", () => {
  const account = { waba_id: "310000000000001", phone_number_id: "310000000000002", access_token: "media-token" }
  const other = { waba_id: "320000000000001", phone_number_id: "320000000000002", access_token: "other-token" }
  let clock = Date.UTC(2026, 0, 15, 10, 0, 0)
  const sandbox = createSandbox({ accounts: [account, other], sendStatuses: false, now: () => clock })
  let url: string
  let client: GraphApiClient
  const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex")

  beforeAll(async () => {
    url = await sandbox.listen(0)
    client = new GraphApiClient({ baseUrl: url, version: "v21.0", accessToken: account.access_token })
  })
  afterAll(() => sandbox.close())
  beforeEach(() => {
    clock += 60_000
  })

  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: GraphApiError) => e)
  const customerPhoto = async () => {
    const res = await fetch(`${url}/__sandbox/inbound`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: "34600000001", media: { type: "image", base64: png.toString("base64"), mime_type: "image/png", caption: "¿Lo tenéis en rojo?" } }),
    })
    const { payload } = await res.json()
    return payload.entry[0].changes[0].value.messages[0]
  }

  it("puts a customer's photo in the webhook as Meta does: id, MIME type, base64 SHA-256, caption", async () => {
    const message = await customerPhoto()
    expect(message.type).toBe("image")
    expect(message.image).toEqual({
      id: expect.stringMatching(/^\d+$/),
      mime_type: "image/png",
      sha256: createHash("sha256").update(png).digest("base64"),
      caption: "¿Lo tenéis en rojo?",
    })
    // The simulator's view of the file (inspection, no token): the same bytes.
    const shown = await fetch(`${url}/__sandbox/media?id=${message.image.id}`)
    expect(shown.headers.get("content-type")).toBe("image/png")
    expect(Buffer.from(await shown.arrayBuffer()).equals(png)).toBe(true)
  })

  it("answers GET /{media-id} with a URL that needs the token and expires after 5 minutes", async () => {
    const { image } = await customerPhoto()
    const info = await client.getMedia(image.id)
    expect(info).toMatchObject({ messaging_product: "whatsapp", id: image.id, mime_type: "image/png", file_size: String(png.length) })
    expect(info.sha256).toBe(createHash("sha256").update(png).digest("hex"))

    expect((await fetch(info.url)).status).toBe(401)
    const wrong = await fetch(info.url, { headers: { authorization: `Bearer ${other.access_token}` } })
    expect(wrong.status).toBe(401)
    const { bytes } = await client.downloadMedia(info.url, 1000)
    expect(bytes.equals(png)).toBe(true)

    clock += 5 * 60 * 1000
    const expired = await refusal(client.downloadMedia(info.url, 1000))
    expect(expired).toMatchObject({ status: 404 })
    // A fresh URL works again.
    expect((await client.downloadMedia((await client.getMedia(image.id)).url, 1000)).bytes.equals(png)).toBe(true)
  })

  it("refuses the media of another number's token, an unknown id, and a tampered URL", async () => {
    const { image } = await customerPhoto()
    const otherClient = new GraphApiClient({ baseUrl: url, version: "v21.0", accessToken: other.access_token })
    expect(await refusal(otherClient.getMedia(image.id))).toMatchObject({ status: 401, code: "190" })
    expect(await refusal(client.getMedia("999"))).toMatchObject({ status: 400, code: "100" })
    const info = await client.getMedia(image.id)
    expect(await refusal(client.downloadMedia(info.url.replace(/hash=[^&]+/, "hash=forged"), 1000))).toMatchObject({ status: 404 })
  })

  it("stops a download past the caller's limit", async () => {
    const { image } = await customerPhoto()
    const info = await client.getMedia(image.id)
    await expect(client.downloadMedia(info.url, 4)).rejects.toMatchObject({ name: "MediaTooLargeError" })
  })

  it("uploads a file and checks Meta's types and limits per type", async () => {
    const { id } = await client.uploadMedia(account.phone_number_id, { bytes: png, mimeType: "image/png", filename: "a.png" })
    expect(id).toMatch(/^\d+$/)
    const gif = await refusal(client.uploadMedia(account.phone_number_id, { bytes: png, mimeType: "image/gif", filename: "a.gif" }))
    expect(gif).toMatchObject({ status: 400, code: "131053" })
    const big = await refusal(client.uploadMedia(account.phone_number_id, { bytes: Buffer.alloc(5 * 1024 * 1024 + 1), mimeType: "image/jpeg", filename: "big.jpg" }))
    expect(big).toMatchObject({ code: "131053" })
    expect(big!.details).toMatch(/over the 5120 KB limit for image/)
    const form = new FormData()
    form.set("type", "image/png")
    form.set("file", new Blob([new Uint8Array(png)], { type: "image/png" }), "a.png")
    const missing = await refusal(client.request("POST", `${account.phone_number_id}/media`, { form } as any))
    expect(missing).toMatchObject({ code: "131008" })
  })

  it("sends an uploaded image or document by id, and refuses what Meta refuses", async () => {
    const send = (message: Record<string, unknown>) => client.sendMessage(account.phone_number_id, "34600000001", message as any)
    await customerPhoto() // opens the customer-service window
    const { id: imageId } = await client.uploadMedia(account.phone_number_id, { bytes: png, mimeType: "image/png", filename: "a.png" })
    const { id: pdfId } = await client.uploadMedia(account.phone_number_id, { bytes: Buffer.from("%PDF-1.4"), mimeType: "application/pdf", filename: "factura.pdf" })
    await expect(send({ type: "image", image: { id: imageId, caption: "Aquí está" } })).resolves.toHaveProperty("messages")
    await expect(send({ type: "document", document: { id: pdfId, filename: "factura.pdf", caption: "Tu factura" } })).resolves.toHaveProperty("messages")
    await expect(send({ type: "image", image: { link: "https://shop.example/a.png" } })).resolves.toHaveProperty("messages")

    const problems: [Record<string, unknown>, string][] = [
      [{ type: "image", image: {} }, "131008"],
      [{ type: "image", image: { id: imageId, link: "https://shop.example/a.png" } }, "131009"],
      [{ type: "image", image: { id: imageId, caption: "x".repeat(1025) } }, "131009"],
      [{ type: "image", image: { id: imageId, filename: "a.png" } }, "100"],
      [{ type: "audio", audio: { id: imageId, caption: "no" } }, "100"],
    ]
    for (const [message, code] of problems) expect(await refusal(send(message))).toMatchObject({ status: 400, code })
    expect(await refusal(send({ type: "image", image: { id: "12345" } }))).toMatchObject({ code: "131009" })
    expect(await refusal(send({ type: "image", image: { id: pdfId } }))).toMatchObject({ code: "131053" })
  })
})
