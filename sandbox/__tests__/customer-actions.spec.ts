import http from "node:http"
import { GraphApiClient } from "../../src/lib/graph-api/client"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createSandbox } = require("../graph-api")

/**
 * What a customer does to messages in the phone simulator (edit, delete,
 * react, reply, forward, come from an ad) reaches the store as Meta
 * documents it, within Meta's limits (see sandbox/customer-actions.js).
 */
describe("sandbox customer actions", () => {
  const account = { waba_id: "320000000000001", phone_number_id: "320000000000002", access_token: "act-token", catalog_id: "320000000000003", display_phone_number: "+1 555 030 0000" }
  const CUSTOMER = "34600777666"
  const delivered: any[] = []
  const store = http.createServer((req, res) => {
    let body = ""
    req.on("data", (c) => (body += c))
    req.on("end", () => {
      delivered.push(JSON.parse(body))
      res.writeHead(200).end("ok")
    })
  })
  let clock = 1_800_000_000_000
  let sandbox: any
  let url: string
  let client: GraphApiClient

  beforeAll(async () => {
    await new Promise<void>((resolve) => store.listen(0, "127.0.0.1", resolve))
    sandbox = createSandbox({ accounts: [account], appSecret: "act-secret", webhookUrl: `http://127.0.0.1:${(store.address() as any).port}/whatsapp/webhook`, sendStatuses: false, now: () => clock })
    url = await sandbox.listen(0)
    client = new GraphApiClient({ baseUrl: url, version: "v21.0", accessToken: "act-token" })
  })
  afterAll(async () => {
    await sandbox.close()
    await new Promise((resolve) => store.close(resolve))
  })

  const inbound = async (body: Record<string, unknown>) => {
    const res = await fetch(`${url}/__sandbox/inbound`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone_number_id: account.phone_number_id, from: CUSTOMER, ...body }),
    })
    return { status: res.status, body: await res.json() }
  }
  const lastMessage = () => delivered.at(-1).entry[0].changes[0].value.messages[0]
  const chat = async () => (await (await fetch(`${url}/__sandbox/conversation?phone=${CUSTOMER}&phone_number_id=${account.phone_number_id}`)).json()).messages

  it("edits and deletes a sent text as Meta's edit and revoke webhooks, and the phone shows the result", async () => {
    const { body: sent } = await inbound({ text: "talla S" })
    clock += 60_000
    expect((await inbound({ type: "edit", original_wamid: sent.wamid, text: "talla M" })).status).toBe(200)
    expect(lastMessage()).toMatchObject({ type: "edit", edit: { original_message_id: sent.wamid, message: { type: "text", text: { body: "talla M" } } } })
    expect(await chat()).toEqual([expect.objectContaining({ wamid: sent.wamid, edited: true, message: expect.objectContaining({ text: { body: "talla M" } }) })])

    expect((await inbound({ type: "revoke", original_wamid: sent.wamid })).status).toBe(200)
    expect(lastMessage()).toEqual(expect.objectContaining({ type: "revoke", revoke: { original_message_id: sent.wamid } }))
    expect(await chat()).toEqual([expect.objectContaining({ wamid: sent.wamid, revoked: true, message: { type: "revoked" } })])
    expect((await inbound({ type: "edit", original_wamid: sent.wamid, text: "x" })).body.error).toMatch(/deleted/)
  })

  it("refuses what WhatsApp does not allow: late edits and deletes, editing or reacting to the wrong message", async () => {
    const { body: sent } = await inbound({ text: "hola" })
    clock += 16 * 60_000
    expect(await inbound({ type: "edit", original_wamid: sent.wamid, text: "hola!" })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/15 minutes/) } })
    clock += 2 * 24 * 60 * 60_000
    expect(await inbound({ type: "revoke", original_wamid: sent.wamid })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/two days/) } })
    expect((await inbound({ type: "reaction", message_id: sent.wamid, emoji: "👍" })).status).toBe(400) // own message
    expect((await inbound({ type: "edit", original_wamid: "wamid.unknown", text: "x" })).status).toBe(400)
    expect((await inbound({ text: "re", reply_to: "wamid.unknown" })).status).toBe(400)
  })

  it("reacts to a business message and removes the reaction (emoji left out, as Meta sends it)", async () => {
    await inbound({ text: "¿tenéis envío?" })
    const { messages } = await client.sendMessage(account.phone_number_id, CUSTOMER, { type: "text", text: { body: "Sí, 24 h" } })
    const businessWamid = messages[0].id
    expect((await inbound({ type: "reaction", message_id: businessWamid, emoji: "❤️" })).status).toBe(200)
    expect(lastMessage()).toMatchObject({ type: "reaction", reaction: { message_id: businessWamid, emoji: "❤️" } })
    expect((await chat()).find((m: any) => m.wamid === businessWamid).reaction).toBe("❤️")
    await inbound({ type: "reaction", message_id: businessWamid })
    expect(lastMessage().reaction).toEqual({ message_id: businessWamid })
    expect((await chat()).find((m: any) => m.wamid === businessWamid).reaction).toBeNull()
    // Reactions are not bubbles of their own on the phone.
    expect((await chat()).filter((m: any) => m.message.type === "reaction")).toEqual([])

    await inbound({ text: "perfecto", reply_to: businessWamid, forwarded: true })
    expect(lastMessage().context).toEqual({ from: "15550300000", id: businessWamid, forwarded: true })
    await inbound({ text: "mira esto", frequently_forwarded: true })
    expect(lastMessage().context).toEqual({ frequently_forwarded: true })
  })

  it("starts a chat from an ad with Meta's referral object", async () => {
    await inbound({ text: "Quiero info", referral: { source_id: "120226305854810726", headline: "Summer sale", welcome_message: "Hi there!" } })
    expect(lastMessage().referral).toEqual({
      source_url: "https://fb.me/120226305854810726",
      source_id: "120226305854810726",
      source_type: "ad",
      body: "Sandbox ad primary text",
      headline: "Summer sale",
      media_type: "image",
      image_url: expect.stringMatching(/^https:\/\//),
      ctwa_clid: expect.any(String),
      welcome_message: { text: "Hi there!" },
    })
    await inbound({ text: "vídeo", referral: { source_id: "1", media_type: "video", status_ad: true } })
    const video = lastMessage().referral
    expect(video).toMatchObject({ media_type: "video", video_url: expect.any(String), thumbnail_url: expect.any(String) })
    expect(video).not.toHaveProperty("image_url")
    expect(video).not.toHaveProperty("ctwa_clid") // Meta leaves it out for WhatsApp Status ads
  })
})
