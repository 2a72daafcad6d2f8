import http from "node:http"
import type { Browser, Page } from "playwright-core"
import { GraphApiClient } from "../../src/lib/graph-api/client"
import { launchChromium } from "../helpers/browser"
import { createSandbox, waitFor } from "../helpers/whatsapp"

/**
 * The phone simulator in a browser: what the customer does to messages
 * (edit, delete, react, reply, forward, come from an ad) reaches the store as
 * Meta's webhooks, and the phone shows it. The store here only records what
 * it is sent; the inbox side is covered by message-lifecycle.spec.ts.
 */
const ACCOUNT = { waba_id: "330000000000001", phone_number_id: "330000000000002", access_token: "sim-life-token", display_phone_number: "+1 555 040 0000", verified_name: "Demo Moda" }
const PHONE = "34600555444"

describe("phone simulator: message lifecycle", () => {
  const received: any[] = []
  const store = http.createServer((req, res) => {
    let body = ""
    req.on("data", (c) => (body += c))
    req.on("end", () => {
      received.push(JSON.parse(body).entry[0].changes[0].value.messages?.[0])
      res.writeHead(200).end("ok")
    })
  })
  let sandbox: any
  let url: string
  let browser: Browser
  let phone: Page

  beforeAll(async () => {
    await new Promise<void>((resolve) => store.listen(0, "127.0.0.1", resolve))
    sandbox = createSandbox({ accounts: [ACCOUNT], appSecret: "sim-life-secret", webhookUrl: `http://127.0.0.1:${(store.address() as any).port}/whatsapp/webhook`, sendStatuses: false })
    url = await sandbox.listen(0)
    browser = await launchChromium()
    phone = await browser.newPage()
    phone.on("dialog", (dialog) => dialog.accept(dialog.type() === "prompt" ? "talla M, por favor" : undefined))
    await phone.goto(`${url}/simulator?phone=${PHONE}&name=Ana`)
  })
  afterAll(async () => {
    await browser?.close()
    await sandbox.close()
    await new Promise((resolve) => store.close(resolve))
  })

  const lastOfType = (type: string) => waitFor(async () => [...received].reverse().find((m) => m?.type === type), { what: `a ${type} webhook` })
  const bubble = (direction: "customer" | "business", text: string) => phone.locator(`[data-testid="bubble"][data-direction="${direction}"]`, { hasText: text })

  it("edits and deletes a sent text", async () => {
    await phone.getByTestId("composer-input").fill("talla S")
    await phone.getByTestId("composer-send").click()
    const sent = bubble("customer", "talla S")
    await sent.waitFor()
    const wamid = await sent.getAttribute("data-wamid")

    await sent.getByTestId("tool-edit").click()
    expect(await lastOfType("edit")).toMatchObject({ edit: { original_message_id: wamid, message: { type: "text", text: { body: "talla M, por favor" } } } })
    await bubble("customer", "talla M, por favor").getByTestId("edited").waitFor()

    await bubble("customer", "talla M, por favor").getByTestId("tool-delete").click()
    expect(await lastOfType("revoke")).toMatchObject({ revoke: { original_message_id: wamid } })
    await phone.locator(`[data-wamid="${wamid}"]`).getByTestId("revoked").waitFor()
  })

  it("reacts to a business message, then replies to it forwarded and from an ad", async () => {
    const client = new GraphApiClient({ baseUrl: url, version: "v21.0", accessToken: ACCOUNT.access_token })
    const { messages } = await client.sendMessage(ACCOUNT.phone_number_id, PHONE, { type: "text", text: { body: "Tenemos talla M" } })
    const business = bubble("business", "Tenemos talla M")
    await business.waitFor()

    await business.getByTestId("tool-react").first().click()
    expect(await lastOfType("reaction")).toMatchObject({ reaction: { message_id: messages[0].id, emoji: "👍" } })
    await business.getByTestId("reaction").waitFor()

    await business.getByTestId("tool-reply").click()
    await phone.getByTestId("replying-to").waitFor()
    await phone.getByTestId("opt-forwarded").check()
    await phone.getByTestId("opt-ad").check()
    await phone.getByTestId("opt-ad-headline").fill("Summer sale")
    await phone.getByTestId("composer-input").fill("la quiero")
    await phone.getByTestId("composer-send").click()
    const reply = await waitFor(async () => received.find((m) => m?.text?.body === "la quiero"), { what: "the reply" })
    expect(reply.context).toEqual({ from: "15550400000", id: messages[0].id, forwarded: true })
    expect(reply.referral).toMatchObject({ source_type: "ad", headline: "Summer sale", ctwa_clid: expect.any(String) })
    const shown = bubble("customer", "la quiero")
    await shown.getByTestId("quote").waitFor()
    expect(await shown.getByTestId("quote").textContent()).toContain("Tenemos talla M")
    await shown.getByTestId("forwarded").waitFor()
    expect(await shown.getByTestId("from-ad").textContent()).toBe("From ad: Summer sale")
  })
})
