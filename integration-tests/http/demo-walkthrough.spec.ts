import fs from "node:fs"
import path from "node:path"
import { Browser, Page } from "playwright-core"
import { launchChromium, requireChromium } from "../helpers/browser"
import { fillCheckoutAddress, pressPay } from "../helpers/checkout-browser"
import { DemoPorts, demoPorts, startDemo, stopDemo } from "../helpers/demo-process"

/**
 * The whole purchase with no Meta account, as the README walks through it:
 * `npm run demo`, the phone simulator, the hosted checkout, the fake Stripe
 * page and the admin. Screenshots go to test-artifacts/walkthrough-*.png,
 * and to docs/walkthrough/ when WALKTHROUGH_SCREENSHOTS=1 (the README's images).
 */
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts")
const DOCS = path.resolve(__dirname, "../../docs/walkthrough")
const ports: DemoPorts = demoPorts()
const store = `http://localhost:${ports.port}`
const PHONE = "34611222333"

describe("the demo, end to end", () => {
  let demo: ReturnType<typeof startDemo>
  let browser: Browser
  let phone: Page
  const shot = async (page: Page, name: string) => {
    const file = path.join(ARTIFACTS, `walkthrough-${name}.png`)
    await page.screenshot({ path: file })
    if (process.env.WALKTHROUGH_SCREENSHOTS) fs.copyFileSync(file, path.join(DOCS, `${name}.png`))
  }
  const bubbles = (direction: "customer" | "business", kind?: string) =>
    phone.locator(`[data-testid="bubble"][data-direction="${direction}"]${kind ? `[data-kind="${kind}"]` : ""}`)
  /** Waits for a new business bubble (of a kind) after `before` of them were on screen. */
  const nextFromBusiness = async (before: number, kind?: string) => {
    await bubbles("business", kind).nth(before).waitFor({ timeout: 30_000 })
    return bubbles("business", kind).nth(before)
  }

  beforeAll(async () => {
    // Fail now, not after the demo's minutes of start-up, when there is no browser.
    requireChromium()
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    fs.mkdirSync(DOCS, { recursive: true })
    demo = startDemo(ports)
    await demo.ready
    expect(demo.output()).toContain(`Phone:      http://127.0.0.1:${ports.sandboxPort}/simulator`)
    browser = await launchChromium()
    phone = await browser.newPage({ viewport: { width: 412, height: 860 }, deviceScaleFactor: 2, locale: "es-ES" })
    phone.setDefaultTimeout(30_000)
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    if (demo) await stopDemo(demo.child)
    fs.rmSync(ports.stateDir, { recursive: true, force: true })
  })

  it("answers a product question from the catalog", async () => {
    await phone.goto(`http://127.0.0.1:${ports.sandboxPort}/simulator?phone=${PHONE}&name=Lucía`)
    await phone.getByTestId("catalog-button").click()
    await phone.getByTestId("catalog-product").first().waitFor()
    await shot(phone, "1-catalog-in-the-phone")
    await phone.getByTestId("catalog-product").first().click()
    await phone.getByTestId("product-page").waitFor()
    await phone.getByTestId("message-business").click()
    await phone.getByTestId("inquiry-input").fill("¿La tenéis en talla M?")
    await phone.getByTestId("inquiry-send").click()
    await bubbles("customer").first().waitFor()
    const reply = await nextFromBusiness(0)
    expect(await reply.textContent()).toMatch(/€|stock|disponible/i)
  }, 120_000)

  it("finds products when the customer types what they want", async () => {
    await phone.getByTestId("composer-input").fill("camisetas")
    await phone.getByTestId("composer-send").click()
    const list = await nextFromBusiness(0, "product_list")
    expect(await list.textContent()).toMatch(/camisetas/i)
    await list.getByTestId("product-list").click()
    await phone.getByTestId("product-list-sheet").waitFor()
    expect(await phone.getByTestId("product-list-item").count()).toBeGreaterThan(1)
    await shot(phone, "2-search-results")
    await phone.getByTestId("sheet-close").click()
  }, 60_000)

  it("sends a cart with two variants and gets a summary with a checkout link", async () => {
    await phone.getByTestId("catalog-button").click()
    await phone.getByTestId("catalog-product").first().click()
    const variants = phone.locator('[data-testid="variant-option"]:not([disabled])')
    await variants.nth(0).click()
    await phone.getByTestId("add-to-cart").click()
    await variants.nth(1).click()
    await phone.getByTestId("quantity-input").fill("2")
    await phone.getByTestId("add-to-cart").click()
    await phone.getByTestId("cart-button").click()
    await phone.getByTestId("cart-view").waitFor()
    await phone.getByTestId("send-cart").click()
    await bubbles("customer", "order").first().waitFor()
    const summary = await nextFromBusiness(0, "cta_url")
    expect(await summary.textContent()).toMatch(/Total/)
    await shot(phone, "3-cart-sent")
  }, 60_000)

  it("pays on the fake Stripe page and the confirmation reaches the phone", async () => {
    const link = await bubbles("business", "cta_url").first().getByTestId("cta-button").getAttribute("href")
    const checkout = await browser.newPage({ viewport: { width: 412, height: 860 }, deviceScaleFactor: 2, locale: "es-ES" })
    await checkout.goto(link!)
    await fillCheckoutAddress(checkout, { email: "lucia@example.com", first_name: "Lucía", last_name: "Pérez", address_1: "Calle Mayor 5", postal_code: "28013", city: "Madrid" })
    await checkout.getByLabel(/Envío estándar/).check()
    await checkout.check('input[value="pp_stripe-checkout_stripe-checkout"]')
    await shot(checkout, "4-checkout")
    await pressPay(checkout)
    await checkout.waitForURL(/\/stripe\/pay\/cs_test_/)
    await checkout.getByRole("button", { name: "Pay", exact: true }).click()
    await checkout.getByText(/Tu pedido #\d+ está confirmado/).waitFor()
    await checkout.close()

    const confirmation = phone.locator('[data-testid="bubble"][data-direction="business"]', { hasText: /Pago recibido|confirmado/ })
    await confirmation.first().waitFor({ timeout: 30_000 })
    await confirmation.first().scrollIntoViewIfNeeded()
    await shot(phone, "5-confirmation-in-the-phone")
  }, 120_000)

  it("shows the order with its conversation in the admin, and the chat in the inbox", async () => {
    const admin = await browser.newPage({ viewport: { width: 1440, height: 960 } })
    admin.setDefaultTimeout(60_000)
    await admin.goto(`${store}/app/login`, { timeout: 180_000 })
    await admin.fill('input[name="email"]', "admin@example.com")
    await admin.fill('input[name="password"]', "supersecret")
    await admin.click('button[type="submit"]')
    await admin.waitForURL((url) => !url.pathname.includes("/login"), { timeout: 120_000 })

    const { token } = await (
      await fetch(`${store}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "admin@example.com", password: "supersecret" }) })
    ).json()
    const { carts } = await (await fetch(`${store}/admin/whatsapp/carts?status=paid`, { headers: { authorization: `Bearer ${token}` } })).json()
    const cart = carts.find((c: any) => c.order_id)
    expect(cart).toBeTruthy()

    await admin.goto(`${store}/app/orders/${cart.order_id}`)
    const widget = admin.getByTestId("order-whatsapp")
    await widget.waitFor()
    expect(await widget.getAttribute("data-cart-status")).toBe("paid")
    await admin.getByTestId("order-whatsapp-conversation-link").waitFor()
    await shot(admin, "6-order-in-admin")

    await admin.getByTestId("order-whatsapp-conversation-link").click()
    await admin.getByTestId("thread").waitFor()
    await admin.getByTestId("cart-card").first().waitFor()
    await shot(admin, "7-inbox")
    await admin.close()
  }, 300_000)
})
