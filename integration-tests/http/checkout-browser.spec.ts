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
  },
})
