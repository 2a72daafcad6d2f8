import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import { usePaymentSandbox } from "../helpers/checkout-fixtures"
import { TEST_ACCOUNT, useSandbox } from "../helpers/whatsapp"
import { PAYMENT_SECRETS } from "../host/secrets"

/**
 * PayPal webhooks reach PayPal's verify-webhook-signature API only when they
 * can be PayPal's: one OAuth token serves them all until it expires, headers
 * naming a certificate off PayPal's hosts or a stale transmission time are
 * refused with no call to PayPal, and the calls per minute are bounded.
 * The PayPal fake counts its OAuth and verify calls.
 */
const cwd = path.join(__dirname, "../host")
const HOOK = "/hooks/payment/paypal_paypal"
/** A budget for the whole spec: an hour-long window, so how fast the machine runs changes nothing. */
const VERIFICATIONS = 6
useSandbox({ accounts: [TEST_ACCOUNT], sendStatuses: false })
const payments = usePaymentSandbox({ ...PAYMENT_SECRETS, deliverWebhooks: false })

beforeAll(() => {
  process.env.PAYPAL_WEBHOOK_VERIFICATIONS_PER_WINDOW = String(VERIFICATIONS)
  process.env.PAYPAL_WEBHOOK_VERIFICATION_WINDOW_SECONDS = "3600"
})
afterAll(() => {
  delete process.env.PAYPAL_WEBHOOK_VERIFICATIONS_PER_WINDOW
  delete process.env.PAYPAL_WEBHOOK_VERIFICATION_WINDOW_SECONDS
})

type PayPalEvent = { type: string; body: string; headers: Record<string, string> }

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api }) => {
    const calls = async () => (await (await fetch(`${payments.url}/__payments/state`)).json()).paypal.calls as { oauth: number; verify: number }
    const deliver = (event: PayPalEvent, headers: Record<string, string> = {}) =>
      fetch(api.defaults.baseURL + HOOK, { method: "POST", headers: { ...event.headers, ...headers, "content-type": "application/json" }, body: event.body })

    /** A genuine, signed CHECKOUT.ORDER.APPROVED for an order this shop never made (so Medusa ignores it after verifying). */
    async function approvedEvent(): Promise<PayPalEvent> {
      const basic = Buffer.from(`${PAYMENT_SECRETS.paypal.clientId}:${PAYMENT_SECRETS.paypal.clientSecret}`).toString("base64")
      const { access_token } = await (
        await fetch(`${payments.url}/v1/oauth2/token`, { method: "POST", headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials" })
      ).json()
      const order = await (
        await fetch(`${payments.url}/v2/checkout/orders`, {
          method: "POST",
          headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" },
          body: JSON.stringify({ intent: "CAPTURE", purchase_units: [{ amount: { currency_code: "EUR", value: "10.00" } }] }),
        })
      ).json()
      const { events } = await (await fetch(`${payments.url}/__payments/paypal/orders/${order.id}/approve`, { method: "POST" })).json()
      return events[0]
    }

    it("fetches one OAuth token for many webhooks and asks PayPal once per delivery", async () => {
      const events = [await approvedEvent(), await approvedEvent(), await approvedEvent(), await approvedEvent()]
      const before = await calls()
      const answers = await Promise.all(events.flatMap((e) => [deliver(e), deliver(e)]))
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200))
      const after = await calls()
      expect(after.oauth - before.oauth).toBe(1)
      expect(after.verify - before.verify).toBe(4)
    })

    it("refuses a certificate off PayPal's hosts, or a stale transmission, without calling PayPal; bounds the calls per window", async () => {
      const event = await approvedEvent()
      const before = await calls()
      const offHost = await deliver(event, { "PAYPAL-CERT-URL": "https://evil.example.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77" })
      expect(offHost.status).toBe(400)
      expect((await offHost.json()).message).toMatch(/PAYPAL-CERT-URL is not on a PayPal host/)
      const lookalike = await deliver(event, { "PAYPAL-CERT-URL": "https://api.paypal.com.evil.example/v1/notifications/certs/CERT-1" })
      expect(lookalike.status).toBe(400)
      const stale = await deliver(event, { "PAYPAL-TRANSMISSION-TIME": new Date(Date.now() - 10 * 60_000).toISOString().replace(/\.\d+Z$/, "Z") })
      expect(stale.status).toBe(400)
      expect((await stale.json()).message).toMatch(/TRANSMISSION-TIME outside/)
      expect(await calls()).toEqual(before)

      // Plausible headers with a bad signature go to PayPal (which says FAILURE), until the window's budget is spent.
      const budgetLeft = VERIFICATIONS - 4 // the first test spent 4
      const forged = Array.from({ length: budgetLeft + 2 }, (_, i) => ({ ...event, headers: { ...event.headers, "PAYPAL-TRANSMISSION-SIG": `forged${i}${event.headers["PAYPAL-TRANSMISSION-SIG"].slice(8)}` } }))
      const statuses: number[] = []
      for (const f of forged) statuses.push((await deliver(f)).status)
      expect(statuses).toEqual([...Array(budgetLeft).fill(400), 429, 429])
      const after = await calls()
      expect(after.verify - before.verify).toBe(budgetLeft)
    })
  },
})
