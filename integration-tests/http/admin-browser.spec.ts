import fs from "node:fs"
import path from "node:path"
import { Browser, Page } from "playwright-core"
import { launchChromium, requireChromium } from "../helpers/browser"
import { fillCheckoutAddress, pressPay } from "../helpers/checkout-browser"
import { DemoPorts, demoPorts, startDemo, stopDemo } from "../helpers/demo-process"

/**
 * The admin in Chromium against `npm run demo`: log in, add a number and see
 * its connection check, watch a product question and a cart arrive in the
 * inbox, reply and send products, switch a product's search off, edit a
 * variant's content ID, and find sync errors on the catalog page.
 * Screenshots go to test-artifacts/admin-*.png.
 */
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts")
const ports: DemoPorts = demoPorts()
const admin = `http://localhost:${ports.port}`
const sandbox = `http://127.0.0.1:${ports.sandboxPort}`
const CUSTOMER = "34699111222"

async function json(url: string, init: RequestInit = {}) {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...(init.headers ?? {}) } })
  const body = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${url} → ${res.status}: ${JSON.stringify(body).slice(0, 300)}`)
  return body
}

async function until<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

describe("the admin in a browser", () => {
  let demo: ReturnType<typeof startDemo>
  let browser: Browser
  let page: Page
  let headers: Record<string, string>
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `admin-${name}.png`), fullPage: true })

  beforeAll(async () => {
    // Fail now, not after the demo's minutes of start-up, when there is no browser.
    requireChromium()
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    demo = startDemo(ports)
    await demo.ready
    const { token } = await json(`${admin}/auth/user/emailpass`, {
      method: "POST",
      body: JSON.stringify({ email: "admin@example.com", password: "supersecret" }),
    })
    headers = { authorization: `Bearer ${token}` }
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1440, height: 960 } })
    page.setDefaultTimeout(60_000)
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    if (demo) await stopDemo(demo.child)
    fs.rmSync(ports.stateDir, { recursive: true, force: true })
  })

  it("logs in to the production build, every asset served and Medusa's own fonts loaded", async () => {
    const refused: string[] = []
    page.on("response", (r) => {
      if (r.status() >= 400 && new URL(r.url()).pathname.startsWith("/app")) refused.push(`${r.status()} ${r.url()}`)
    })
    // The demo serves the admin built by `medusa build`: nothing is compiled on the first visit.
    await page.goto(`${admin}/app/login`)
    await page.fill('input[name="email"]', "admin@example.com")
    await page.fill('input[name="password"]', "supersecret")
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => !url.pathname.includes("/login"))
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready
      return [...document.fonts].filter((f) => f.family.replace(/"/g, "") === "Inter").map((f) => f.status)
    })
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts).not.toContain("error")
    expect(fonts).toContain("loaded")
    expect(refused).toEqual([])
    await shot("01-logged-in")
  }, 300_000)

  it("shows the demo number's connection check all green, its webhook subscription included", async () => {
    const { accounts } = await json(`${admin}/admin/whatsapp/accounts`, { headers })
    await page.goto(`${admin}/app/settings/whatsapp/${accounts[0].id}`)
    const line = (key: string) => page.locator(`[data-testid="health-line"][data-key="${key}"]`)
    await line("webhook_subscription").waitFor()
    expect(await line("webhook_subscription").getAttribute("data-ok")).toBe("true")
    expect(await page.locator('[data-testid="health-line"][data-ok="false"]').count()).toBe(0)
  }, 120_000)

  it("adds a number and shows its connection check, with Meta's error on a red line", async () => {
    await json(`${sandbox}/__sandbox/accounts`, {
      method: "POST",
      body: JSON.stringify({ waba_id: "100000000000021", phone_number_id: "100000000000022", access_token: "second-number-token", display_phone_number: "+34 600 000 222", verified_name: "Demo Moda Norte" }),
    })
    await page.goto(`${admin}/app/settings/whatsapp`)
    // Medusa's DataTable renders the rows; a row is found by what its cells mark.
    await page.locator('tr:has([data-testid="account-name"])').first().waitFor()
    await page.getByTestId("webhook-url").waitFor()
    expect(await page.getByTestId("webhook-url").textContent()).toBe(`${admin}/whatsapp/webhook`)
    await page.getByTestId("account-add").click()
    await page.fill("#account-name", "Demo Moda Norte")
    await page.fill("#account-waba_id", "100000000000021")
    await page.fill("#account-phone_number_id", "100000000000022")
    await page.fill("#account-access_token", "second-number-token")
    await page.getByTestId("account-save").click()
    await page.waitForURL(/\/settings\/whatsapp\/waacc_/)
    const line = (key: string) => page.locator(`[data-testid="health-line"][data-key="${key}"]`)
    await line("phone_number").waitFor()
    expect(await page.getByTestId("health-line").count()).toBe(6)
    expect(await line("phone_number").getAttribute("data-ok")).toBe("true")
    expect(await line("phone_number").textContent()).toContain("Demo Moda Norte")
    expect(await line("webhook_subscription").getAttribute("data-ok")).toBe("false")
    await page.getByTestId("health-subscribe").click()
    await until(async () => (await line("webhook_subscription").getAttribute("data-ok")) === "true", "the subscription line to turn green")
    await shot("02-health-check")

    // A revoked token: every line turns red and says what Meta answered.
    await page.getByTestId("account-edit").click()
    await page.fill("#account-access_token", "revoked-token-000")
    await page.getByTestId("account-save").click()
    await page.getByRole("button", { name: "Check again" }).click()
    await until(async () => (await line("phone_number").getAttribute("data-ok")) === "false", "the phone number line to turn red")
    expect(await line("phone_number").getByTestId("health-error").textContent()).toContain("Invalid OAuth access token")
    await shot("03-health-check-error")
  }, 180_000)

  it("shows a product question and a cart arriving in the inbox, replies and sends products", async () => {
    const catalog = await json(`${sandbox}/__sandbox/catalog?id=100000000000003`)
    const [asked, second] = catalog.items.filter((i: any) => i.availability === "in stock")
    await page.goto(`${admin}/app/whatsapp`)
    await json(`${sandbox}/__sandbox/inbound`, {
      method: "POST",
      body: JSON.stringify({ from: CUSTOMER, name: "Carmen", text: "¿La tenéis en talla L?", referred_retailer_id: asked.id }),
    })
    await json(`${sandbox}/__sandbox/inbound`, {
      method: "POST",
      body: JSON.stringify({
        from: CUSTOMER,
        name: "Carmen",
        type: "order",
        product_items: [
          { product_retailer_id: asked.id, quantity: 2, item_price: 1, currency: "EUR" },
          { product_retailer_id: second.id, quantity: 1, item_price: 1, currency: "EUR" },
        ],
      }),
    })
    // The list polls: the conversation shows up without a reload.
    const row = page.locator('[data-testid="conversation-row"]', { hasText: "Carmen" })
    await row.waitFor({ timeout: 30_000 })
    await row.click()
    await page.getByTestId("product-card").first().waitFor()
    await page.getByTestId("cart-card").first().waitFor()
    // The plugin's own arbitrary Tailwind classes reach the built stylesheet (no inline styles needed).
    const split = await page.getByTestId("inbox-split").evaluate((el) => getComputedStyle(el).gridTemplateColumns)
    expect(split.split(" ")[0]).toBe("320px")
    await shot("04-inbox-question-and-cart")

    // The cart's customer was created from WhatsApp; the admin links a customer by email by hand, which records who, then unlinks.
    const customerLink = page.getByTestId("customer-link")
    await page.locator('[data-testid="customer-link"][data-method="whatsapp_created"]').waitFor()
    await json(`${admin}/admin/customers`, { method: "POST", headers, body: JSON.stringify({ email: "carmen@example.com", first_name: "Carmen" }) })
    await customerLink.getByRole("textbox").fill("carmen@example.com")
    await customerLink.getByRole("button", { name: "Link", exact: true }).click()
    await page.locator('[data-testid="customer-link"][data-method="linked_by_admin"]').waitFor()
    const conversationId = await page.getByTestId("thread").getAttribute("data-conversation-id")
    const { conversation } = await json(`${admin}/admin/whatsapp/conversations/${conversationId}`, { headers })
    const { user } = await json(`${admin}/admin/users/me`, { headers })
    expect(conversation).toMatchObject({ customer_link_method: "linked_by_admin", customer_linked_by: user.id })
    await shot("04b-inbox-customer-linked")
    await customerLink.getByRole("button", { name: "Unlink" }).click()
    await page.locator('[data-testid="customer-link"][data-method="none"]').waitFor()

    await page.getByTestId("reply-input").fill("¡Sí! Te la guardamos en talla L.")
    await page.getByTestId("reply-send").click()
    await until(
      async () => (await json(`${sandbox}/__sandbox/messages?to=${CUSTOMER}`)).messages.find((m: any) => m.body.text?.body === "¡Sí! Te la guardamos en talla L."),
      "the reply at the fake Graph API"
    )
    await page.locator('[data-testid="message"][data-direction="outbound"]', { hasText: "Te la guardamos" }).waitFor()

    const before = (await json(`${sandbox}/__sandbox/messages?to=${CUSTOMER}`)).messages.length
    await page.getByTestId("send-products").click()
    await page.getByRole("dialog").getByRole("textbox").first().fill("Camiseta")
    await page.getByTestId("product-option").first().click()
    await shot("05-send-products")
    await page.getByTestId("send-products-confirm").click()
    const sent = await until(async () => {
      const all = (await json(`${sandbox}/__sandbox/messages?to=${CUSTOMER}`)).messages
      return all.slice(before).find((m: any) => m.type === "interactive" && ["product", "product_list"].includes(m.body.interactive.type))
    }, "the products at the fake Graph API")
    expect(sent.body.interactive.action).toBeTruthy()
    await page.getByTestId("send-products-modal").waitFor({ state: "hidden" })
    await page.locator('[data-testid="message"][data-direction="outbound"][data-type="interactive"]').last().waitFor()
    await shot("06-inbox-after-sending")
  }, 180_000)

  it("shows a username customer by username, says the phone is unknown, and finds them by their BSUID", async () => {
    const { payload } = await json(`${sandbox}/__sandbox/inbound`, {
      method: "POST",
      body: JSON.stringify({ from: "34699900077", name: "Iris", username: "iris.shop", hide_phone: true, text: "buenas" }),
    })
    const bsuid = payload.entry[0].changes[0].value.messages[0].from_user_id
    await page.goto(`${admin}/app/whatsapp`)
    const row = page.locator('[data-testid="conversation-row"]', { hasText: "Iris" })
    await row.waitFor({ timeout: 30_000 })
    await row.click()
    const contact = page.getByTestId("thread-contact")
    await until(async () => /@iris\.shop · phone unknown/.test((await contact.textContent()) ?? ""), "the username and the unknown phone in the thread header")
    expect(await contact.textContent()).toContain(bsuid)
    await shot("04c-inbox-username-customer")
    const { conversations } = await json(`${admin}/admin/whatsapp/conversations?q=${encodeURIComponent(bsuid)}`, { headers })
    expect(conversations.map((c: any) => c.username)).toEqual(["@iris.shop"])
  }, 120_000)

  it("shows a customer's photo, voice note and document in the inbox, says why a file is unavailable, and sends a document", async () => {
    // A 1×1 PNG and a PDF header: enough for the browser to decode and the sandbox to compare.
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082", "hex")
    const pdf = Buffer.from("%PDF-1.4\n%%EOF\n")
    const customerSends = (media: Record<string, unknown>) =>
      json(`${sandbox}/__sandbox/inbound`, { method: "POST", body: JSON.stringify({ from: CUSTOMER, name: "Carmen", media }) })
    await customerSends({ type: "image", base64: png.toString("base64"), mime_type: "image/png", caption: "¿Y en este color?" })
    await customerSends({ type: "audio", base64: Buffer.from("OggS voice note").toString("base64"), mime_type: "audio/ogg; codecs=opus", voice: true })
    await customerSends({ type: "document", base64: pdf.toString("base64"), mime_type: "application/pdf", filename: "medidas.pdf" })
    await customerSends({ type: "image", base64: png.toString("base64"), mime_type: "image/gif" })

    await page.goto(`${admin}/app/whatsapp`)
    await page.locator('[data-testid="conversation-row"]', { hasText: "Carmen" }).click()
    // Served by the admin's own media route with the session cookie, and decoded by the browser.
    await page.waitForFunction(() => {
      const img = document.querySelector('[data-testid="media-image"]') as HTMLImageElement | null
      return !!img && img.complete && img.naturalWidth === 1
    })
    await page.getByTestId("media-audio").waitFor()
    await page.getByTestId("media-document").filter({ hasText: "medidas.pdf" }).waitFor()
    await page.getByTestId("media-unavailable").filter({ hasText: "image/gif is not supported for image" }).waitFor()
    await shot("06b-inbox-media")

    await page.getByTestId("reply-input").fill("Aquí tienes la guía de tallas")
    await page.setInputFiles('[data-testid="reply-attach-input"]', { name: "guia-tallas.pdf", mimeType: "application/pdf", buffer: pdf })
    const sent = await until(
      async () => (await json(`${sandbox}/__sandbox/messages?to=${CUSTOMER}`)).messages.find((m: any) => m.type === "document"),
      "the document at the fake Graph API"
    )
    expect(sent.body.document).toMatchObject({ id: expect.any(String), filename: "guia-tallas.pdf", caption: "Aquí tienes la guía de tallas" })
    await page.locator('[data-testid="message"][data-direction="outbound"][data-type="document"] [data-testid="media-document"]').waitFor()
    expect(await page.getByTestId("reply-input").inputValue()).toBe("")
  }, 180_000)

  it("shows the ad a chat came from, edits, deletions, reactions and replies in the inbox, and carts by ad in the stats", async () => {
    const DIEGO = "34699111333"
    const inbound = (body: Record<string, unknown>) =>
      json(`${sandbox}/__sandbox/inbound`, { method: "POST", body: JSON.stringify({ from: DIEGO, name: "Diego", ...body }) })
    await inbound({ text: "Vi vuestro anuncio", referral: { source_id: "120226305854810777", headline: "Rebajas de verano" } })
    const typo = await inbound({ text: "talla S" })
    await inbound({ type: "edit", original_wamid: typo.wamid, text: "talla M" })
    const secret = await inbound({ text: "mi dirección es Calle Secreta 1" })
    await inbound({ type: "revoke", original_wamid: secret.wamid })
    // The demo answers texts; the customer reacts to its first answer and quotes it.
    const answer = await until(async () => {
      const { messages } = await json(`${sandbox}/__sandbox/conversation?phone=${DIEGO}`)
      return messages.find((m: any) => m.direction === "business")
    }, "the demo's answer")
    await inbound({ type: "reaction", message_id: answer.wamid, emoji: "👍" })
    await inbound({ text: "¿y en azul?", reply_to: answer.wamid, forwarded: true })

    await page.goto(`${admin}/app/whatsapp`)
    await page.locator('[data-testid="conversation-row"]', { hasText: "Diego" }).click()
    await until(async () => (await page.getByTestId("thread-ad-badge").textContent())?.includes("Rebajas de verano"), "the ad badge")
    await page.locator('[data-testid="message"][data-direction="inbound"]', { hasText: "talla M" }).getByTestId("message-edited").waitFor()
    await page.getByTestId("message-revoked").waitFor()
    // The customer's deleted message shows no text (the demo's earlier answer may still quote it: it was sent before).
    expect(await page.locator('[data-testid="message"][data-direction="inbound"]', { hasText: "Calle Secreta" }).count()).toBe(0)
    await page.getByTestId("message-reaction").first().waitFor()
    const quoting = page.locator('[data-testid="message"]', { hasText: "¿y en azul?" })
    await quoting.getByTestId("message-quote").waitFor()
    await quoting.getByTestId("message-forwarded").waitFor()
    await shot("06b-inbox-lifecycle-and-ad")

    // A cart from this chat counts for the ad.
    const catalog = await json(`${sandbox}/__sandbox/catalog?id=100000000000003`)
    const item = catalog.items.find((i: any) => i.availability === "in stock")
    await inbound({ type: "order", product_items: [{ product_retailer_id: item.id, quantity: 1, item_price: 1, currency: "EUR" }] })
    await until(async () => (await json(`${admin}/admin/whatsapp/stats`, { headers })).by_ad.find((a: any) => a.carts === 1), "the ad's cart in the stats API")
    await page.goto(`${admin}/app/whatsapp/stats`)
    await page.locator('[data-testid="stats-ad"]', { hasText: "Rebajas de verano" }).first().waitFor()
    await shot("06c-stats-by-ad")
  }, 180_000)

  it("works the team inbox: unassigned → mine, an internal note, a canned reply filled in the composer, closed and reopened live", async () => {
    const ELENA = "34699900077"
    await json(`${admin}/admin/whatsapp/canned-replies`, {
      method: "POST",
      headers,
      body: JSON.stringify({ title: "Saludo", text: "Hola {{customer_first_name}}, soy {{agent_name}}." }),
    })
    const elenaWrites = (text: string) => json(`${sandbox}/__sandbox/inbound`, { method: "POST", body: JSON.stringify({ from: ELENA, name: "Elena Ruiz", text }) })
    await elenaWrites("Buenas, ¿hacéis envíos a Canarias?")
    await page.goto(`${admin}/app/whatsapp`)
    const row = page.locator('[data-testid="conversation-row"]', { hasText: "Elena Ruiz" })
    await page.getByTestId("view-none").click()
    await row.waitFor()
    await row.click()

    await page.getByTestId("assignee-select").click()
    await page.getByRole("option", { name: "Demo Admin" }).click()
    // Assigned: it leaves "Unassigned" without a reload (the changed-since poll files it again) and is in "Mine".
    await row.waitFor({ state: "detached" })
    await page.getByTestId("view-me").click()
    await row.waitFor()

    await page.getByTestId("notes-panel").getByRole("button", { name: /Internal notes/ }).click()
    await page.getByTestId("note-input").fill("Pregunta por Canarias: confirmar tarifa con logística")
    await page.getByTestId("note-add").click()
    await page.getByTestId("note").filter({ hasText: "confirmar tarifa" }).waitFor()

    await page.getByTestId("canned-reply-select").click()
    await page.getByRole("option", { name: "Saludo" }).click()
    await until(async () => (await page.getByTestId("reply-input").inputValue()) === "Hola Elena, soy Demo.", "the canned reply in the composer")
    await shot("06d-team-inbox")

    await page.getByTestId("status-toggle").click()
    await row.waitFor({ state: "detached" }) // the list shows open conversations
    await elenaWrites("¿Me decís algo?")
    await row.waitFor() // reopened by the customer's message, and back in the list by the poll
    const conversationId = await row.getAttribute("data-conversation-id")
    const { conversation } = await json(`${admin}/admin/whatsapp/conversations/${conversationId}`, { headers })
    expect(conversation).toMatchObject({ status: "open", assigned_to_id: expect.stringMatching(/^user_/) })
    const { notes } = await json(`${admin}/admin/whatsapp/conversations/${conversationId}/notes`, { headers })
    expect(notes.map((n: any) => n.text)).toEqual(["Pregunta por Canarias: confirmar tarifa con logística"])
    // The note never went to the customer.
    const { messages } = await json(`${sandbox}/__sandbox/messages?to=${ELENA}`)
    expect(JSON.stringify(messages)).not.toContain("confirmar tarifa")
  }, 180_000)

  it("flags a customer who asks for a person, resumes the automatic replies, and edits FAQ answers tried out in the concierge page", async () => {
    await json(`${sandbox}/__sandbox/inbound`, { method: "POST", body: JSON.stringify({ from: "34699900088", name: "Rosa", text: "Quiero hablar con una persona" }) })
    await page.goto(`${admin}/app/whatsapp`)
    await page.getByTestId("filter-handoff").click()
    const row = page.locator('[data-testid="conversation-row"]', { hasText: "Rosa" })
    await row.locator('[data-testid="handoff-badge"]').waitFor({ timeout: 30_000 })
    // The filter shows only conversations waiting for a person (earlier tests' customers may be among them).
    await until(
      async () => (await page.getByTestId("conversation-row").count()) === (await page.locator('[data-testid="conversation-row"] [data-testid="handoff-badge"]').count()),
      "only handed-off conversations in the filtered inbox"
    )
    await row.click()
    const banner = page.getByTestId("handoff-banner")
    await banner.waitFor()
    expect(await banner.textContent()).toContain("the customer asked for a person")
    await page.locator('[data-testid="message"][data-direction="outbound"]', { hasText: "una persona te responderá" }).waitFor()
    await shot("04d-inbox-needs-a-person")
    const conversationId = await page.getByTestId("thread").getAttribute("data-conversation-id")
    await page.getByTestId("resume-auto-replies").click()
    await banner.waitFor({ state: "hidden" })
    const { conversation } = await json(`${admin}/admin/whatsapp/conversations/${conversationId}`, { headers })
    expect(conversation.handoff_at).toBeNull()

    await page.goto(`${admin}/app/whatsapp/concierge`)
    await page.getByTestId("faq-shipping-en").fill("Free shipping over €50; delivery in 1-2 days.")
    await page.getByTestId("faq-save").click()
    const { accounts } = await json(`${admin}/admin/whatsapp/accounts`, { headers })
    await until(async () => (await json(`${admin}/admin/whatsapp/accounts/${accounts[0].id}/faq`, { headers })).faq_answers.some((a: any) => a.topic === "shipping" && a.language === "en"), "the saved FAQ answer")
    await page.getByTestId("try-out-input").fill("How much is shipping to Canada?")
    await page.getByTestId("try-out-submit").click()
    const result = page.getByTestId("try-out-result")
    await result.waitFor()
    expect(await page.getByTestId("try-out-language").textContent()).toContain("English")
    expect(await result.textContent()).toContain("Free shipping over €50; delivery in 1-2 days.")
    await page.getByTestId("try-out-input").fill("hola, busco una camiseta")
    await page.getByTestId("try-out-submit").click()
    await page.getByTestId("try-out-matches").waitFor()
    expect(await page.getByTestId("try-out-query").textContent()).toContain("busco una camiseta")
    await shot("04e-concierge-try-out")
  }, 120_000)

  it("switches a product's search off from its page and edits a variant's content ID", async () => {
    const { products } = await json(`${admin}/admin/products?q=Camiseta&fields=id,title,variants.id&limit=1`, { headers })
    const product = products[0]
    await page.goto(`${admin}/app/products/${product.id}`)
    const searchable = page.getByTestId("product-searchable-switch")
    await searchable.waitFor()
    expect(await searchable.getAttribute("aria-checked")).toBe("true")
    await searchable.click()
    await until(async () => (await json(`${admin}/admin/whatsapp/products/${product.id}/settings`, { headers })).settings.searchable === false, "searchable off")
    await page.locator('tr:has([data-testid="product-variant-sync-status"])').first().waitFor()
    await shot("07-product-widget")

    const variantId = product.variants[0].id
    await page.goto(`${admin}/app/products/${product.id}/variants/${variantId}`)
    await page.getByTestId("variant-retailer-input").first().fill("CAMISETA-WA-0001")
    await page.getByTestId("variant-retailer-save").first().click()
    await until(async () => {
      const { items } = await json(`${admin}/admin/whatsapp/catalog/items?variant_id=${variantId}`, { headers })
      return items.find((i: any) => i.retailer_id === "CAMISETA-WA-0001")
    }, "the new content ID")
    await shot("08-variant-widget")
  }, 120_000)

  it("shows sync errors on the catalog page", async () => {
    // A product without images cannot be listed: Meta needs an image.
    const { products } = await json(`${admin}/admin/products?q=Sudadera&fields=id,variants.id&limit=1`, { headers })
    await json(`${admin}/admin/products/${products[0].id}`, { method: "POST", headers, body: JSON.stringify({ images: [], thumbnail: null }) })
    // Each variant also shows its colour's image (its own thumbnail): take those away too.
    for (const variant of products[0].variants) {
      await json(`${admin}/admin/products/${products[0].id}/variants/${variant.id}`, { method: "POST", headers, body: JSON.stringify({ thumbnail: null }) })
    }
    await page.goto(`${admin}/app/whatsapp/catalog`)
    await page.getByTestId("catalog-sync-now").first().click()
    await until(async () => (await page.getByTestId("catalog-last-run").first().getAttribute("data-status")) === "completed", "the sync run", 60_000)
    await page.locator('[data-testid="catalog-status-count"][data-status="invalid"]').click()
    const errorRow = page.locator('tr:has([data-testid="catalog-item"][data-status="invalid"])').first()
    await errorRow.waitFor()
    expect(await errorRow.getByTestId("catalog-item-error").first().textContent()).toContain("no image")
    await shot("09-catalog-errors")
  }, 120_000)

  it("shows the WhatsApp cart on its order, marks a manual payment paid, and counts it in the stats", async () => {
    // Carmen pays her cart on the hosted page with the manual method (transfer / cash on delivery).
    const link = (await json(`${sandbox}/__sandbox/messages?to=${CUSTOMER}`)).messages.find(
      (m: any) => m.body.interactive?.type === "cta_url" && /whatsapp\/checkout/.test(m.body.interactive.action.parameters.url)
    ).body.interactive.action.parameters.url as string
    const shopper = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await shopper.goto(link)
    await fillCheckoutAddress(shopper, { email: "carmen@example.com", first_name: "Carmen", last_name: "Vidal", address_1: "Calle Mayor 1", postal_code: "28013", city: "Madrid" })
    await shopper.getByLabel(/Envío estándar/).check()
    await shopper.check('input[value="pp_system_default"]')
    expect(await shopper.getByLabel(/Envío estándar/).isChecked()).toBe(true)
    await pressPay(shopper)
    await shopper.getByText(/#\d+/).first().waitFor({ timeout: 15_000 }).catch(async (error) => {
      await shopper.screenshot({ path: path.join(ARTIFACTS, "admin-10a-manual-order-failed.png"), fullPage: true })
      throw error
    })
    await shopper.screenshot({ path: path.join(ARTIFACTS, "admin-10a-manual-order-placed.png"), fullPage: true })
    await shopper.close()
    const cart = await until(async () => {
      const { carts } = await json(`${admin}/admin/whatsapp/carts?status=ordered`, { headers })
      return carts.find((c: any) => c.order_id)
    }, "the order from the WhatsApp cart")

    await page.goto(`${admin}/app/orders/${cart.order_id}`)
    const widget = page.getByTestId("order-whatsapp")
    await widget.waitFor()
    expect(await widget.getAttribute("data-cart-status")).toBe("ordered")
    await page.getByTestId("order-whatsapp-conversation-link").waitFor()
    // The cart was priced before delivery: the widget shows the order's total and why it differs.
    expect(await widget.getByTestId("order-total-note").getAttribute("data-reason")).toBe("delivery")
    await shot("10-order-widget")
    await page.getByTestId("order-mark-paid").click()
    await until(async () => (await widget.getAttribute("data-cart-status")) === "paid", "the cart paid in the widget")
    const { carts } = await json(`${admin}/admin/whatsapp/carts?order_id=${cart.order_id}`, { headers })
    expect(carts).toEqual([expect.objectContaining({ id: cart.id, status: "paid" })])

    await page.goto(`${admin}/app/whatsapp/stats`)
    const paid = page.locator('[data-testid="stats-figure"][data-key="paid"]')
    await paid.waitFor()
    await until(async () => (await paid.textContent())?.includes("1"), "one paid cart in the stats")
    await page.locator('tr:has([data-testid="stats-revenue-currency"])').first().waitFor()
    await shot("11-stats")
  }, 180_000)
})
