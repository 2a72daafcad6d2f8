import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { ADDRESS, Browser, csrfOf } from "../helpers/checkout-browser"
import { PROVIDERS, sendWhatsAppCart, usePublicPort, createWhatsAppShop, whatsappOrder } from "../helpers/checkout-fixtures"
import { postWebhook, TEST_ACCOUNT, useSandbox, waitFor } from "../helpers/whatsapp"

const cwd = path.join(__dirname, "../host")
const CATALOG_ID = "200000000000071"
const fake = useSandbox({ accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID }], sendStatuses: false, pollsBeforeFinished: 1 })
usePublicPort()

// The handlers as the running plugin loaded them (its build), so their workflows are the registered ones.
const built = (file: string) => require(path.resolve(__dirname, "../../.medusa/server/src/workflows/automations/actions", file)).handler
const { formatMoney } = require(path.resolve(__dirname, "../../.medusa/server/src/lib/chat-format.js"))

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    const messages = () => fake.sandbox.state.messages
    const bodies = (waId: string) => messages().filter((m: any) => m.to === waId).map((m: any) => m.body.text?.body ?? m.body.interactive?.body?.text ?? "")
    let admin: { headers: Record<string, string> }
    let variants: any[]
    let accountId: string
    let locationId: string

    beforeEach(async () => {
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      let fixture: any
      ;({ admin, variants, accountId, fixture } = await createWhatsAppShop(api, getContainer(), CATALOG_ID, [
        { title: "Sudadera", sizes: ["M"], colors: ["Gris"], price: 35, stock: 5 },
      ]))
      locationId = fixture.locationId
    })

    const settings = (patch: Record<string, unknown>) => api.post(`/admin/whatsapp/accounts/${accountId}`, { settings: patch }, admin)
    const submit = (waId: string) => postWebhook(api.defaults.baseURL!, whatsappOrder({ wa_id: waId, name: "Marta" }, CATALOG_ID, [{ id: variants[0].id, quantity: 2, price: 35 }]))
    /** A cart sent by an account without order on submit: the usual checkout link. */
    const cartWithLink = (waId: string) =>
      sendWhatsAppCart(api.defaults.baseURL!, messages, rows, { waId, name: "Marta", catalogId: CATALOG_ID, items: [{ id: variants[0].id, quantity: 1, price: 35 }] })
    const cartOf = async (waId: string) =>
      waitFor(async () => (await rows(`select w.* from whatsapp_cart w join whatsapp_conversation c on c.id = w.conversation_id where c.wa_id = ? and w.order_id is not null`, [waId]))[0], {
        what: `the order of ${waId}`,
      })
    const orderOf = async (orderId: string) => {
      const query = getContainer().resolve("query")
      const { data } = await query.graph({
        entity: "order",
        fields: ["id", "display_id", "total", "shipping_methods.id", "payment_collections.payments.provider_id", "payment_collections.payments.captured_at"],
        filters: { id: orderId },
      })
      return data[0] as any
    }

    /** What an automation run hands a handler, built here as the engine would. */
    const context = (event: Record<string, unknown>) => ({
      container: getContainer(),
      rule: {
        id: "rule_test",
        name: "test",
        enabled: true,
        account_id: null,
        trigger: { type: "cart_submitted" },
        conditions: [],
        delay_minutes: 0,
        actions: [],
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      },
      run: { id: "run_test", trigger_key: "key_test", attempts: 1 },
      event: { type: "cart_submitted", key: "key_test", account_id: accountId, conversation_id: null, occurred_at: new Date().toISOString(), ...event },
      variables: {},
      now: new Date(),
    })

    it("with order_on_submit, places a cash-on-delivery order at submit, confirms it, and leaves mark as paid for later", async () => {
      expect((await settings({ order_on_submit: "on" })).data.account.settings).toMatchObject({ order_on_submit: "on", ask_address_in_chat: false })
      expect((await settings({ order_on_submit: "maybe" }).catch((e) => e.response)).status).toBe(400)
      await submit("34600000701")
      const cart = await cartOf("34600000701")
      expect(cart.status).toBe("ordered")

      const order = await orderOf(cart.order_id)
      expect(order.shipping_methods).toHaveLength(1)
      const [payment] = order.payment_collections.flatMap((c: any) => c.payments)
      expect(payment).toMatchObject({ provider_id: PROVIDERS.manual, captured_at: null })

      // The summary says an order is coming (no payment link), then the confirmation with the order number.
      await waitFor(async () => bodies("34600000701").some((b: string) => b.startsWith(`✅ Pedido #${order.display_id}`)), { what: "the order confirmation" })
      const sent = messages().filter((m: any) => m.to === "34600000701")
      expect(sent[0].body.type).toBe("text")
      expect(bodies("34600000701")[0]).toContain("Estamos creando tu pedido, con pago contra entrega")
      // No address asked for: the account did not choose it.
      expect(bodies("34600000701").some((b: string) => b.includes("necesitamos tu dirección"))).toBe(false)

      const paid = await api.post(`/admin/whatsapp/carts/${cart.id}/mark-paid`, {}, admin)
      expect(paid.data).toMatchObject({ order_id: cart.order_id, already_paid: false })
      expect((await rows(`select status from whatsapp_cart where id = ?`, [cart.id]))[0].status).toBe("paid")
      const [captured] = (await orderOf(cart.order_id)).payment_collections.flatMap((c: any) => c.payments)
      expect(captured.captured_at).not.toBeNull()
    })

    it("asks for the address in the chat and hands the conversation to a person when the account says so", async () => {
      await settings({ order_on_submit: "on", ask_address_in_chat: true })
      await submit("34600000702")
      const cart = await cartOf("34600000702")
      await waitFor(async () => bodies("34600000702").some((b: string) => b.startsWith("Para enviarte el pedido necesitamos tu dirección")), {
        what: "the address request",
      })
      // The address is asked in the chat: the confirmation carries no delivery-details link.
      await waitFor(async () => bodies("34600000702").some((b: string) => b.startsWith("✅ Pedido #")), { what: "the order confirmation" })
      expect(messages().filter((m: any) => m.to === "34600000702").some((m: any) => m.body.interactive?.type === "cta_url")).toBe(false)
      const [conversation] = await rows(`select handoff_reason, handoff_at from whatsapp_conversation where id = ?`, [cart.conversation_id])
      expect(conversation.handoff_reason).toBe("address_needed")
      expect(conversation.handoff_at).not.toBeNull()
      const flagged = await api.get(`/admin/whatsapp/conversations?handoff=true`, admin)
      expect(flagged.data.conversations.map((c: any) => c.handoff_reason)).toEqual(["address_needed"])
    })

    it("without the address in the chat, the confirmation's delivery link saves name, address and contact onto Medusa's order", async () => {
      await settings({ order_on_submit: "on" })
      await submit("34600000705")
      const cart = await cartOf("34600000705")
      const confirmation = await waitFor(
        async () => messages().find((m: any) => m.to === "34600000705" && m.body.interactive?.type === "cta_url"),
        { what: "the confirmation with the delivery link" }
      )
      expect(confirmation.body.interactive.body.text).toMatch(/^✅ Pedido #\d+/)
      expect(confirmation.body.interactive.body.text).toContain("Pulsa el botón para indicarnos dónde entregarlo.")
      expect(confirmation.body.interactive.action.parameters.display_text).toBe("Datos de entrega")
      const link = new URL(confirmation.body.interactive.action.parameters.url).pathname
      expect(link).toMatch(/^\/whatsapp\/checkout\/delivery\/[^/]+$/)

      const adminOrder = async () =>
        (await api.get(`/admin/orders/${cart.order_id}?fields=id,display_id,total,currency_code,email,*shipping_address`, admin)).data.order
      const before = await adminOrder()
      const browser = new Browser(api.defaults.baseURL!)
      const page = await browser.get(link)
      expect(page.status).toBe(200)
      expect(page.path).toBe(`/whatsapp/checkout/delivery/s/${cart.id}`)
      // Money shown is Medusa's order total.
      expect(page.html).toContain(`id="total">${formatMoney(Number(before.total), before.currency_code, "es")}<`)
      expect(page.html).toContain(`Pedido #${before.display_id}`)

      // Invalid details: the form again with the errors, nothing saved.
      const country = before.shipping_address?.country_code ?? ADDRESS.country_code
      const bad = await browser.post(page.path, { _csrf: csrfOf(page.html), ...ADDRESS, country_code: country, address_1: "", email: "no-es-un-correo" })
      expect(bad.status).toBe(422)
      expect(bad.html).toContain("Obligatorio")
      expect(bad.html).toContain("Escribe un correo válido")
      expect((await adminOrder()).shipping_address?.address_1 ?? null).toBeNull()

      const saved = await browser.post(page.path, { _csrf: csrfOf(bad.html), ...ADDRESS, country_code: country })
      expect(saved.status).toBe(200)
      expect(saved.html).toContain("¡Gracias!")
      const after = await adminOrder()
      expect(after.email).toBe(ADDRESS.email)
      expect(after.shipping_address).toMatchObject({
        first_name: ADDRESS.first_name,
        last_name: ADDRESS.last_name,
        address_1: ADDRESS.address_1,
        city: ADDRESS.city,
        postal_code: ADDRESS.postal_code,
        country_code: country,
        phone: ADDRESS.phone,
      })
      await waitFor(async () => bodies("34600000705").some((b: string) => b.startsWith(`📦 ¡Gracias! Enviaremos el pedido #${before.display_id} a:`) && b.includes(ADDRESS.address_1)), {
        what: "the delivery details confirmation",
      })
      // The link works again to view and change the details.
      const reopened = await browser.get(link)
      expect(reopened.status).toBe(200)
      expect(reopened.html).toContain(`value="${ADDRESS.address_1}"`)
      // Once the order ships the page is read-only: the address, no form; a post changes nothing.
      const items = (await api.get(`/admin/orders/${cart.order_id}?fields=id,*items`, admin)).data.order.items
      await api.post(`/admin/orders/${cart.order_id}/fulfillments`, { items: items.map((i: any) => ({ id: i.id, quantity: i.quantity })), location_id: locationId }, admin).catch((e: any) => {
        throw new Error(`fulfillment → ${e.response?.status}: ${JSON.stringify(e.response?.data)}`)
      })
      const shipped = await browser.get(link)
      expect(shipped.status).toBe(200)
      expect(shipped.html).not.toContain("<form")
      expect(shipped.html).toContain("ya no se puede cambiar aquí")
      const late = await browser.post(page.path, { _csrf: csrfOf(reopened.html), ...ADDRESS, country_code: country, address_1: "Otra calle 1" })
      expect(late.status).toBe(409)
      expect((await adminOrder()).shipping_address.address_1).toBe(ADDRESS.address_1)

      // A checkout link's token opens no delivery page, and a delivery token no checkout page.
      const whatsapp = getContainer().resolve("whatsapp") as any
      const checkoutToken = new URL(whatsapp.checkoutLink(cart.id, cart.cart_id, new Date(Date.now() + 3_600_000))).pathname.split("/").pop()
      const forged = await new Browser(api.defaults.baseURL!).get(`/whatsapp/checkout/delivery/${checkoutToken}`)
      expect(forged.status).toBe(404)
      // A token that proves nothing names no cart, so no language either (as on the checkout link).
      expect(forged.html).toContain("This link doesn&#39;t work")
      expect((await new Browser(api.defaults.baseURL!).get(`/whatsapp/checkout/${link.split("/").pop()}`)).status).toBe(404)
      // Expired: a clear page, no form.
      const expired = await new Browser(api.defaults.baseURL!).get(new URL(whatsapp.deliveryLink(cart.id, new Date(Date.now() - 1000))).pathname)
      expect(expired.status).toBe(410)
      expect(expired.html).toContain("Este enlace ha caducado")
      expect(expired.html).not.toContain("_csrf")
    })

    it("create_order and mark_order_paid handlers: an order now, once; paid once; clear failures", async () => {
      // The account sends links as usual; the automation makes the order.
      const sent = await cartWithLink("34600000703")
      const createOrder = built("create-order.js")
      const markOrderPaid = built("mark-order-paid.js")

      const early = await markOrderPaid({ type: "mark_order_paid" }, context({ whatsapp_cart_id: sent.id }))
      expect(early).toMatchObject({ status: "failed" })
      expect(early.detail).toContain("no order yet")

      const first = await createOrder({ type: "create_order" }, context({ cart_id: sent.cart_id, conversation_id: sent.conversation_id }))
      expect(first.status).toBe("done")
      expect(first.detail).toMatch(/^order #\d+ created \(manual payment\)$/)
      const [row] = await rows(`select order_id, status from whatsapp_cart where id = ?`, [sent.id])
      expect(row.status).toBe("ordered")
      expect(first.variables).toEqual({ order_id: row.order_id, order_display_id: String((await orderOf(row.order_id)).display_id) })

      const again = await createOrder({ type: "create_order" }, context({ whatsapp_cart_id: sent.id }))
      expect(again).toMatchObject({ status: "done", variables: { order_id: row.order_id } })
      expect(again.detail).toContain("already existed")
      expect(await rows(`select id from "order" where id in (select order_id from order_cart where cart_id = ?)`, [sent.cart_id])).toHaveLength(1)

      expect(await markOrderPaid({ type: "mark_order_paid" }, context({ order_id: row.order_id }))).toMatchObject({ status: "done", detail: "marked paid" })
      expect(await markOrderPaid({ type: "mark_order_paid" }, context({ order_id: row.order_id }))).toMatchObject({ status: "done", detail: "already paid" })
      expect((await rows(`select status from whatsapp_cart where id = ?`, [sent.id]))[0].status).toBe("paid")

      expect(await createOrder({ type: "create_order" }, context({}))).toMatchObject({ status: "failed", detail: "the event names no WhatsApp cart to order" })
      expect(await markOrderPaid({ type: "mark_order_paid" }, context({ order_id: "order_unknown" }))).toMatchObject({ status: "failed" })
    })

    it("assign_conversation handler: assigns to an admin user, refuses an unknown one for good, skips without a conversation", async () => {
      const luis = await createAdminHeaders(getContainer(), "luis@test.local")
      const sent = await cartWithLink("34600000704")
      const assign = built("assign-conversation.js")
      const event = { conversation_id: sent.conversation_id }
      expect(await assign({ type: "assign_conversation", user_id: luis.user.id }, context(event))).toEqual({ status: "done", detail: `assigned to ${luis.user.id}` })
      expect(await assign({ type: "assign_conversation", user_id: luis.user.id }, context(event))).toEqual({ status: "done", detail: `already assigned to ${luis.user.id}` })
      const mine = await api.get(`/admin/whatsapp/conversations?assigned=me`, luis)
      expect(mine.data.conversations.map((c: any) => c.id)).toEqual([sent.conversation_id])

      const unknown = await assign({ type: "assign_conversation", user_id: "user_gone" }, context(event))
      expect(unknown).toMatchObject({ status: "failed", retryable: false })
      expect(unknown.detail).toContain("no admin user user_gone")
      expect((await rows(`select assigned_to_id from whatsapp_conversation where id = ?`, [sent.conversation_id]))[0].assigned_to_id).toBe(luis.user.id)
      expect(await assign({ type: "assign_conversation", user_id: luis.user.id }, context({}))).toEqual({ status: "skipped", detail: "the event has no conversation to assign" })
    })
  },
})
