import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import type { CatalogFixture } from "../helpers/catalog-fixtures"
import { ADDRESS, Browser, submitCheckout } from "../helpers/checkout-browser"
import { PROVIDERS, sendWhatsAppCart, usePublicPort, createWhatsAppShop } from "../helpers/checkout-fixtures"
import { ORDER_UPDATE_TEMPLATE, TEST_ACCOUNT, useSandbox, waitFor } from "../helpers/whatsapp"

const cwd = path.join(__dirname, "../host")
const CATALOG_ID = "200000000000037"
const fake = useSandbox({
  accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID }],
  sendStatuses: false,
  pollsBeforeFinished: 1,
  templates: [ORDER_UPDATE_TEMPLATE],
})
usePublicPort()

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    const messages = () => fake.sandbox.state.messages
    const texts = (waId: string) => messages().filter((m: any) => m.to === waId).map((m: any) => m.body.text?.body ?? "")
    let fixture: CatalogFixture
    let admin: { headers: Record<string, string> }
    let variants: any[]
    let shippingOptionId: string
    let accountId: string

    beforeEach(async () => {
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      ;({ admin, fixture, variants, shippingOptionId, accountId } = await createWhatsAppShop(api, getContainer(), CATALOG_ID, [
        { title: "Sudadera", sizes: ["M"], colors: ["Gris"], price: 35, image: true },
      ]))
    })

    /** A WhatsApp customer buys one item with a manual payment; returns the order. */
    async function whatsappOrder(waId: string) {
      const cart = await sendWhatsAppCart(api.defaults.baseURL!, messages, rows, {
        waId,
        name: "Marta",
        catalogId: CATALOG_ID,
        items: [{ id: variants[0].id, quantity: 1, price: 35 }],
      })
      await submitCheckout(new Browser(api.defaults.baseURL!), cart.checkoutPath, shippingOptionId, PROVIDERS.manual)
      const [row] = await waitFor(async () => {
        const found = await rows(`select order_id, conversation_id from whatsapp_cart where id = ?`, [cart.id])
        return found[0]?.order_id && found
      }, { what: "the order" })
      // The "placed" update is recorded before the dispatcher sends it; the
      // tests below change the conversation, so they start once it has left.
      await waitFor(async () => texts(waId).some((t: string) => t.startsWith("✅ Pedido #")), { what: `the placed update to ${waId}` })
      return { orderId: row.order_id as string, conversationId: row.conversation_id as string }
    }

    /** The same purchase through Medusa's Store API, as a storefront makes it. */
    async function storefrontOrder() {
      const { data: key } = await api.post("/admin/api-keys", { title: "Storefront", type: "publishable" }, admin)
      await api.post(`/admin/api-keys/${key.api_key.id}/sales-channels`, { add: [fixture.salesChannelId] }, admin)
      const store = { headers: { "x-publishable-api-key": key.api_key.token } }
      const { phone, email, ...address } = ADDRESS
      const { data } = await api.post(
        "/store/carts",
        { region_id: fixture.regionId, email, shipping_address: { ...address, phone }, items: [{ variant_id: variants[0].id, quantity: 1 }] },
        store
      )
      const cartId = data.cart.id
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: shippingOptionId }, store)
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, store)
      await api.post(`/store/payment-collections/${collection.payment_collection.id}/payment-sessions`, { provider_id: PROVIDERS.manual }, store)
      const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
      expect(completed.type).toBe("order")
      return completed.order.id as string
    }

    /** Admin POST that fails with Medusa's message rather than a bare status. */
    const post = (url: string, body: unknown) =>
      api.post(url, body, admin).catch((e: any) => {
        throw new Error(`POST ${url} → ${e.response?.status}: ${JSON.stringify(e.response?.data)}`)
      })

    async function ship(orderId: string, trackingNumber: string) {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,*items`, admin)
      const items = data.order.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))
      const { data: fulfilled } = await post(`/admin/orders/${orderId}/fulfillments?fields=id,fulfillments.id`, { items, location_id: fixture.locationId })
      const fulfillmentId = fulfilled.order.fulfillments.at(-1).id
      await post(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/shipments`, {
        items,
        labels: [{ tracking_number: trackingNumber, tracking_url: `https://track.example/${trackingNumber}`, label_url: "https://track.example/label.pdf" }],
      })
      return fulfillmentId as string
    }

    const notifications = (orderId: string) =>
      rows(`select template, status, channel, "to" from notification where resource_id = ? and channel = 'whatsapp' order by created_at`, [orderId])

    it("tells a WhatsApp customer the order is placed, shipped with tracking and cancelled; a storefront customer gets nothing", async () => {
      const shipped = await whatsappOrder("34622200001")
      await waitFor(async () => texts("34622200001").find((t: string) => /Pedido #\d+ realizado/.test(t)), { what: "the placed update" })
      await ship(shipped.orderId, "1Z999AA1")
      const shipping = await waitFor(async () => texts("34622200001").find((t: string) => t.includes("en camino")), { what: "the shipped update" })
      expect(shipping).toContain("Seguimiento: 1Z999AA1\nhttps://track.example/1Z999AA1")

      const canceled = await whatsappOrder("34622200002")
      await api.post(`/admin/orders/${canceled.orderId}/cancel`, {}, admin)
      await waitFor(async () => texts("34622200002").find((t: string) => /ha sido cancelado/.test(t)), { what: "the cancelled update" })

      expect((await notifications(shipped.orderId)).map((n: any) => [n.template, n.status])).toEqual([
        ["whatsapp-order-placed", "success"],
        ["whatsapp-order-shipped", "success"],
      ])

      const before = messages().length
      const storefront = await storefrontOrder()
      await ship(storefront, "1Z999BB2")
      await api.post(`/admin/orders/${storefront}/cancel`, {}, admin).catch(() => null)
      await new Promise((r) => setTimeout(r, 1500))
      expect(messages().slice(before)).toEqual([])
      expect(await notifications(storefront)).toEqual([])
    })

    it("respects the merchant's switches and uses the template once the 24-hour window has closed", async () => {
      await api.post(`/admin/whatsapp/accounts/${accountId}`, { settings: { order_updates: { shipped: false } } }, admin)
      const order = await whatsappOrder("34622200003")
      await waitFor(async () => (await notifications(order.orderId)).length === 1, { what: "the placed update" })
      const before = messages().length
      await ship(order.orderId, "1Z999CC3")
      await new Promise((r) => setTimeout(r, 1500))
      expect(messages().slice(before)).toEqual([])
      expect((await notifications(order.orderId)).map((n: any) => n.template)).toEqual(["whatsapp-order-placed"])
      const { data } = await api.get(`/admin/whatsapp/accounts/${accountId}`, admin)
      expect(data.account.settings.order_updates).toEqual({ placed: true, paid: true, shipped: false, canceled: true })

      // The customer last wrote 30 hours ago: no template means a stored failure, a template is sent.
      const closed = await whatsappOrder("34622200004")
      await dbConnection.raw(`update whatsapp_conversation set last_inbound_at = now() - interval '30 hours' where id = ?`, [closed.conversationId])
      await api.post(`/admin/orders/${closed.orderId}/cancel`, {}, admin)
      const refused = await waitFor(
        async () => (await notifications(closed.orderId)).find((n: any) => n.template === "whatsapp-order-canceled" && n.status !== "pending"),
        { what: "the refused update" }
      )
      expect(refused.status).toBe("failure")

      await api.post(`/admin/whatsapp/accounts/${accountId}`, { settings: { order_update_template: { name: "order_update", language: "es", category: "UTILITY" } } }, admin)
      const templated = await whatsappOrder("34622200005")
      await dbConnection.raw(`update whatsapp_conversation set last_inbound_at = now() - interval '30 hours' where id = ?`, [templated.conversationId])
      await api.post(`/admin/orders/${templated.orderId}/cancel`, {}, admin)
      const sent = await waitFor(async () => messages().find((m: any) => m.to === "34622200005" && m.type === "template"), { what: "the template" })
      const { data: orderData } = await api.get(`/admin/orders/${templated.orderId}?fields=display_id`, admin)
      expect(sent.body.template).toEqual({
        name: "order_update",
        language: { code: "es" },
        components: [{ type: "body", parameters: [{ type: "text", text: `#${orderData.order.display_id}` }, { type: "text", text: "cancelado" }] }],
      })
    })
  },
})
