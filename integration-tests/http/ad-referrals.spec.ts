import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fs from "node:fs"
import path from "node:path"
import { createWhatsAppShop, PROVIDERS, sendWhatsAppCart, usePaymentSandbox, usePublicPort } from "../helpers/checkout-fixtures"
import { Browser, submitCheckout } from "../helpers/checkout-browser"
import { envelope, postWebhook, recordEvents, TEST_ACCOUNT, useSandbox, waitFor, wamid } from "../helpers/whatsapp"
import { PAYMENT_SECRETS } from "../host/secrets"

const cwd = path.join(__dirname, "../host")
const CATALOG_ID = "200000000000031"
const CUSTOMER = "34622233344"
const fake = useSandbox({ accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID }], sendStatuses: false, pollsBeforeFinished: 1 })
usePaymentSandbox({ ...PAYMENT_SECRETS, deliverWebhooks: false })
usePublicPort()

// pywa's referral message (sources in src/lib/__tests__/fixtures/lifecycle/README.md): the
// ad's fields are pywa's; each test names its own ad id and the sender is this spec's customer.
const pywa = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../src/lib/__tests__/fixtures/lifecycle/pywa.json"), "utf8"))
function referralMessage(adId: string, headline: string, at: number) {
  const message = structuredClone(pywa.referral.entry[0].changes[0].value.messages[0])
  const id = wamid()
  message.referral = { ...message.referral, source_id: adId, source_type: "ad", headline, source_url: `https://fb.me/${adId}` }
  return { id, payload: envelope({ contacts: [{ profile: { name: "Lucía" }, wa_id: CUSTOMER }], messages: [{ ...message, from: CUSTOMER, id, timestamp: String(at) }] }) }
}

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    const events = recordEvents(getContainer, ["whatsapp.message.received"])
    const now = () => Math.floor(Date.now() / 1000)

    it("stores the referral on the message and the first touch once; the cart and its order are attributed; stats show revenue by ad", async () => {
      const { admin, variants, shippingOptionId } = await createWhatsAppShop(api, getContainer(), CATALOG_ID, [
        { title: "Camiseta Básica", sizes: ["M"], colors: ["Rojo"], price: 19.9 },
      ])
      const baseUrl = api.defaults.baseURL!

      const first = referralMessage("120226305854810726", "Summer succulents are here!", now() - 120)
      await postWebhook(baseUrl, first.payload)
      const [firstRow] = await waitFor(async () => {
        const r = await rows(`select id, referral, conversation_id from whatsapp_message where wamid = ?`, [first.id])
        return r.length && r
      }, { what: "the first ad message" })
      expect(firstRow.referral).toMatchObject({ source_id: "120226305854810726", source_type: "ad", headline: "Summer succulents are here!", ctwa_clid: "CTWA_CLID" })
      await waitFor(async () => events["whatsapp.message.received"]?.length, { what: "whatsapp.message.received" })
      expect(events["whatsapp.message.received"][0]).toMatchObject({
        id: firstRow.id,
        referral: expect.objectContaining({ source_id: "120226305854810726", ctwa_clid: "CTWA_CLID", headline: "Summer succulents are here!" }),
      })

      const second = referralMessage("120226305854810999", "Winter sale", now() - 60)
      await postWebhook(baseUrl, second.payload)
      await waitFor(async () => (await rows(`select 1 from whatsapp_message where wamid = ?`, [second.id])).length, { what: "the second ad message" })
      const conversation = (await api.get(`/admin/whatsapp/conversations/${firstRow.conversation_id}`, admin)).data.conversation
      expect(conversation.first_referral).toMatchObject({ source_id: "120226305854810726", message_id: firstRow.id })
      expect(conversation.last_referral).toMatchObject({ source_id: "120226305854810999", headline: "Winter sale" })
      // A referral delivered late but sent earlier than the first touch takes its place (Meta does not keep order);
      // it does not become the last touch.
      const late = referralMessage("120226305854810555", "Spring teaser", now() - 3600)
      await postWebhook(baseUrl, late.payload)
      await waitFor(async () => (await rows(`select 1 from whatsapp_message where wamid = ?`, [late.id])).length, { what: "the late ad message" })
      const [touches] = await rows(`select first_referral, last_referral from whatsapp_conversation where id = ?`, [firstRow.conversation_id])
      expect(touches.first_referral.source_id).toBe("120226305854810555")
      expect(touches.last_referral.source_id).toBe("120226305854810999")
      const listed = (await api.get(`/admin/whatsapp/conversations/${firstRow.conversation_id}/messages`, admin)).data.messages
      expect(listed.find((m: any) => m.id === firstRow.id).referral).toMatchObject({ source_url: "https://fb.me/120226305854810726" })

      // The cart is made in a conversation whose latest referral is the second ad: it is attributed to it.
      const cart = await sendWhatsAppCart(baseUrl, () => fake.sandbox.state.messages, rows, {
        waId: CUSTOMER,
        name: "Lucía",
        catalogId: CATALOG_ID,
        items: [{ id: variants[0].id, quantity: 2, price: 19.9 }],
      })
      const [attributed] = await rows(`select referral_source_id, referral_ctwa_clid from whatsapp_cart where id = ?`, [cart.id])
      expect(attributed).toEqual({ referral_source_id: "120226305854810999", referral_ctwa_clid: "CTWA_CLID" })

      const browser = new Browser(baseUrl)
      await submitCheckout(browser, cart.checkoutPath, shippingOptionId, PROVIDERS.manual)
      const [linked] = await waitFor(async () => {
        const r = await rows(`select order_id from whatsapp_cart where id = ? and order_id is not null`, [cart.id])
        return r.length && r
      }, { what: "the order linked to the cart", timeoutMs: 20_000 })

      // The order is attributed through its cart: the admin's cart for the order names the ad.
      const forOrder = (await api.get(`/admin/whatsapp/carts?order_id=${linked.order_id}`, admin)).data.carts
      expect(forOrder).toEqual([expect.objectContaining({ id: cart.id, referral_source_id: "120226305854810999", referral: expect.objectContaining({ headline: "Winter sale" }) })])

      const { data: orders } = await getContainer().resolve("query").graph({ entity: "order", fields: ["id", "total", "currency_code"], filters: { id: linked.order_id } })
      const stats = (await api.get(`/admin/whatsapp/stats`, admin)).data
      expect(stats.by_ad).toEqual([
        {
          source_id: "120226305854810999",
          source_type: "ad",
          headline: "Winter sale",
          source_url: "https://fb.me/120226305854810999",
          carts: 1,
          paid: 0,
          orders: 1,
          revenue: [{ currency_code: orders[0].currency_code, total: Number(orders[0].total) }],
        },
      ])
      expect(Number(orders[0].total)).toBeGreaterThan(39.8 - 0.001) // 2 × 19.90 plus delivery, as Medusa computed it
    })
  },
})

jest.setTimeout(180_000)
