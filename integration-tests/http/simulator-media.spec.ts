import fs from "node:fs"
import path from "node:path"
import type { Browser, Page } from "playwright-core"
import { GraphApiClient } from "../../src/lib/graph-api/client"
import { launchChromium } from "../helpers/browser"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createSandbox } = require(path.resolve(__dirname, "../../sandbox/graph-api.js"))

/**
 * The phone simulator in Chromium, with the sandbox alone (no store): a
 * customer sends a photo from a file input, and sees the business's document
 * and image arrive. What the phone sends is what Meta's webhook would carry.
 */
const ACCOUNT = { waba_id: "330000000000001", phone_number_id: "330000000000002", access_token: "sim-media-token" }
const CUSTOMER = "34600333444"
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex"
)
const PDF = Buffer.from("%PDF-1.4\n%%EOF\n")
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts")

describe("the phone simulator with media", () => {
  const sandbox = createSandbox({ accounts: [ACCOUNT], sendStatuses: false })
  let url: string
  let browser: Browser
  let phone: Page

  beforeAll(async () => {
    url = await sandbox.listen(0)
    browser = await launchChromium()
    phone = await browser.newPage({ viewport: { width: 412, height: 860 } })
    phone.setDefaultTimeout(30_000)
    await phone.goto(`${url}/simulator?phone=${CUSTOMER}&name=Ana`)
  })
  afterAll(async () => {
    await browser?.close()
    await sandbox.close()
  })

  it("sends a photo with the typed text as its caption, and shows it", async () => {
    await phone.fill('[data-testid="composer-input"]', "¿Tenéis esta en azul?")
    await phone.setInputFiles('[data-testid="composer-file"]', { name: "camiseta.png", mimeType: "image/png", buffer: PNG })
    const image = phone.locator('[data-testid="bubble"][data-direction="customer"] [data-testid="media-image"]')
    await image.waitFor()
    await phone.waitForFunction(() => {
      const img = document.querySelector('[data-testid="bubble"][data-direction="customer"] [data-testid="media-image"]') as HTMLImageElement | null
      return !!img && img.complete && img.naturalWidth === 1
    })

    const [received] = [...sandbox.state.inbound.values()]
    const message = received.payload.entry[0].changes[0].value.messages[0]
    expect(message).toMatchObject({ from: CUSTOMER, type: "image", image: { mime_type: "image/png", caption: "¿Tenéis esta en azul?", id: expect.any(String) } })
    expect(sandbox.state.media.get(message.image.id).bytes.equals(PNG)).toBe(true)
  })

  it("shows the business's document by name and its image", async () => {
    const client = new GraphApiClient({ baseUrl: url, version: "v21.0", accessToken: ACCOUNT.access_token })
    const pdf = await client.uploadMedia(ACCOUNT.phone_number_id, { bytes: PDF, mimeType: "application/pdf", filename: "factura.pdf" })
    const png = await client.uploadMedia(ACCOUNT.phone_number_id, { bytes: PNG, mimeType: "image/png", filename: "azul.png" })
    await client.sendMessage(ACCOUNT.phone_number_id, CUSTOMER, { type: "document", document: { id: pdf.id, filename: "factura.pdf", caption: "Tu factura" } })
    await client.sendMessage(ACCOUNT.phone_number_id, CUSTOMER, { type: "image", image: { id: png.id, caption: "En azul" } })

    const doc = phone.locator('[data-testid="bubble"][data-direction="business"] [data-testid="media-document"]')
    await doc.waitFor()
    expect(await doc.textContent()).toContain("factura.pdf")
    const href = await doc.getAttribute("href")
    const bytes = Buffer.from(await (await fetch(new URL(href!, url))).arrayBuffer())
    expect(bytes.equals(PDF)).toBe(true)
    await phone.locator('[data-testid="bubble"][data-direction="business"] [data-testid="media-image"]').waitFor()
    expect(await phone.locator('[data-testid="bubble"][data-direction="business"]').last().textContent()).toContain("En azul")
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    await phone.screenshot({ path: path.join(ARTIFACTS, "simulator-media.png") })
  })
})
