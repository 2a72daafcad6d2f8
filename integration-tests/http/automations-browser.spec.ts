import fs from "node:fs"
import path from "node:path"
import { Browser, Page } from "playwright-core"
import type { AdminWhatsAppAutomationListResponse, AdminWhatsAppAutomationRunsResponse } from "../../src/types/http"
import { launchChromium, requireChromium } from "../helpers/browser"
import { DemoPorts, demoAdminHeaders, demoPorts, signInDemoAdmin, startDemo, stopDemo } from "../helpers/demo-process"
import { waitFor } from "../helpers/wait-for"

/**
 * WhatsApp → Automations in Chromium against `npm run demo` (issue 22): the
 * page and its editor render and read the rule as a sentence; then a rule
 * built in the admin (cart submitted → notify admins + send a text with
 * {{cart_total}}), enabled from the list, fires when the phone simulator
 * sends a cart: the notification is in Medusa's feed (the admin's bell
 * drawer and GET /admin/notifications?channel=feed) and the customer gets
 * the text with the total Medusa computed for that cart; the rule's page
 * shows the run with both actions done. Screenshots go to
 * test-artifacts/automations-*.png, and to docs/automations/ with
 * WALKTHROUGH_SCREENSHOTS=1.
 */
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts")
const DOCS = path.resolve(__dirname, "../../docs/automations")
const ports: DemoPorts = demoPorts()
const admin = `http://localhost:${ports.port}`
const sandbox = `http://127.0.0.1:${ports.sandboxPort}`
const CUSTOMER = "34699111444"
const RULE_NAME = "New WhatsApp cart"
const NOTIFY_TITLE = "Carrito nuevo por WhatsApp"
const TEXT_PREFIX = "¡Gracias! Tu total es "
const t = (id: string) => `[data-testid="${id}"]`
const action = (index: number, field?: string) => `${t("automation-action")}[data-index="${index}"]${field ? ` ${t(`automation-action-${field}`)}` : ""}`

/**
 * An amount as a customer reads it ("€12.50", "12,50 €", "1.234,50 EUR") back
 * to a number: the last separator followed by one or two digits is the
 * decimal one, the others group thousands.
 */
function readAmount(text: string): number {
  const figures = text.replace(/[^\d.,]/g, "")
  const decimal = /[.,](\d{1,2})$/.exec(figures)
  const whole = (decimal ? figures.slice(0, decimal.index) : figures).replace(/[.,]/g, "")
  return Number(decimal ? `${whole}.${decimal[1]}` : whole)
}

