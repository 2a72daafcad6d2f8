import fs from "node:fs"
import path from "node:path"
import { Browser, Page } from "playwright-core"
import { launchChromium, requireChromium } from "../helpers/browser"
import { DemoPorts, demoAdminHeaders, demoPorts, signInDemoAdmin, startDemo, stopDemo } from "../helpers/demo-process"
import { waitFor } from "../helpers/wait-for"

/**
 * The guided onboarding in Chromium, as a merchant meets it: `npm run demo
 * -- --fresh-onboarding` (no WhatsApp account), Settings → WhatsApp →
 * Connect with Facebook → the sandbox's Embedded Signup popup (a new
 * business, WABA, profile and number, the code shown on the page) → back in
 * the admin: the number registered with a generated PIN, the webhooks
 * subscribed → a catalog created and connected, its first sync finished →
 * the store's templates submitted and approved by Meta's review → every
 * health line green → a customer's message from the phone simulator in
 * the inbox. Screenshots go to test-artifacts/onboarding-*.png, and to
 * docs/onboarding/ with WALKTHROUGH_SCREENSHOTS=1.
 */
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts")
const DOCS = path.resolve(__dirname, "../../docs/onboarding")
const ports: DemoPorts = demoPorts()
const admin = `http://localhost:${ports.port}`
const sandbox = `http://127.0.0.1:${ports.sandboxPort}`
const NUMBER = "+34 612 345 699"
const t = (id: string) => `[data-testid="${id}"]`

