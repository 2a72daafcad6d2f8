import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fs from "node:fs"
import path from "node:path"
import { Browser } from "playwright-core"
import { launchChromium } from "../helpers/browser"
import { createAdminHeaders } from "../helpers/admin"
import { fillCheckoutAddress, pressPay } from "../helpers/checkout-browser"
import { createCommerceBasics, createProducts } from "../helpers/catalog-fixtures"
import { connectSyncedAccount, createCheckoutBasics, usePaymentSandbox, usePublicPort, whatsappOrder } from "../helpers/checkout-fixtures"
import { postWebhook, TEST_ACCOUNT, useSandbox, waitFor } from "../helpers/whatsapp"
import { PAYMENT_SECRETS } from "../host/secrets"

const cwd = path.join(__dirname, "../host")
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts")
const CATALOG_ID = "200000000000049"
const CUSTOMER = "34633344455"
const fake = useSandbox({ accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID }], sendStatuses: false, pollsBeforeFinished: 1 })
const payments = usePaymentSandbox({ ...PAYMENT_SECRETS })

usePublicPort()
beforeAll(() => {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
})

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    let browser: Browser

    beforeAll(async () => {
      browser = await launchChromium()
    })
    afterAll(async () => {
      await browser?.close()
    })

    it("opens the link from a WhatsApp cart, fills the form, pays on the Stripe page and sees the confirmation", async () => {
      const container = getContainer()
      payments.payments.configure({ stripe: { webhookUrl: `${api.defaults.baseURL}/hooks/payment/stripe-checkout_stripe-checkout` } })
      const admin = await createAdminHeaders(container)
      const fixture = await createCommerceBasics(container)
      const { variants } = await createProducts(container, fixture, [{ title: "Vestido Lino", sizes: ["S", "M"], colors: ["Blanco"], price: 49.9 }])
      await createCheckoutBasics(container, fixture)
      await connectSyncedAccount(api, container, admin, fixture, CATALOG_ID)
      await postWebhook(
        api.defaults.baseURL!,
        whatsappOrder({ wa_id: CUSTOMER, name: "Elena" }, CATALOG_ID, variants.map((v: any) => ({ id: v.id, quantity: 1, price: 49.9 })))
      )
      const summary = await waitFor(async () => fake.sandbox.state.messages.find((m: any) => m.to === CUSTOMER && m.body.interactive?.type === "cta_url"))
      const link = summary.body.interactive.action.parameters.url as string

      const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: "es-ES" })
      await page.goto(link)
      await page.getByRole("heading", { name: "Finalizar compra" }).waitFor()
      await fillCheckoutAddress(page, { email: "elena@example.com", first_name: "Elena", last_name: "Ruiz", address_1: "Calle de Alcalá 20", postal_code: "28014", city: "Madrid" })
      await page.check('input[name="shipping_option_id"]')
      await page.check('input[value="pp_stripe-checkout_stripe-checkout"]')
      await page.screenshot({ path: path.join(ARTIFACTS, "checkout-form.png"), fullPage: true })
      const pressed = await pressPay(page)
      // The amount the shopper pressed is the amount the provider charges, and Medusa's total with delivery.
      expect(pressed.replace(/\s/g, " ")).toBe("104,75 €") // 2 × 49,90 + 4,95
      const stripeState = await (await fetch(`${payments.url}/__payments/state`)).json()
      expect(stripeState.stripe.sessions.map((s: any) => s.amount_total)).toEqual([Number(pressed.replace(/\D/g, ""))])

      await page.waitForURL(/\/stripe\/pay\/cs_test_/)
      await page.screenshot({ path: path.join(ARTIFACTS, "checkout-stripe.png"), fullPage: true })
      await page.getByRole("button", { name: "Pay", exact: true }).click()

      await page.getByText(/Tu pedido #\d+ está confirmado/).waitFor({ timeout: 30_000 })
      await page.screenshot({ path: path.join(ARTIFACTS, "checkout-confirmation.png"), fullPage: true })
      expect(fs.statSync(path.join(ARTIFACTS, "checkout-confirmation.png")).size).toBeGreaterThan(5_000)

      const [cart] = await waitFor(async () => {
        const found = await rows(`select status, order_id from whatsapp_cart`)
        return found[0]?.order_id && found
      })
      expect(cart.status).toBe("paid")
      expect(await rows(`select order_id from order_cart where deleted_at is null`)).toHaveLength(1)
      await waitFor(async () => fake.sandbox.state.messages.find((m: any) => m.to === CUSTOMER && /Pago recibido/.test(m.body.text?.body ?? "")))
    })

    it("serves a username customer whose number is hidden, in the phone simulator: text, cart, checkout that asks for the phone, payment, confirmation", async () => {
      const container = getContainer()
      payments.payments.configure({ stripe: { webhookUrl: `${api.defaults.baseURL}/hooks/payment/stripe-checkout_stripe-checkout` } })
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      fake.sandbox.config.webhookUrl = `${api.defaults.baseURL}/whatsapp/webhook`
      const admin = await createAdminHeaders(container)
      const fixture = await createCommerceBasics(container)
      await createProducts(container, fixture, [{ title: "Camisa Lino", sizes: ["M"], colors: ["Azul"], price: 39.9 }])
      await createCheckoutBasics(container, fixture)
      await connectSyncedAccount(api, container, admin, fixture, CATALOG_ID)

      // Marta has a WhatsApp username and hides her number: the business only ever sees her BSUID.
      const phone = await browser.newPage({ viewport: { width: 412, height: 860 }, locale: "es-ES" })
      await phone.goto(`${fake.url}/simulator?phone=34655500011&name=Marta&username=marta&hide_phone=1`)
      await phone.getByTestId("phone-picker").getByText(/@marta \(number hidden\)/).waitFor({ state: "attached" })
      const fromBusiness = (hasText?: RegExp) => phone.locator('[data-testid="bubble"][data-direction="business"]', hasText ? { hasText } : {})

      await phone.getByTestId("composer-input").fill("hola")
      await phone.getByTestId("composer-send").click()
      await fromBusiness().first().waitFor({ timeout: 30_000 })

      await phone.getByTestId("catalog-button").click()
      await phone.getByTestId("catalog-product").first().click()
      await phone.getByTestId("add-to-cart").click()
      await phone.getByTestId("cart-button").click()
      await phone.getByTestId("send-cart").click()
      const link = await fromBusiness().filter({ has: phone.getByTestId("cta-button") }).first().getByTestId("cta-button").getAttribute("href", { timeout: 30_000 })
      await phone.screenshot({ path: path.join(ARTIFACTS, "bsuid-cart-sent.png"), fullPage: true })

      const [conversation] = await rows(`select wa_id, user_id, username from whatsapp_conversation where deleted_at is null`)
      expect(conversation).toMatchObject({ wa_id: null, username: "@marta", user_id: expect.stringMatching(/^ES\.\d+$/) })
      // Every message the business sent went to the BSUID (`recipient`), none to a phone.
      const sentToMarta = fake.sandbox.state.messages.map((m: any) => m.body)
      expect(sentToMarta.length).toBeGreaterThanOrEqual(2)
      expect(sentToMarta.every((b: any) => b.recipient === conversation.user_id && b.to === undefined)).toBe(true)

      const checkout = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "es-ES" })
      await checkout.goto(link!)
      await checkout.getByRole("heading", { name: "Finalizar compra" }).waitFor()
      expect(await checkout.inputValue("#phone")).toBe("")
      await fillCheckoutAddress(checkout, { email: "marta@example.com", first_name: "Marta", last_name: "Gil", address_1: "Calle Mayor 9", postal_code: "28013", city: "Madrid" })
      await checkout.check('input[name="shipping_option_id"]')
      await checkout.check('input[value="pp_stripe-checkout_stripe-checkout"]')
      const stripeSessions = async () => ((await (await fetch(`${payments.url}/__payments/state`)).json()).stripe.sessions ?? []).length
      const sessionsBefore = await stripeSessions()
      await pressPay(checkout)
      // No phone known, none typed: the page asks for it before anything is charged.
      await checkout.getByText("Necesitamos un teléfono para la entrega").waitFor()
      expect(await stripeSessions()).toBe(sessionsBefore)
      await checkout.fill("#phone", "+34 655 500 011")
      await pressPay(checkout)
      await checkout.waitForURL(/\/stripe\/pay\/cs_test_/)
      await checkout.getByRole("button", { name: "Pay", exact: true }).click()
      await checkout.getByText(/Tu pedido #\d+ está confirmado/).waitFor({ timeout: 30_000 })

      await fromBusiness(/Pago recibido|confirmado/).first().waitFor({ timeout: 30_000 })
      await phone.screenshot({ path: path.join(ARTIFACTS, "bsuid-confirmation.png"), fullPage: true })
      const [order] = await waitFor(async () => {
        const found = await rows(`select o.id, a.phone from whatsapp_cart w join "order" o on o.id = w.order_id join order_address a on a.id = o.shipping_address_id`)
        return found.length && found
      })
      expect(order.phone).toBe("+34 655 500 011")
    })
  },
})
