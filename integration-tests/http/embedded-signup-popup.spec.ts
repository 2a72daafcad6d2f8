import http from "node:http"
import type { Browser, Page } from "playwright-core"
import { launchChromium } from "../helpers/browser"
import { APP_SECRET, createSandbox } from "../helpers/whatsapp"

const APP_ID = "670843887433847"
const CONNECTED_NUMBER = "+34 699 000 222"

/**
 * The sandbox's fake Facebook SDK and Embedded Signup popup in Chromium, as
 * the admin wizard uses them: FB.login opens the popup, the merchant clicks
 * through it, the opener receives Meta's session-info message and the
 * callback's code, which the sandbox then exchanges once. No Medusa here.
 */
describe("Embedded Signup popup (sandbox, Chromium)", () => {
  const sandbox = createSandbox({ sendStatuses: false, appSecret: APP_SECRET })
  let sandboxUrl: string
  let openerUrl: string
  let opener: http.Server
  let browser: Browser

  beforeAll(async () => {
    sandboxUrl = await sandbox.listen(0)
    // The admin's page, on another origin than the sandbox, like the admin and facebook.com.
    opener = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" })
      res.end(`<!doctype html><button id="connect">Connect with Facebook</button><script>
        window.__messages = []; window.__response = null;
        window.addEventListener("message", (event) => {
          if (event.origin !== ${JSON.stringify(sandboxUrl)}) return;
          try { const data = JSON.parse(event.data); if (data.type === "WA_EMBEDDED_SIGNUP") window.__messages.push(data); } catch (e) {}
        });
        window.fbAsyncInit = () => FB.init({ appId: "${APP_ID}", version: "v21.0" });
        document.getElementById("connect").onclick = () => FB.login((response) => { window.__response = response; },
          { config_id: "1000000000000001", response_type: "code", override_default_response_type: true, extras: { setup: {}, sessionInfoVersion: "3" } });
      </script><script src="${sandboxUrl}/sdk.js"></script>`)
    })
    await new Promise<void>((resolve) => opener.listen(0, "127.0.0.1", resolve))
    openerUrl = `http://127.0.0.1:${(opener.address() as any).port}`
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => opener.close(resolve))
    await sandbox.close()
  })

  async function openPopup(): Promise<{ page: Page; popup: Page }> {
    const page = await browser.newPage()
    await page.goto(openerUrl)
    await page.waitForFunction(() => typeof (window as any).FB?.login === "function")
    const [popup] = await Promise.all([page.waitForEvent("popup"), page.click("#connect")])
    await popup.waitForSelector('[data-testid="es-step-business"].on')
    return { page, popup }
  }

  it("creates a business, a WABA and a verified number, then hands back the session info and a code", async () => {
    const { page, popup } = await openPopup()
    const t = (id: string) => `[data-testid="${id}"]`
    await popup.click(t("es-next"))
    expect(await popup.textContent(t("es-error"))).toContain("business")
    await popup.fill(t("es-business-new-name"), "Moda Sol SL")
    await popup.click(t("es-next"))
    await popup.fill(t("es-waba-name"), "Moda Sol")
    await popup.click(t("es-next"))
    await popup.fill(t("es-display-name"), "Moda Sol")
    await popup.selectOption(t("es-category"), "APPAREL")
    await popup.fill(t("es-description"), "Ropa de verano")
    await popup.click(t("es-next"))
    await popup.fill(t("es-phone"), "+34 612 345 699")
    await popup.click(t("es-send-code"))
    await popup.waitForSelector(`${t("es-step-verify")}.on`)
    const shown = (await popup.textContent(t("es-code-shown")))!.trim()
    expect(shown).toMatch(/^\d{6}$/)
    await popup.fill(t("es-code"), shown === "000000" ? "000001" : "000000")
    await popup.click(t("es-finish"))
    // The popup checks the code with the sandbox: wait for its answer, not a fixed moment.
    await popup.waitForFunction(() => document.querySelector('[data-testid="es-error"]')?.textContent?.includes("not right"))
    await popup.fill(t("es-code"), shown)
    await popup.click(t("es-finish"))

    await page.waitForFunction(() => (window as any).__response !== null)
    const response = await page.evaluate(() => (window as any).__response)
    const messages = await page.evaluate(() => (window as any).__messages)
    expect(response).toMatchObject({ status: "connected", authResponse: { code: expect.any(String) } })
    expect(messages).toEqual([
      { type: "WA_EMBEDDED_SIGNUP", event: "FINISH", version: "3", data: { phone_number_id: expect.any(String), waba_id: expect.any(String), business_id: expect.any(String) } },
    ])
    const { phone_number_id } = messages[0].data
    expect(sandbox.state.accounts.get(phone_number_id)).toMatchObject({ verified_name: "Moda Sol", category: "APPAREL", display_phone_number: "+34612345699", registered: false, subscribed: false })

    const exchange = (code: string) => fetch(`${sandboxUrl}/v21.0/oauth/access_token?client_id=${APP_ID}&client_secret=${APP_SECRET}&code=${code}`)
    expect((await exchange(response.authResponse.code)).status).toBe(200)
    expect((await (await exchange(response.authResponse.code)).json()).error).toMatchObject({ code: 100, error_subcode: 36009 })

    // The business now exists: the next popup offers it.
    const next = await openPopup()
    expect(await next.popup.isVisible(`[data-testid="es-business-option-${messages[0].data.business_id}"]`)).toBe(true)
    await next.popup.close()
    await next.page.waitForFunction(() => (window as any).__response !== null)
    expect(await next.page.evaluate(() => (window as any).__response)).toEqual({ status: "unknown", authResponse: null })
  })

  it("reports a cancel with the step the merchant was at", async () => {
    const { page, popup } = await openPopup()
    await popup.check('[data-testid="es-business-new"]')
    await popup.fill('[data-testid="es-business-new-name"]', "Otra")
    await popup.click('[data-testid="es-next"]')
    await popup.click('[data-testid="es-cancel"]')
    await page.waitForFunction(() => (window as any).__response !== null)
    expect(await page.evaluate(() => (window as any).__messages)).toEqual([{ type: "WA_EMBEDDED_SIGNUP", event: "CANCEL", version: "3", data: { current_step: "WABA_PHONE_PROFILE_PICKER" } }])
    expect(await page.evaluate(() => (window as any).__response)).toEqual({ status: "unknown", authResponse: null })
  })

  it("reports an error the merchant met, e.g. a number already connected, when they cancel", async () => {
    // The number is connected already (a signup finished earlier, made through the sandbox's control).
    const made = await fetch(`${sandboxUrl}/__sandbox/signup/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone: CONNECTED_NUMBER }),
    })
    expect(made.status).toBe(200)
    const { page, popup } = await openPopup()
    const t = (id: string) => `[data-testid="${id}"]`
    await popup.check(t("es-business-new"))
    await popup.fill(t("es-business-new-name"), "Tercera")
    await popup.click(t("es-next"))
    await popup.fill(t("es-waba-name"), "Tercera")
    await popup.click(t("es-next"))
    await popup.fill(t("es-display-name"), "Tercera")
    await popup.click(t("es-next"))
    await popup.fill(t("es-phone"), CONNECTED_NUMBER)
    await popup.click(t("es-send-code"))
    await popup.waitForFunction(() => document.querySelector('[data-testid="es-error"]')?.textContent?.includes("already connected"))
    await popup.click(t("es-cancel"))
    await page.waitForFunction(() => (window as any).__response !== null)
    expect(await page.evaluate(() => (window as any).__messages)).toEqual([
      {
        type: "WA_EMBEDDED_SIGNUP",
        event: "CANCEL",
        version: "3",
        data: { error_message: expect.stringContaining("already connected"), error_id: expect.any(String), session_id: expect.any(String), timestamp: expect.any(String) },
      },
    ])
  })
})

jest.setTimeout(60_000)