describe("automations in a browser", () => {
  let demo: ReturnType<typeof startDemo>
  let browser: Browser
  let page: Page
  let headers: Record<string, string>
  const shot = async (name: string) => {
    await page.screenshot({ path: path.join(ARTIFACTS, `automations-${name}.png`), fullPage: true })
    if (process.env.WALKTHROUGH_SCREENSHOTS === "1") await page.screenshot({ path: path.join(DOCS, `${name}.png`), fullPage: true })
  }
  const json = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...(init.headers ?? {}) } })
    const body = await res.json().catch(() => ({}))
    if (!res.ok) throw new Error(`${init.method ?? "GET"} ${url} → ${res.status}: ${JSON.stringify(body).slice(0, 300)}`)
    return body
  }
  const api = (pathname: string, init: RequestInit = {}) => json(`${admin}${pathname}`, { ...init, headers: { ...headers, ...(init.headers ?? {}) } })
  /** Medusa UI's Select (Radix): open it, pick the option by its visible text. */
  const choose = async (trigger: string, option: string) => {
    await page.locator(trigger).click()
    await page.getByRole("option", { name: option, exact: true }).click()
  }

  /** Waits for a render to settle on `expected`, then asserts it (the message shows what was there instead). */
  const textBecomes = async (selector: string, expected: string) => {
    const read = () => page.locator(selector).textContent()
    await waitFor(async () => (await read()) === expected, { timeoutMs: 10_000, what: `${selector} to read "${expected}"` }).catch(() => undefined)
    expect(await read()).toBe(expected)
  }

  /** The rule of the acceptance test, typed into the editor as a merchant would. */
  const buildCartRule = async () => {
    await page.goto(`${admin}/app/whatsapp/automations`)
    await page.locator(t("automations-page")).waitFor()
    await page.locator(t("automation-create")).click()
    await page.locator(t("automation-editor")).waitFor()
    await page.fill(t("automation-name-input"), RULE_NAME)
    await choose(t("automation-trigger"), "Cart submitted")
    await page.locator(t("automation-action-add")).click()
    await choose(action(0, "type"), "Notify admins")
    await page.fill(action(0, "title"), NOTIFY_TITLE)
    await page.fill(action(0, "text"), "{{customer_name}} envió un carrito de {{cart_total}}")
    await page.locator(t("automation-action-add")).click()
    expect(await page.locator(action(1)).getAttribute("data-type")).toBe("send_text")
    await page.fill(action(1, "text"), `${TEXT_PREFIX}{{cart_total}}`)
  }

  beforeAll(async () => {
    requireChromium()
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    if (process.env.WALKTHROUGH_SCREENSHOTS === "1") fs.mkdirSync(DOCS, { recursive: true })
    demo = startDemo(ports)
    await demo.ready
    headers = await demoAdminHeaders(admin)
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 } })
    page.setDefaultTimeout(60_000)
    await signInDemoAdmin(page, admin)
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    if (demo) await stopDemo(demo.child)
    fs.rmSync(ports.stateDir, { recursive: true, force: true })
  })

  it("opens the page and the editor, reads the rule as a sentence, and flags an unknown variable before saving", async () => {
    await buildCartRule()
    await textBecomes(t("automation-summary"), "When a cart is submitted → notify admins, send text")

    // A condition row: the sentence follows it, and removing it takes it out again.
    await page.locator(t("automation-condition-add")).click()
    const condition = `${t("automation-condition")}[data-index="0"]`
    expect(await page.locator(condition).getAttribute("data-field")).toBe("cart_total")
    await page.fill(`${condition} ${t("automation-condition-value")}`, "50")
    await textBecomes(t("automation-summary"), "When a cart is submitted, if cart total ≥ 50 → notify admins, send text")
    await page.locator(`${condition} ${t("automation-condition-remove")}`).click()
    expect(await page.locator(t("automation-condition")).count()).toBe(0)

    // The variables are listed beside the text; a misspelt one is named and Save stays disabled.
    expect(await page.locator(`${action(1, "text-variables")} ${t("automation-variable")}`).count()).toBe(10)
    await page.fill(action(1, "text"), `${TEXT_PREFIX}{{cart_totl}}`)
    await page.locator(action(1, "text-unknown")).waitFor()
    expect(await page.locator(action(1, "text-unknown")).getAttribute("data-names")).toBe("cart_totl")
    expect(await page.locator(t("automation-problems")).textContent()).toContain("{{cart_totl}}")
    expect(await page.locator(t("automation-save")).isDisabled()).toBe(true)
    // Clicking a listed variable appends it correctly.
    await page.fill(action(1, "text"), TEXT_PREFIX)
    await page.locator(`${action(1, "text-variables")} [data-name="cart_total"]`).click()
    expect(await page.locator(action(1, "text")).inputValue()).toBe(`${TEXT_PREFIX}{{cart_total}}`)
    expect(await page.locator(action(1, "text-unknown")).count()).toBe(0)
    expect(await page.locator(t("automation-save")).isDisabled()).toBe(false)
    await shot("01-editor")
    await page.keyboard.press("Escape")
    await page.locator(t("automation-editor")).waitFor({ state: "hidden" })
  }, 180_000)

  it("builds a rule (cart submitted → notify admins + send text with {{cart_total}}), enables it, and a cart from the simulator brings both", async () => {
    await buildCartRule()
    await page.locator(t("automation-save")).click()
    // Saved rules open on their own page.
    await page.waitForURL(/\/whatsapp\/automations\/[^/]+$/)
    const ruleId = await page.locator(t("automation-detail")).getAttribute("data-rule-id")
    expect(ruleId).toBeTruthy()

    const { automations } = (await api("/admin/whatsapp/automations")) as AdminWhatsAppAutomationListResponse
    const saved = automations.find((a) => a.id === ruleId)!
    expect(saved).toMatchObject({
      name: RULE_NAME,
      enabled: false,
      account_id: null,
      trigger: { type: "cart_submitted" },
      conditions: [],
      delay_minutes: 0,
      actions: [
        { type: "notify_admins", title: NOTIFY_TITLE, text: "{{customer_name}} envió un carrito de {{cart_total}}" },
        { type: "send_text", text: `${TEXT_PREFIX}{{cart_total}}` },
      ],
      last_run: null,
    })

    // Enabled from the list, as a merchant switches it on.
    await page.goto(`${admin}/app/whatsapp/automations`)
    const enabled = page.locator(`${t("automation-enabled")}[data-rule-id="${ruleId}"]`)
    expect(await enabled.getAttribute("data-enabled")).toBe("false")
    await enabled.click()
    await page.locator(`${t("automation-enabled")}[data-rule-id="${ruleId}"][data-enabled="true"]`).waitFor()
    expect((await api(`/admin/whatsapp/automations/${ruleId}`)).automation.enabled).toBe(true)
    await shot("02-list")

    // The customer sends a cart from the phone simulator.
    const notificationsBefore = (await api("/admin/notifications?channel=feed&limit=1")).count as number
    const catalog = await json(`${sandbox}/__sandbox/catalog?id=100000000000003`)
    const [first, second] = catalog.items.filter((i: any) => i.availability === "in stock")
    await json(`${sandbox}/__sandbox/inbound`, {
      method: "POST",
      body: JSON.stringify({
        from: CUSTOMER,
        name: "Lucía",
        type: "order",
        product_items: [
          { product_retailer_id: first.id, quantity: 2, item_price: 1, currency: "EUR" },
          { product_retailer_id: second.id, quantity: 1, item_price: 1, currency: "EUR" },
        ],
      }),
    })

    // Medusa priced the cart: its total is the one the customer must read.
    const cart = await waitFor(
      async () => {
        const { conversations } = await api(`/admin/whatsapp/conversations?q=${CUSTOMER}`)
        const conversation = conversations.find((c: any) => c.wa_id === CUSTOMER)
        if (!conversation) return null
        const { carts } = await api(`/admin/whatsapp/carts?conversation_id=${conversation.id}`)
        return carts.find((c: any) => c.total !== null && c.cart_id)
      },
      { timeoutMs: 60_000, intervalMs: 250, what: "the WhatsApp cart priced by Medusa" }
    )
    const total = Number(cart.total)
    expect(total).toBeGreaterThan(0)

    const text = await waitFor(
      async () => {
        const { messages } = await json(`${sandbox}/__sandbox/messages?to=${CUSTOMER}`)
        return messages.map((m: any) => m.body?.text?.body as string | undefined).find((body: string | undefined) => body?.startsWith(TEXT_PREFIX))
      },
      { timeoutMs: 60_000, intervalMs: 250, what: "the rule's text at the fake Graph API" }
    )
    const shownTotal = text.slice(TEXT_PREFIX.length)
    expect(shownTotal).not.toContain("{{")
    expect(readAmount(shownTotal)).toBeCloseTo(total, 2)

    // The admin notification: in Medusa's feed, through its API and in the bell drawer.
    const notification = await waitFor(
      async () => {
        const { notifications, count } = await api("/admin/notifications?channel=feed&limit=20&order=-created_at")
        return count > notificationsBefore && notifications.find((n: any) => n.data?.title === NOTIFY_TITLE)
      },
      { timeoutMs: 60_000, intervalMs: 250, what: "the admin notification in the feed" }
    )
    // Medusa's feed shows `data.title` and `data.description`.
    const description: string = notification.data.description
    expect(description.startsWith("Lucía")).toBe(true)
    expect(description.endsWith(` envió un carrito de ${shownTotal}`)).toBe(true)
    // The dashboard opens its notification drawer on Ctrl+N (a listener on the document).
    await page.evaluate(() => document.dispatchEvent(new KeyboardEvent("keydown", { key: "n", ctrlKey: true })))
    const drawer = page.getByRole("dialog", { name: "Notifications" })
    await drawer.getByText(NOTIFY_TITLE).first().waitFor()
    await drawer.getByText(description).first().waitFor()
    await shot("03-notification-feed")
    await page.keyboard.press("Escape")

    // The rule's page: one run, both actions done, and the list's last run says so.
    await page.goto(`${admin}/app/whatsapp/automations/${ruleId}`)
    const run = page.locator(`${t("automation-run")}[data-status="succeeded"]`)
    await run.waitFor({ timeout: 60_000 })
    const results = page.locator(t("automation-run-result"))
    expect(await results.count()).toBe(2)
    expect(await results.evaluateAll((els) => els.map((e) => `${e.getAttribute("data-type")}:${e.getAttribute("data-status")}`))).toEqual([
      "notify_admins:done",
      "send_text:done",
    ])
    const { runs } = (await api(`/admin/whatsapp/automations/${ruleId}/runs?limit=10&offset=0`)) as AdminWhatsAppAutomationRunsResponse
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({ rule_id: ruleId, trigger_type: "cart_submitted", status: "succeeded" })

    // The test panel renders the same total for this cart without sending anything.
    const sentBefore = (await json(`${sandbox}/__sandbox/messages?to=${CUSTOMER}`)).messages.length
    await page.fill(t("automation-test-conversation"), cart.conversation_id)
    await page.fill(t("automation-test-cart"), cart.cart_id)
    await page.locator(t("automation-test-run")).click()
    await page.locator(`${t("automation-test-result")}[data-matches="true"]`).waitFor()
    expect(await page.locator(`${t("automation-test-action")}[data-index="1"]`).textContent()).toContain(shownTotal)
    await shot("04-rule-runs-and-test")
    expect((await json(`${sandbox}/__sandbox/messages?to=${CUSTOMER}`)).messages.length).toBe(sentBefore)

    await page.goto(`${admin}/app/whatsapp/automations`)
    await page.locator(`tr:has(${t("automation-row-name")}[data-rule-id="${ruleId}"]) ${t("automation-last-run")}[data-status="succeeded"]`).waitFor()
  }, 300_000)

  it("edits a keyword auto-reply on the Automations page: its keywords, match, priority and text; the old API reads the change", async () => {
    const { accounts } = await api("/admin/whatsapp/accounts")
    const accountId = accounts[0].id
    const created = await api(`/admin/whatsapp/accounts/${accountId}/auto-replies`, {
      method: "POST",
      body: JSON.stringify({ name: "Envío", match: "exact", keywords: ["envio", "envios"], reply_text: "Enviamos en 24 h.", priority: 3 }),
    })
    const id = created.auto_reply.id
    await page.goto(`${admin}/app/whatsapp/automations/${id}`)
    await page.locator(`${t("automation-edit")}[data-rule-id="${id}"]`).click()
    await page.locator(t("automation-editor")).waitFor()
    expect(await page.locator(t("automation-keywords")).inputValue()).toBe("envio, envios")
    expect(await page.locator(t("automation-keyword-match")).textContent()).toBe("is exactly")
    expect(await page.locator(t("automation-priority")).inputValue()).toBe("3")
    expect(await page.locator(action(0)).getAttribute("data-type")).toBe("send_text")
    expect(await page.locator(action(0, "text")).inputValue()).toBe("Enviamos en 24 h.")

    await page.fill(t("automation-priority"), "7")
    await page.fill(action(0, "text"), "Enviamos en 24-48 h.")
    await page.locator(t("automation-save")).click()
    await page.locator(t("automation-editor")).waitFor({ state: "hidden" })
    const { auto_replies } = await api(`/admin/whatsapp/accounts/${accountId}/auto-replies`)
    expect(auto_replies.find((r: any) => r.id === id)).toMatchObject({ match: "exact", keywords: ["envio", "envios"], priority: 7, reply_text: "Enviamos en 24-48 h.", active: true })
    await api(`/admin/whatsapp/auto-replies/${id}`, { method: "DELETE" })
  }, 120_000)
})
