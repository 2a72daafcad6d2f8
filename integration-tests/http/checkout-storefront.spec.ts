import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createApiKeysWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/medusa/core-flows"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { createCommerceBasics, createProducts } from "../helpers/catalog-fixtures"
import { connectSyncedAccount, createCheckoutBasics, PROVIDERS, whatsappOrder } from "../helpers/checkout-fixtures"
import { postWebhook, TEST_ACCOUNT, useSandbox, waitFor } from "../helpers/whatsapp"

const cwd = path.join(__dirname, "../host")
const CATALOG_ID = "200000000000039"
const CUSTOMER = "34622233344"
const fake = useSandbox({ accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID }], sendStatuses: false, pollsBeforeFinished: 1 })

// The merchant's own storefront checks out instead of the hosted page.
beforeAll(() => {
  process.env.WHATSAPP_STOREFRONT_URL = "https://shop.example/es/checkout?cart_id={cart_id}&step=address"
})
afterAll(() => {
  delete process.env.WHATSAPP_STOREFRONT_URL
})

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows

    it("links the storefront's checkout with the same Medusa cart, and an order placed there is confirmed in the chat", async () => {
      const container = getContainer()
      const admin = await createAdminHeaders(container)
      const fixture = await createCommerceBasics(container)
      const { variants } = await createProducts(container, fixture, [{ title: "Gorra", sizes: ["U"], colors: ["Negro"], price: 15 }])
      const { shippingOptionId } = await createCheckoutBasics(container, fixture)
      const {
        result: [key],
      } = await createApiKeysWorkflow(container).run({ input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "" }] } })
      await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [fixture.salesChannelId] } })
      await connectSyncedAccount(api, container, admin, fixture, CATALOG_ID)

      await postWebhook(api.defaults.baseURL!, whatsappOrder({ wa_id: CUSTOMER, name: "Marta" }, CATALOG_ID, [{ id: variants[0].id, quantity: 2, price: 15 }]))
      const summary = await waitFor(async () => fake.sandbox.state.messages.find((m: any) => m.to === CUSTOMER && m.body.interactive?.type === "cta_url"))
      const [row] = await rows(`select id, cart_id from whatsapp_cart`)
      expect(summary.body.interactive.action.parameters.url).toBe(`https://shop.example/es/checkout?cart_id=${row.cart_id}&step=address`)

      // What the storefront does with that id, through the Store API and the storefront's own key.
      const store = { headers: { "x-publishable-api-key": key.token } }
      const { data: fetched } = await api.get(`/store/carts/${row.cart_id}`, store)
      expect(fetched.cart.items).toEqual([expect.objectContaining({ variant_id: variants[0].id, quantity: 2 })])
      await api.post(
        `/store/carts/${row.cart_id}`,
        {
          email: "marta@example.com",
          shipping_address: { first_name: "Marta", last_name: "Gil", address_1: "Gran Vía 1", city: "Madrid", postal_code: "28013", country_code: "es" },
        },
        store
      )
      await api.post(`/store/carts/${row.cart_id}/shipping-methods`, { option_id: shippingOptionId }, store)
      await api.post(`/store/payment-collections/${fetched.cart.payment_collection.id}/payment-sessions`, { provider_id: PROVIDERS.manual }, store)
      const { data: completed } = await api.post(`/store/carts/${row.cart_id}/complete`, {}, store)
      expect(completed.type).toBe("order")

      const [linked] = await waitFor(async () => {
        const found = await rows(`select status, order_id from whatsapp_cart where id = ?`, [row.id])
        return found[0]?.order_id && found
      })
      expect(linked).toEqual({ status: "ordered", order_id: completed.order.id })
      const confirmation = await waitFor(async () =>
        fake.sandbox.state.messages.find((m: any) => m.to === CUSTOMER && /Pedido #\d+ realizado/.test(m.body.text?.body ?? ""))
      )
      expect(confirmation.body.text.body).toContain("2 × Gorra")
    })
  },
})
