import { PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import path from "node:path"
import { WebhookSignatureError } from "../hosted-payment-provider"
import { PayPalProviderService } from "../paypal/service"
import { RazorpayLinkProviderService } from "../razorpay-link/service"
import { StripeCheckoutProviderService } from "../stripe-checkout/service"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createPaymentSandbox } = require(path.resolve(__dirname, "../../../sandbox/payments/index.js"))
const fake = createPaymentSandbox({ deliverWebhooks: false })
let base = ""
const logger = { warn: jest.fn(), info: jest.fn(), error: jest.fn() }
const control = async (p: string) => (await fetch(base + p, { method: "POST" })).json()
const session = { return_url: "https://shop.example/r", cancel_url: "https://shop.example/c", email: "ana@example.com", description: "Order" }

beforeAll(async () => {
  base = await fake.listen(0)
})
afterAll(() => fake.close())

/** Each provider built the way Medusa builds it: container first, then its options. */
const stripe = () => new StripeCheckoutProviderService({ logger }, { apiKey: "sk_test_sandbox", webhookSecret: "whsec_sandbox", apiBase: base })
const razorpay = () =>
  new RazorpayLinkProviderService({ logger }, { keyId: "rzp_test_sandbox", keySecret: "rzp_secret_sandbox", webhookSecret: "rzp_whsec_sandbox", apiBase: base })
const paypal = () =>
  new PayPalProviderService({ logger }, { clientId: "paypal-sandbox-client", clientSecret: "paypal-sandbox-secret", webhookId: "WH-SANDBOX", apiBase: base })

/** As Medusa's route hands it over: parsed body, raw bytes, and headers lower-cased by Node. */
const webhook = (event: { body: string; headers: Record<string, string> }) => ({
  data: JSON.parse(event.body),
  rawData: Buffer.from(event.body),
  headers: Object.fromEntries(Object.entries(event.headers).map(([k, v]) => [k.toLowerCase(), v])),
})

describe("hosted payment providers", () => {
  it("refuse to boot without credentials, naming the option and its variable", () => {
    expect(() => StripeCheckoutProviderService.validateOptions({ apiKey: "sk_test_x" })).toThrow(/stripe-checkout payment provider: invalid options:\n {2}- webhookSecret/)
    expect(() => PayPalProviderService.validateOptions({ clientId: "a", clientSecret: "b", webhookId: "c", environment: "live" })).toThrow(/environment/)
  })

  it("Stripe: a Checkout Session in minor units, pending until paid, then captured; the webhook maps to Medusa's actions", async () => {
    const provider = stripe()
    const created = await provider.initiatePayment({ amount: 44.75, currency_code: "eur", data: { ...session, session_id: "payses_1" } })
    expect(created.data).toMatchObject({ session_id: "payses_1", remote_status: "open", checkout_url: expect.stringContaining("/stripe/pay/cs_test_") })
    expect((await provider.authorizePayment({ data: created.data })).status).toBe(PaymentSessionStatus.PENDING)

    const { events: [completed], object } = await control(`/__payments/stripe/sessions/${created.id}/pay`)
    expect(object.amount_total).toBe(4475)
    expect((await provider.authorizePayment({ data: created.data })).status).toBe(PaymentSessionStatus.CAPTURED)
    expect(await provider.getWebhookActionAndData(webhook(completed))).toEqual({
      action: PaymentActions.SUCCESSFUL,
      data: { session_id: "payses_1", amount: 44.75 },
    })
    await expect(provider.getWebhookActionAndData(webhook({ ...completed, body: completed.body.replace("payses_1", "payses_2") }))).rejects.toBeInstanceOf(
      WebhookSignatureError
    )
  })

  it("Razorpay: the link's reference_id is the session; payment_link.paid is SUCCESSFUL, a bad signature is refused", async () => {
    const provider = razorpay()
    const created = await provider.initiatePayment({ amount: 1499, currency_code: "inr", data: { ...session, session_id: "payses_r1" } })
    const { events: [paid], object } = await control(`/__payments/razorpay/links/${created.id}/pay`)
    expect(object).toMatchObject({ reference_id: "payses_r1", amount: 149900 })
    expect(await provider.getWebhookActionAndData(webhook(paid))).toEqual({ action: PaymentActions.SUCCESSFUL, data: { session_id: "payses_r1", amount: 1499 } })
    await expect(
      provider.getWebhookActionAndData({ ...webhook(paid), headers: { ...webhook(paid).headers, "x-razorpay-signature": "f".repeat(64) } })
    ).rejects.toBeInstanceOf(WebhookSignatureError)
    expect((await provider.authorizePayment({ data: created.data })).status).toBe(PaymentSessionStatus.CAPTURED)
  })

  it("PayPal: approval becomes AUTHORIZED, authorizing captures once, and PayPal verifies the webhook", async () => {
    const provider = paypal()
    const created = await provider.initiatePayment({ amount: 20, currency_code: "usd", data: { ...session, session_id: "payses_p1" } })
    expect(created.data.checkout_url).toContain(`/paypal/checkoutnow?token=${created.id}`)
    const { events: [approved] } = await control(`/__payments/paypal/orders/${created.id}/approve`)
    expect(await provider.getWebhookActionAndData(webhook(approved))).toEqual({ action: PaymentActions.AUTHORIZED, data: { session_id: "payses_p1", amount: 20 } })
    const first = await provider.authorizePayment({ data: created.data })
    expect(first.status).toBe(PaymentSessionStatus.CAPTURED)
    expect((await provider.authorizePayment({ data: created.data })).status).toBe(PaymentSessionStatus.CAPTURED)
    await expect(provider.getWebhookActionAndData(webhook({ ...approved, body: approved.body.replace("payses_p1", "payses_p2") }))).rejects.toBeInstanceOf(
      WebhookSignatureError
    )
  })
})
