import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import path from "node:path"
import { Browser, submitCheckout } from "../helpers/checkout-browser"
import { createWhatsAppShop, PROVIDERS, sendWhatsAppCart, usePublicPort, WhatsAppShop } from "../helpers/checkout-fixtures"
import { createPublishableKey, registerStorefrontCustomer, StorefrontCustomer } from "../helpers/storefront"
import { postWebhook, TEST_ACCOUNT, textPayload, useSandbox, waitFor } from "../helpers/whatsapp"

/**
 * Issue 16.1: a WhatsApp sender proves only their WhatsApp identity. A
 * storefront account whose owner typed the sender's phone must not receive
 * the sender's orders nor prefill their checkout; a link is made only when
 * proven (created from WhatsApp, a one-time link in the chat opened while
 * logged in, an admin by hand).
 */
const cwd = path.join(__dirname, "../host")
const built = path.resolve(__dirname, "../../.medusa/server/src")
const CATALOG_ID = "200000000000049"
const SENDER = "34611122299"
const SENDER_E164 = `+${SENDER}`
const fake = useSandbox({ accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID }], sendStatuses: false, pollsBeforeFinished: 1 })
usePublicPort()

/** Someone who typed the sender's number on the storefront, with an address of their own from an earlier order. */
const CLAIMANT = { email: "claimant@example.com", first_name: "Mallory", last_name: "Ruiz", phone: SENDER_E164 }
const CLAIMANT_STREET = "Calle Falsa 123"

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    const base = () => api.defaults.baseURL!
    let shop: WhatsAppShop
    let publishableKey: string

    beforeEach(async () => {
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      shop = await createWhatsAppShop(api, getContainer(), CATALOG_ID, [{ title: "Camiseta Básica", sizes: ["M"], colors: ["Rojo"], price: 19.9 }])
      publishableKey = await createPublishableKey(getContainer(), shop.fixture.salesChannelId)
    })

    const sendCart = () =>
      sendWhatsAppCart(base(), () => fake.sandbox.state.messages, rows, {
        waId: SENDER,
        name: "Lucía Pérez",
        catalogId: CATALOG_ID,
        items: [{ id: shop.variants[0].id, quantity: 1, price: 19.9 }],
      })

    /** Pays the cart on the hosted page with the manual provider (the order is placed at once); returns the order id. */
    async function payCart(cart: { cart_id: string; checkoutPath: string }) {
      await submitCheckout(new Browser(base()), cart.checkoutPath, shop.shippingOptionId, PROVIDERS.manual)
      const [placed] = await waitFor(() => rows(`select order_id from order_cart where cart_id = ? and deleted_at is null`, [cart.cart_id]).then((r) => r.length && r), {
        what: "the order",
      })
      return placed.order_id as string
    }

    const storeOrders = async (customer: StorefrontCustomer) =>
      ((await api.get("/store/orders?limit=100", { headers: customer.headers })).data.orders as any[]).map((o) => o.id)

    /** The claimant registers with the sender's phone and has placed an order of their own (their address on file). */
    async function registerClaimant() {
      const claimant = await registerStorefrontCustomer(base(), publishableKey, CLAIMANT)
      const order = await getContainer()
        .resolve(Modules.ORDER)
        .createOrders({
          email: CLAIMANT.email,
          customer_id: claimant.id,
          region_id: shop.fixture.regionId,
          sales_channel_id: shop.fixture.salesChannelId,
          currency_code: "eur",
          shipping_address: { first_name: "Mallory", last_name: "Ruiz", address_1: CLAIMANT_STREET, city: "Sevilla", postal_code: "41001", country_code: "es" },
          items: [{ title: "Earlier purchase", quantity: 1, unit_price: 10 }],
        } as any)
      return { claimant, ownOrderId: (order as any).id as string }
    }

    const conversationLink = async () =>
      (
        await rows(
          `select id, customer_id, customer_link_method, customer_linked_by, customer_linked_at from whatsapp_conversation where wa_id = ?`,
          [SENDER]
        )
      )[0]

    /** The link the sandbox received for the sender, and the token in its fragment. */
    async function linkSentToSender(before: number) {
      const message = await waitFor(
        () => fake.sandbox.state.messages.slice(before).find((m: any) => m.to === SENDER && /account\/whatsapp#token=/.test(m.body.text?.body ?? "")),
        { what: "the phone-link message" }
      )
      const url = /https?:\/\/\S+/.exec(message.body.text.body)![0]
      return decodeURIComponent(new URL(url).hash.replace(/^#token=/, ""))
    }

    const confirm = (token: string, headers: Record<string, string>) =>
      api.post("/store/whatsapp/link-phone/confirm", { token }, { headers, validateStatus: () => true })

    it("never gives a WhatsApp customer's orders or checkout to a storefront account that typed their phone", async () => {
      const { claimant, ownOrderId } = await registerClaimant()

      const cart = await sendCart()
      const page = await new Browser(base()).get(cart.checkoutPath)
      expect(page.status).toBe(200)
      expect(page.html).not.toContain(CLAIMANT.email)
      expect(page.html).not.toContain(CLAIMANT_STREET)
      expect(page.html).toContain(`value="${SENDER_E164}"`) // the sender's own number, from WhatsApp

      const orderId = await payCart(cart)
      const claimantOrders = await storeOrders(claimant)
      expect(claimantOrders).toContain(ownOrderId) // the claimant's list is read, and it holds their own order…
      expect(claimantOrders).not.toContain(orderId) // …but not the sender's

      // The conversation is linked to a guest customer created from WhatsApp for this sender, and says so.
      const link = await conversationLink()
      expect(link).toMatchObject({ customer_link_method: "whatsapp_created" })
      const [created] = await rows(`select has_account, phone, metadata from customer where id = ?`, [link.customer_id])
      expect(created).toMatchObject({ has_account: false, phone: SENDER_E164, metadata: expect.objectContaining({ source: "whatsapp" }) })
    })

    it("links a storefront account that proves the number through a one-time link in the chat, and only that one", async () => {
      const owner = await registerStorefrontCustomer(base(), publishableKey, { email: "lucia@example.com", first_name: "Lucía", last_name: "Pérez", phone: SENDER_E164 })
      const { claimant } = await registerClaimant()
      // The sender writes first: the link can only go into an open 24-hour window.
      await postWebhook(base(), textPayload({ from: SENDER, text: "hola", name: "Lucía Pérez" }))
      await waitFor(async () => (await conversationLink())?.id, { what: "the conversation" })

      const before = fake.sandbox.state.messages.length
      const requested = await api.post("/store/whatsapp/link-phone", {}, { headers: owner.headers })
      expect(requested.status).toBe(202)
      const token = await linkSentToSender(before)
      expect(await rows(`select token_hash from whatsapp_phone_link where token_hash = ?`, [token])).toHaveLength(0) // hashed at rest

      // The token alone, or in another customer's hands, proves nothing (and is not used up by them).
      expect((await api.post("/store/whatsapp/link-phone/confirm", { token }, { headers: { "x-publishable-api-key": publishableKey }, validateStatus: () => true })).status).toBe(401)
      expect((await confirm(token, claimant.headers)).status).toBe(400)
      expect((await conversationLink()).customer_link_method).toBeNull()

      const confirmed = await confirm(token, owner.headers)
      expect(confirmed.status).toBe(200)
      expect(await conversationLink()).toMatchObject({ customer_id: owner.id, customer_link_method: "verified_by_customer", customer_linked_by: owner.id })
      expect((await confirm(token, owner.headers)).status).toBe(400) // single use

      // The next WhatsApp order is the proven customer's, and their checkout is theirs to prefill.
      const cart = await sendCart()
      const page = await new Browser(base()).get(cart.checkoutPath)
      expect(page.html).toContain(owner.email)
      const orderId = await payCart(cart)
      expect(await storeOrders(owner)).toContain(orderId)
      expect(await storeOrders(claimant)).not.toContain(orderId)

      // An expired link is refused too.
      const again = fake.sandbox.state.messages.length
      await api.post("/store/whatsapp/link-phone", {}, { headers: owner.headers })
      const late = await linkSentToSender(again)
      await rows(`update whatsapp_phone_link set expires_at = now() - interval '1 second' where used_at is null`)
      expect((await confirm(late, owner.headers)).status).toBe(400)
    })

    it("lets an admin link and unlink by hand, recording who and when; the link is then used for carts", async () => {
      const { claimant } = await registerClaimant()
      await postWebhook(base(), textPayload({ from: SENDER, text: "hola" }))
      const conversation = await waitFor(() => conversationLink(), { what: "the conversation" })

      expect((await api.post(`/admin/whatsapp/conversations/${conversation.id}/customer`, { customer_id: claimant.id }, { validateStatus: () => true })).status).toBe(401)
      expect(
        (await api.post(`/admin/whatsapp/conversations/${conversation.id}/customer`, { customer_id: "cus_nope" }, { ...shop.admin, validateStatus: () => true })).status
      ).toBe(404)

      const startedAt = Date.now()
      const { data } = await api.post(`/admin/whatsapp/conversations/${conversation.id}/customer`, { customer_id: claimant.id }, shop.admin)
      expect(data.conversation).toMatchObject({ customer_id: claimant.id, customer_link_method: "linked_by_admin", customer_linked_by: (shop.admin as any).user.id })
      expect(new Date(data.conversation.customer_linked_at).getTime()).toBeGreaterThanOrEqual(startedAt - 1000)

      const cart = await sendCart()
      expect((await rows(`select customer_id from cart where id = ?`, [cart.cart_id]))[0].customer_id).toBe(claimant.id)

      const { data: unlinked } = await api.delete(`/admin/whatsapp/conversations/${conversation.id}/customer`, shop.admin)
      expect(unlinked.conversation).toMatchObject({ customer_id: null, customer_link_method: null })
    })

    it("upgrades: existing phone-matched links become unverified and unused, ours are proven, open carts lose a foreign customer", async () => {
      const { claimant } = await registerClaimant()
      const cart = await sendCart()
      const { id: conversationId, customer_id: guestId } = await conversationLink()
      // As a store running the old code left it: the conversation and its open cart on the storefront account.
      await rows(`update whatsapp_conversation set customer_id = ?, customer_link_method = null where id = ?`, [claimant.id, conversationId])
      await rows(`update whatsapp_cart set customer_id = ? where cart_id = ?`, [claimant.id, cart.cart_id])
      await rows(`update cart set customer_id = ?, email = ? where id = ?`, [claimant.id, CLAIMANT.email, cart.cart_id])
      // A second conversation (another business number) linked by the old code to a guest we created for it.
      await rows(
        `insert into whatsapp_conversation (id, account_id, wa_id, customer_id, created_at, updated_at)
         select 'waconv_legacy', account_id, ?, ?, now(), now() from whatsapp_conversation where id = ?`,
        ["34600000777", guestId, conversationId]
      )
      await rows(`update customer set phone = '+34600000777' where id = ?`, [guestId])

      const { Migration20261206041852 } = require(path.join(built, "modules/whatsapp/migrations/Migration20261206041852.js"))
      const statements: string[] = []
      const migration = Object.assign(Object.create(Migration20261206041852.prototype), { addSql: (sql: string) => statements.push(sql) })
      await migration.up()
      for (const sql of statements) await rows(sql)
      expect((await rows(`select customer_link_method from whatsapp_conversation where id = ?`, [conversationId]))[0].customer_link_method).toBe("unverified")

      const { default: proveLinks } = require(path.join(built, "migration-scripts/prove-whatsapp-customer-links.js"))
      await proveLinks({ container: getContainer() })
      const links = await rows(`select id, customer_id, customer_link_method from whatsapp_conversation order by id`)
      expect(links).toEqual(
        expect.arrayContaining([
          { id: conversationId, customer_id: claimant.id, customer_link_method: "unverified" },
          { id: "waconv_legacy", customer_id: guestId, customer_link_method: "whatsapp_created" },
        ])
      )
      expect((await rows(`select customer_id, email from cart where id = ?`, [cart.cart_id]))[0]).toEqual({ customer_id: null, email: null })

      // The unverified link is treated as none: the page shows nothing of the claimant, the next cart gets a fresh guest.
      const page = await new Browser(base()).get(cart.checkoutPath)
      expect(page.html).not.toContain(CLAIMANT.email)
      const next = await sendCart()
      const [customer] = await rows(`select c.id, c.has_account from cart k join customer c on c.id = k.customer_id where k.id = ?`, [next.cart_id])
      expect(customer.has_account).toBe(false)
      expect(customer.id).not.toBe(claimant.id)
    })
  },
})