describe("guided onboarding in a browser", () => {
  let demo: ReturnType<typeof startDemo>
  let browser: Browser
  let page: Page
  let headers: Record<string, string>
  const shot = async (name: string, target: Page = page) => {
    await target.screenshot({ path: path.join(ARTIFACTS, `onboarding-${name}.png`), fullPage: true })
    if (process.env.WALKTHROUGH_SCREENSHOTS === "1") await target.screenshot({ path: path.join(DOCS, `${name}.png`), fullPage: true })
  }
  const api = async (pathname: string, init: RequestInit = {}) => {
    const res = await fetch(`${admin}${pathname}`, { ...init, headers: { "content-type": "application/json", ...headers, ...(init.headers ?? {}) } })
    const body = await res.json()
    if (!res.ok) throw new Error(`${init.method ?? "GET"} ${pathname} → ${res.status}: ${JSON.stringify(body).slice(0, 300)}`)
    return body
  }

  beforeAll(async () => {
    requireChromium()
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    if (process.env.WALKTHROUGH_SCREENSHOTS === "1") fs.mkdirSync(DOCS, { recursive: true })
    demo = startDemo(ports, {}, ["--fresh-onboarding"])
    await demo.ready
    headers = await demoAdminHeaders(admin)
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1440, height: 960 } })
    page.setDefaultTimeout(60_000)
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    if (demo) await stopDemo(demo.child)
    fs.rmSync(ports.stateDir, { recursive: true, force: true })
  })

  it("connects a new number, its webhooks and a new catalog from Settings → WhatsApp, then takes a customer's message", async () => {
    expect(demo.output()).toContain("--fresh-onboarding: no WhatsApp account")
    expect((await api("/admin/whatsapp/accounts")).accounts).toEqual([])

    await signInDemoAdmin(page, admin)
    await page.goto(`${admin}/app/settings/whatsapp`)
    await page.click(t("onboarding-connect-facebook"))
    await page.waitForSelector(t("onboarding-wizard"))

    // 1. The number's requirements, and the check of what can be checked.
    await page.fill(t("onboarding-check-number-input"), "12345")
    await page.click(t("onboarding-check-number"))
    await page.waitForSelector(`${t("onboarding-check-number-result")}[data-ok="false"]`)
    await page.fill(t("onboarding-check-number-input"), NUMBER)
    await page.click(t("onboarding-check-number"))
    await page.waitForSelector(`${t("onboarding-check-number-result")}[data-ok="true"]`)
    await shot("1-requirements")
    await page.click(t("onboarding-requirements-next"))

    // 2. Where it sells; the PIN is left to the plugin (generated, shown once).
    await page.click(t("onboarding-region"))
    await page.getByRole("option", { name: /Europe/ }).click()
    await page.click(t("onboarding-sales-channel"))
    await page.getByRole("option", { name: "WhatsApp", exact: true }).click()
    await page.fill(t("onboarding-name"), "Moda Sol")
    await shot("2-setup")
    await page.click(t("onboarding-setup-next"))

    // 3. Meta's popup (the sandbox's): a new business, WABA, profile and number, the code from the page.
    await page.waitForSelector(`${t("onboarding-step-connect")}[data-phase="ready"]`)
    await shot("3-connect")
    const [popup] = await Promise.all([page.waitForEvent("popup"), page.click(t("onboarding-facebook-login"))])
    await popup.waitForSelector(`${t("es-step-business")}.on`)
    await popup.fill(t("es-business-new-name"), "Moda Sol SL")
    await shot("3a-popup-business", popup)
    await popup.click(t("es-next"))
    await popup.fill(t("es-waba-name"), "Moda Sol")
    await popup.click(t("es-next"))
    await popup.fill(t("es-display-name"), "Moda Sol")
    await popup.selectOption(t("es-category"), "APPAREL")
    await popup.fill(t("es-description"), "Ropa de verano")
    await popup.click(t("es-next"))
    await popup.fill(t("es-phone"), NUMBER)
    await popup.click(t("es-send-code"))
    await popup.waitForSelector(`${t("es-step-verify")}.on`)
    const code = (await popup.textContent(t("es-code-shown")))!.trim()
    await popup.fill(t("es-code"), code)
    await shot("3b-popup-verify", popup)
    await popup.click(t("es-finish"))

    const result = await page.waitForSelector(t("onboarding-signup-result"), { timeout: 120_000 })
    const accountId = (await result.getAttribute("data-account-id"))!
    const steps = await page.$$eval(t("onboarding-step-result"), (els) => els.map((e) => [e.getAttribute("data-key"), e.getAttribute("data-ok")]))
    expect(steps).toEqual(
      ["exchange_code", "check_permissions", "subscribe_webhooks", "register_number", "read_number", "create_account"].map((k) => [k, "true"])
    )
    const pin = (await page.textContent(t("onboarding-generated-pin")))!.trim()
    expect(pin).toMatch(/^\d{6}$/)
    await shot("3c-connected")
    const { account } = await api(`/admin/whatsapp/accounts/${accountId}`)
    expect(account.display_phone_number?.replace(/\D/g, "")).toContain("612345699")
    // The PIN is shown once and stored nowhere in clear; the token is masked.
    expect(JSON.stringify(account)).not.toContain(pin)
    expect(account.access_token).toMatch(/^•+/)
    await page.click(t("onboarding-connect-next"))

    // 4. A new catalog in the business, connected to the WABA, its first sync to the end.
    await page.waitForSelector(t("onboarding-step-catalog"))
    await page.fill(t("meta-catalog-create-input"), "Moda Sol — WhatsApp")
    await page.click(t("meta-catalog-create"))
    const option = await page.waitForSelector(`${t("meta-catalog-option")}:has-text("Moda Sol — WhatsApp")`)
    await option.click()
    await shot("4-catalog")
    await page.click(t("meta-catalog-connect"))
    await page.waitForSelector(`${t("catalog-step-sync")}[data-status="completed"]`, { timeout: 180_000 })
    await shot("4a-catalog-synced")
    const connected = await api(`/admin/whatsapp/accounts/${accountId}`)
    expect(connected.account.catalog_id).toBeTruthy()
    const state = await fetch(`${sandbox}/__sandbox/catalog?id=${connected.account.catalog_id}`).then((r) => r.json())
    expect(state.items.length).toBeGreaterThan(0)
    await page.click(t("onboarding-catalog-next"))

    // 5. The store's templates, submitted for Meta's review; the demo's sandbox decides after a few seconds, as Meta often does.
    await page.waitForSelector(t("onboarding-step-templates"))
    await page.click(t("starter-templates-submit"))
    await page.waitForSelector(`${t("starter-template")}[data-status="PENDING"]`)
    await shot("5-templates")
    await page.waitForFunction(
      (selector) => {
        const rows = [...document.querySelectorAll(selector)]
        return rows.length === 2 && rows.every((row) => row.getAttribute("data-status") === "APPROVED")
      },
      t("starter-template"),
      { timeout: 120_000 }
    )
    await shot("5a-templates-approved")
    const chosen = (await api(`/admin/whatsapp/accounts/${accountId}`)).account.settings
    expect([chosen.recovery_template?.name, chosen.order_update_template?.name]).toEqual(["cart_reminder", "order_update"])
    await page.click(t("onboarding-templates-next"))

    // 6. The connection check: every line green.
    await page.waitForSelector(t("onboarding-step-done"))
    await page.waitForSelector(t("health-line"))
    const lines = await page.$$eval(t("health-line"), (els) => els.map((e) => [e.getAttribute("data-key"), e.getAttribute("data-ok")]))
    expect(lines.map(([key]) => key)).toEqual(expect.arrayContaining(["phone_number", "webhook_subscription", "commerce_settings", "catalog", "templates"]))
    expect(lines.filter(([, ok]) => ok !== "true")).toEqual([])
    expect(await page.textContent(`${t("health-line")}[data-key="templates"]`)).toContain("2 approved of 2")
    await shot("6-done")
    await page.click(t("onboarding-finish"))

    // A customer writes to the new number from the phone simulator: it reaches the inbox.
    const sent = await fetch(`${sandbox}/__sandbox/inbound`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone_number_id: account.phone_number_id, from: "34699000111", name: "Lucía", text: "Hola, ¿tenéis vestidos?" }),
    }).then((r) => r.json())
    expect(sent.webhook_status).toBe(200)
    await page.goto(`${admin}/app/whatsapp`)
    await page.locator(t("conversation-row"), { hasText: "Lucía" }).click({ timeout: 60_000 })
    await waitFor(async () => (await page.getByText("Hola, ¿tenéis vestidos?").count()) > 0, { timeoutMs: 60_000, what: "the message in the inbox" })
    await shot("7-inbox")
  }, 900_000)
})
