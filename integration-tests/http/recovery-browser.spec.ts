import fs from "node:fs"
import path from "node:path"
import { Browser, Page } from "playwright-core"
import { launchChromium, requireChromium } from "../helpers/browser"
import { DemoPorts, demoAdminHeaders, demoPorts, signInDemoAdmin, startDemo, stopDemo } from "../helpers/demo-process"
import { waitFor } from "../helpers/wait-for"

/**
 * Recovery in steps, as a merchant sets it up and a customer meets it:
 * `npm run demo`, the admin's account settings (three reminders, the second
 * with 10 % off for 48 h), a cart sent from the phone simulator and left
 * unpaid, the recovery job run as if 1 h and then 23 h had passed (the demo's
 * `POST /admin/demo/run-recovery`), and the second reminder's link opened in
 * Chromium: the checkout page names the code and shows the total Medusa
 * computed with it. Screenshots go to test-artifacts/recovery-*.png.
 */
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts")
const ports: DemoPorts = demoPorts()
const store = `http://localhost:${ports.port}`
const PHONE = "34611999444"
const t = (id: string) => `[data-testid="${id}"]`

describe("abandoned-cart recovery in a browser", () => {
  let demo: ReturnType<typeof startDemo>
  let browser: Browser
  let page: Page
  let phone: Page
  let headers: Record<string, string>
  const shot = (target: Page, name: string) => target.screenshot({ path: path.join(ARTIFACTS, `recovery-${name}.png`), fullPage: true })
  const api = async (pathname: string, init: RequestInit = {}) => {
    const res = await fetch(`${store}${pathname}`, { ...init, headers: { "content-type": "application/json", ...headers, ...(init.headers ?? {}) } })
    const body = await res.json()
    if (!res.ok) throw new Error(`${init.method ?? "GET"} ${pathname} → ${res.status}: ${JSON.stringify(body).slice(0, 300)}`)
    return body
  }
  const bubbles = (kind?: string) => phone.locator(`[data-testid="bubble"][data-direction="business"]${kind ? `[data-kind="${kind}"]` : ""}`)
  /** The job as if `hours` had passed; another run holding the lock (the real job, every minute) means try again. */
  const recoverAt = (hours: number) =>
    waitFor(async () => {
      const result = await api("/admin/demo/run-recovery", { method: "POST", body: JSON.stringify({ hours_ahead: hours }) })
      return result.ran && result
    }, { what: `the recovery run at +${hours} h` })

  beforeAll(async () => {
    requireChromium()
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    demo = startDemo(ports)
    await demo.ready
    headers = await demoAdminHeaders(store)
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1440, height: 1400 } })
    page.setDefaultTimeout(60_000)
    phone = await browser.newPage({ viewport: { width: 412, height: 860 }, locale: "es-ES" })
    phone.setDefaultTimeout(30_000)
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    if (demo) await stopDemo(demo.child)
    fs.rmSync(ports.stateDir, { recursive: true, force: true })
  })

  it("builds three reminders with a discount in the settings; the second reminder's link opens the cart with the code applied", async () => {
    const { accounts } = await api("/admin/whatsapp/accounts")
    const accountId = accounts[0].id
    await signInDemoAdmin(page, store, { load: 180_000, signedIn: 120_000 })
    await page.goto(`${store}/app/settings/whatsapp/${accountId}`)
    await page.waitForSelector(t("account-settings"))

    // 1 h, 23 h (10 % off, valid 48 h) and 72 h after the checkout link.
    await page.fill(t("setting-recovery-delay"), "60")
    await page.fill(t("recovery-step-1-text"), "Hola {{customer_name}}, tu carrito de {{cart_total}} te espera.")
    await page.click(t("recovery-step-add"))
    await page.fill(t("recovery-step-2-delay"), "1380")
    await page.fill(t("recovery-step-2-text"), "Un 10 % para ti con el código {{discount_code}}, hasta el {{discount_expires_at}}. Total: {{cart_total}}.")
    await page.click(t("recovery-step-2-discount-kind"))
    await page.getByRole("option", { name: "Percent off" }).click()
    await page.fill(t("recovery-step-2-discount-value"), "10")
    await page.fill(t("recovery-step-2-discount-hours"), "48")
    await page.click(t("recovery-step-add"))
    await page.fill(t("recovery-step-3-delay"), "4320")
    await page.fill(t("recovery-step-3-text"), "Último aviso, {{customer_name}}: tu carrito se libera pronto.")
    await shot(page, "1-settings")
    await page.click(t("settings-save"))
    await page.getByText("Settings saved").waitFor()

    const { account } = await api(`/admin/whatsapp/accounts/${accountId}`)
    expect(account.settings.recovery_steps).toEqual([
      expect.objectContaining({ delay_minutes: 60, discount: null }),
      expect.objectContaining({ delay_minutes: 1380, discount: { kind: "percentage", value: 10, expires_in_hours: 48 } }),
      expect.objectContaining({ delay_minutes: 4320, discount: null }),
    ])
    expect(account.settings.recovery_delay_minutes).toBe(60)

    // The customer sends a cart from the phone simulator and leaves it unpaid.
    await phone.goto(`http://127.0.0.1:${ports.sandboxPort}/simulator?phone=${PHONE}&name=Lucía`)
    await phone.getByTestId("catalog-button").click()
    await phone.getByTestId("catalog-product").first().click()
    await phone.locator('[data-testid="variant-option"]:not([disabled])').first().click()
    await phone.getByTestId("quantity-input").fill("2")
    await phone.getByTestId("add-to-cart").click()
    await phone.getByTestId("cart-button").click()
    await phone.getByTestId("cart-view").waitFor()
    await phone.getByTestId("send-cart").click()
    await bubbles("cta_url").first().waitFor()

    expect((await recoverAt(0.5)).reminded).toBe(0)
    expect((await recoverAt(1.05)).reminded).toBe(1)
    await bubbles("cta_url").nth(1).waitFor()
    expect(await bubbles("cta_url").nth(1).textContent()).toContain("Hola Lucía, tu carrito de")
    expect((await recoverAt(2)).reminded).toBe(0)
    expect((await recoverAt(23.1)).reminded).toBe(1)
    const reminder = bubbles("cta_url").nth(2)
    await reminder.waitFor()
    const code = /WA-[A-Z2-9]{10}/.exec((await reminder.textContent()) ?? "")?.[0]
    expect(code).toBeTruthy()
    await reminder.scrollIntoViewIfNeeded()
    await shot(phone, "2-reminder-with-code")

    // Medusa's own cart: the code applied, its discount in the total.
    const { carts } = await api(`/admin/whatsapp/carts?limit=50`)
    const cart = carts.find((c: any) => c.status === "abandoned")
    const { api_keys } = await api(`/admin/api-keys?type=publishable&limit=1`)
    const medusa = await fetch(`${store}/store/carts/${cart.cart_id}?fields=id,currency_code,total,discount_total,*promotions`, {
      headers: { "x-publishable-api-key": api_keys[0].token },
    }).then((r) => r.json())
    expect(medusa.cart.promotions.map((p: any) => p.code)).toEqual([code])
    expect(Number(medusa.cart.discount_total)).toBeGreaterThan(0)
    const total = new Intl.NumberFormat("es-ES", { style: "currency", currency: medusa.cart.currency_code.toUpperCase() }).format(medusa.cart.total)
    expect((await reminder.textContent())?.replace(/\s/g, " ")).toContain(`Total: ${total}`.replace(/\s/g, " "))

    // The reminder's link in the browser: the checkout page names the code and charges Medusa's discounted total.
    const link = await reminder.getByTestId("cta-button").getAttribute("href")
    const checkout = await browser.newPage({ viewport: { width: 412, height: 900 }, locale: "es-ES" })
    await checkout.goto(link!)
    await checkout.getByText(`Descuento (${code})`).waitFor()
    expect((await checkout.locator("#pay-amount").textContent())?.replace(/\s/g, " ")).toBe(total.replace(/\s/g, " "))
    await shot(checkout, "3-checkout-with-code")
    await checkout.close()

    // The stats page counts the opened link for reminder 2.
    const stats = await api(`/admin/whatsapp/stats`)
    expect(stats.by_step.find((s: any) => s.step === 2)).toMatchObject({ clicked: 1 })
    await page.goto(`${store}/app/whatsapp/stats`)
    await page.getByText("By reminder").waitFor()
    await page.locator('[data-testid="stats-step"]', { hasText: "Reminder 2" }).waitFor()
    await shot(page, "4-stats-by-step")
  }, 600_000)
})
