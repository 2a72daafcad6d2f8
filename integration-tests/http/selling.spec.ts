import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import {
  createCollectionsWorkflow,
  updateProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { CatalogFixture, createCommerceBasics, createProducts } from "../helpers/catalog-fixtures"
import { envelope, postWebhook, productQuestionPayload, TEST_ACCOUNT, textPayload, useSandbox, waitFor, wamid, recordEvents } from "../helpers/whatsapp"

const cwd = path.join(__dirname, "../host")
const built = path.resolve(__dirname, "../../.medusa/server/src")
const CATALOG_ID = "200000000000019"
const CUSTOMER = "34612345678"
const fake = useSandbox({ accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID }], sendStatuses: false, pollsBeforeFinished: 1 })
const sandbox = fake.sandbox

/** A message from the test customer, as Meta delivers it. */
function customerMessage(message: Record<string, unknown>, id = wamid()) {
  return envelope({
    contacts: [{ profile: { name: "Ana López" }, wa_id: CUSTOMER }],
    messages: [{ from: CUSTOMER, id, timestamp: String(Math.floor(Date.now() / 1000)), ...message }],
  })
}

function orderPayload(items: { id: string; quantity: number; price: number; currency?: string }[], id = wamid()) {
  const product_items = items.map((i) => ({ product_retailer_id: i.id, quantity: i.quantity, item_price: i.price, currency: i.currency ?? "EUR" }))
  return customerMessage({ type: "order", order: { catalog_id: CATALOG_ID, text: "", product_items } }, id)
}

function inquiryPayload(retailerId: string, text: string, id = wamid()) {
  return productQuestionPayload({ from: CUSTOMER, name: "Ana López", catalogId: CATALOG_ID, retailerId, text, id })
}

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const { syncWhatsAppCatalogWorkflow } = require(path.join(built, "workflows/catalog/workflows/sync-whatsapp-catalog.js"))
    const { createCartFromWhatsAppOrderWorkflow } = require(path.join(built, "workflows/selling/workflows/create-cart-from-whatsapp-order.js"))
    let fixture: CatalogFixture
    let accountId: string
    let admin: { headers: Record<string, string> }
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    // Intl puts no-break spaces in prices ("19,90 €"); plain spaces keep the expectations readable.
    const plain = (m: any) => JSON.parse(JSON.stringify(m).replace(/[\u00a0\u202f]/g, " "))
    const sentTo = () => sandbox.state.messages.filter((m: any) => m.to === CUSTOMER).map(plain)
    const sync = () => syncWhatsAppCatalogWorkflow(getContainer()).run({ input: { account_id: accountId } })
    const events = recordEvents(getContainer, ["whatsapp.cart.submitted", "whatsapp.product_inquiry.received"])
    const waitForMessages = (n: number) =>
      waitFor(async () => sentTo().length >= n && sentTo(), { what: `${n} message(s) to the customer`, timeoutMs: 20_000 })

    beforeEach(async () => {
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      admin = await createAdminHeaders(getContainer())
      fixture = await createCommerceBasics(getContainer())
      const { data } = await api.post(
        "/admin/whatsapp/accounts",
        { ...TEST_ACCOUNT, catalog_id: CATALOG_ID, region_id: fixture.regionId, sales_channel_id: fixture.salesChannelId, language: "es" },
        admin
      )
      accountId = data.account.id
      // The app seeds search indexes at start; each test begins from a restored database, so build it again.
      await getContainer().resolve(Modules.SEARCH).reindex({ index: "whatsapp_product" })
    })

    async function conversationWithCustomer() {
      await postWebhook(api.defaults.baseURL!, textPayload({ from: CUSTOMER, text: "hola", name: "Ana López" }))
      const [conversation] = await waitFor(async () => {
        const found = await rows(`select id from whatsapp_conversation where wa_id = ?`, [CUSTOMER])
        return found.length && found
      })
      return conversation.id as string
    }

    describe("sending products", () => {
      it("sends one variant as a product card, several as lists with one section per product, split at Meta's limits", async () => {
        const { variants, products } = await createProducts(getContainer(), fixture, [
          { title: "Camiseta Básica", sizes: ["S", "M"], colors: ["Rojo", "Azul"], price: 19.9 },
          { title: "Sudadera", sizes: ["M", "L"], colors: ["Gris"], price: 40 },
          { title: "Calcetín Arcoíris", sizes: ["XS", "S", "M", "L", "XL", "XXL", "3XL"], colors: ["Rojo", "Azul", "Verde", "Negro", "Blanco"], price: 5 },
        ])
        await sync()
        await api.post(`/admin/whatsapp/accounts/${accountId}`, { settings: { text_auto_reply: false } }, admin)
        const conversationId = await conversationWithCustomer()

        const one = await api.post(`/admin/whatsapp/conversations/${conversationId}/products`, { variant_ids: [variants[0].id] }, admin)
        expect(one.status).toBe(202)
        expect(one.data.message_ids).toHaveLength(1)
        const [card] = await waitForMessages(1)
        expect(card.body.interactive).toMatchObject({ type: "product", action: { catalog_id: CATALOG_ID, product_retailer_id: variants[0].id } })

        const list = await api.post(
          `/admin/whatsapp/conversations/${conversationId}/products`,
          { product_ids: [products[0].id, products[1].id] },
          admin
        )
        expect(list.data.sent_variant_ids).toHaveLength(6)
        const [, listMessage] = await waitForMessages(2)
        const interactive = listMessage.body.interactive
        expect(interactive.type).toBe("product_list")
        expect(interactive.header.text).toBe("Nuestros productos")
        expect(interactive.action.sections.map((s: any) => [s.title, s.product_items.length])).toEqual([
          ["Camiseta Básica", 4],
          ["Sudadera", 2],
        ])

        // 35 variants of one product: 30 in the first list, 5 in the second.
        const split = await api.post(`/admin/whatsapp/conversations/${conversationId}/products`, { product_ids: [products[2].id] }, admin)
        expect(split.data.message_ids).toHaveLength(2)
        const messages = await waitForMessages(4)
        const counts = messages.slice(2).map((m: any) => m.body.interactive.action.sections.reduce((n: number, s: any) => n + s.product_items.length, 0))
        expect(counts).toEqual([30, 5])
      })

      it("sends a collection's variants, the whole catalog, and reports unsynced variants", async () => {
        const { products, variants } = await createProducts(getContainer(), fixture, [
          { title: "Gorra", sizes: ["Única"], colors: ["Negro", "Blanco"], price: 12 },
          { title: "Bufanda", sizes: ["Única"], colors: ["Gris"], price: 18 },
        ])
        await sync()
        const { result: [collection] } = await createCollectionsWorkflow(getContainer()).run({ input: { collections: [{ title: "Invierno" }] } })
        await updateProductsWorkflow(getContainer()).run({ input: { selector: { id: [products[0].id, products[1].id] }, update: { collection_id: collection.id } } })
        const { variants: late } = await createProducts(getContainer(), fixture, [{ title: "Guantes", sizes: ["M"], colors: ["Negro"], price: 15 }])
        await api.post(`/admin/whatsapp/accounts/${accountId}`, { settings: { text_auto_reply: false } }, admin)
        const conversationId = await conversationWithCustomer()

        const sent = await api.post(`/admin/whatsapp/conversations/${conversationId}/products`, { collection_id: collection.id }, admin)
        expect(sent.data.sent_variant_ids.sort()).toEqual(variants.map((v) => v.id).sort())
        const mixed = await api.post(`/admin/whatsapp/conversations/${conversationId}/products`, { variant_ids: [variants[0].id, late[0].id] }, admin)
        expect(mixed.data.unsynced).toEqual([{ variant_id: late[0].id, reason: "not in the WhatsApp catalog" }])
        expect(mixed.data.sent_variant_ids).toEqual([variants[0].id])
        const onlyUnsynced = await api
          .post(`/admin/whatsapp/conversations/${conversationId}/products`, { variant_ids: [late[0].id] }, admin)
          .catch((e) => e.response)
        expect(onlyUnsynced.status).toBe(400)
        expect(onlyUnsynced.data.message).toMatch(/is synced to the WhatsApp catalog yet/)

        await api.post(`/admin/whatsapp/conversations/${conversationId}/products`, { catalog: true }, admin)
        const messages = await waitForMessages(3)
        expect(messages[2].body.interactive).toMatchObject({ type: "catalog_message", action: { name: "catalog_message" } })
        expect(messages[2].body.interactive.body.text.length).toBeGreaterThan(0)
      })
    })

    describe("product questions", () => {
      it("stores the variant and product, flags the conversation, emits the event and answers with the card and stock", async () => {
        const { variants, products } = await createProducts(getContainer(), fixture, [
          { title: "Camiseta Básica", sizes: ["M"], colors: ["Rojo"], price: 19.9, stock: 3 },
        ])
        await sync()
        await postWebhook(api.defaults.baseURL!, inquiryPayload(variants[0].id, "¿La tenéis en talla L?"))
        const [reply] = await waitForMessages(1)
        expect(reply.body.interactive).toMatchObject({ type: "product", action: { catalog_id: CATALOG_ID, product_retailer_id: variants[0].id } })
        // The question asks for an L the product does not have: the customer is told so, with the card of what there is.
        expect(reply.body.interactive.body.text).toBe("Lo siento, no la tenemos en L. Camiseta Básica – M / Rojo: 19,90 €. Solo quedan 3 unidades.")

        const [message] = await rows(`select * from whatsapp_message where direction = 'inbound' and referred_retailer_id is not null`)
        expect(message).toMatchObject({ referred_variant_id: variants[0].id, referred_product_id: products[0].id })
        expect(message.handled_at).not.toBeNull()
        const [conversation] = await rows(`select has_inquiry from whatsapp_conversation where id = ?`, [message.conversation_id])
        expect(conversation.has_inquiry).toBe(true)
        await waitFor(async () => events["whatsapp.product_inquiry.received"]?.length)
        expect(events["whatsapp.product_inquiry.received"]).toEqual([
          {
            conversation_id: message.conversation_id,
            message_id: message.id,
            account_id: accountId,
            product_id: products[0].id,
            variant_id: variants[0].id,
            product_name: "Camiseta Básica / M / Rojo",
            text: "¿La tenéis en talla L?",
          },
        ])
      })

      it("sends the default reply for an unknown item and nothing when auto-reply is off", async () => {
        await api.post(`/admin/whatsapp/accounts/${accountId}`, { settings: { default_reply: "Te respondemos enseguida." } }, admin)
        await postWebhook(api.defaults.baseURL!, inquiryPayload("no-such-item", "¿precio?"))
        const [reply] = await waitForMessages(1)
        expect(reply.body).toMatchObject({ type: "text", text: { body: "Te respondemos enseguida." } })

        await api.post(`/admin/whatsapp/accounts/${accountId}`, { settings: { inquiry_auto_reply: false } }, admin)
        await postWebhook(api.defaults.baseURL!, inquiryPayload("no-such-item", "¿y ahora?"))
        await waitFor(async () => (await rows(`select 1 from whatsapp_message where text = ? and handled_at is not null`, ["¿y ahora?"])).length)
        expect(sentTo()).toHaveLength(1)
        await waitFor(async () => events["whatsapp.product_inquiry.received"]?.length === 2)
      })
    })

    describe("discovery by typing", () => {
      beforeEach(async () => {
        await createProducts(getContainer(), fixture, [
          { title: "Camiseta Básica", sizes: ["S", "M", "L"], colors: ["Rojo", "Azul"], price: 19.9 },
          { title: "Sudadera con Capucha", sizes: ["M", "L"], colors: ["Gris"], price: 39 },
          { title: "Pantalón Chino", sizes: ["40", "42"], colors: ["Beige"], price: 45 },
        ])
        await sync()
      })

      const search = async (q: string) =>
        (await api.get(`/admin/whatsapp/search?q=${encodeURIComponent(q)}`, admin)).data as { matches: any[]; understood: any }

      it("finds the variant a customer describes, with typos, accents, plurals and size words", async () => {
        const red = await waitFor(async () => {
          const r = await search("camiseta roja M")
          return r.matches.length && r
        })
        expect(red.matches[0]).toMatchObject({ title: "Camiseta Básica", matched_variant: true })
        const [variant] = await rows(`select title from product_variant where id = ?`, [red.matches[0].variant_id])
        expect(variant.title).toBe("M / Rojo")

        const typo = await search("camsetas azules talla grande")
        expect(typo.understood).toMatchObject({ sizes: ["l"] })
        const [blueL] = await rows(`select title from product_variant where id = ?`, [typo.matches[0].variant_id])
        expect(blueL.title).toBe("L / Azul")
        expect((await search("pantalon")).matches[0].title).toBe("Pantalón Chino")
        expect((await search("quiero 2 sudaderas")).understood.quantity).toBe(2)
        expect((await search("bicicleta eléctrica")).matches).toEqual([])
        const bad = await api.get(`/admin/whatsapp/search?q=`, admin).catch((e) => e.response)
        expect(bad.status).toBe(400)
      })

      it("answers a text with the matching product, respects the switches, and falls back to the default reply", async () => {
        await waitFor(async () => (await search("sudadera")).matches.length)
        await postWebhook(api.defaults.baseURL!, textPayload({ from: CUSTOMER, text: "busco una sudadera gris talla L" }))
        const [first] = await waitForMessages(1)
        expect(first.body.interactive.type).toBe("product")
        const [variant] = await rows(`select title from product_variant where id = ?`, [first.body.interactive.action.product_retailer_id])
        expect(variant.title).toBe("L / Gris")

        const [product] = await rows(`select id from product where title = 'Sudadera con Capucha'`)
        await api.post(`/admin/whatsapp/products/${product.id}/settings`, { searchable: false }, admin)
        await postWebhook(api.defaults.baseURL!, textPayload({ from: CUSTOMER, text: "sudadera" }))
        const [, second] = await waitForMessages(2)
        expect(second.body.type).toBe("text")
        expect(second.body.text.body).toMatch(/sudadera/)

        await api.post(`/admin/whatsapp/accounts/${accountId}`, { settings: { search_enabled: false, default_reply: "Escríbenos y te ayudamos." } }, admin)
        await postWebhook(api.defaults.baseURL!, textPayload({ from: CUSTOMER, text: "camiseta roja" }))
        const [, , third] = await waitForMessages(3)
        expect(third.body).toMatchObject({ type: "text", text: { body: "Escríbenos y te ayudamos." } })
      })

      it("answers keyword rules before searching; rules are managed through the admin API", async () => {
        const bad = await api
          .post(`/admin/whatsapp/accounts/${accountId}/auto-replies`, { name: "Envío", keywords: ["envio"], reply_type: "text" }, admin)
          .catch((e) => e.response)
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/reply_text/)
        const { data: shipping } = await api.post(
          `/admin/whatsapp/accounts/${accountId}/auto-replies`,
          { name: "Envío", match: "contains", keywords: ["envío", "envios"], reply_text: "Enviamos en 24-48 h." },
          admin
        )
        const [hoodie] = await rows(`select id from product where title = 'Sudadera con Capucha'`)
        await api.post(
          `/admin/whatsapp/accounts/${accountId}/auto-replies`,
          { name: "Ofertas", match: "exact", keywords: ["ofertas"], reply_type: "products", product_ids: [hoodie.id] },
          admin
        )
        await postWebhook(api.defaults.baseURL!, textPayload({ from: CUSTOMER, text: "¿Cuánto tarda el ENVIO de una camiseta?" }))
        const [first] = await waitForMessages(1)
        expect(first.body).toMatchObject({ type: "text", text: { body: "Enviamos en 24-48 h." } })
        await postWebhook(api.defaults.baseURL!, textPayload({ from: CUSTOMER, text: "Ofertas!" }))
        const [, second] = await waitForMessages(2)
        expect(second.body.interactive.type).toBe("product_list")

        await api.post(`/admin/whatsapp/auto-replies/${shipping.auto_reply.id}`, { active: false }, admin)
        const { data: list } = await api.get(`/admin/whatsapp/accounts/${accountId}/auto-replies`, admin)
        expect(list.auto_replies.map((r: any) => [r.name, r.active])).toEqual([["Envío", false], ["Ofertas", true]].sort())
        await api.delete(`/admin/whatsapp/auto-replies/${shipping.auto_reply.id}`, admin)
        expect((await api.get(`/admin/whatsapp/accounts/${accountId}/auto-replies`, admin)).data.auto_replies).toHaveLength(1)
      })
    })

    describe("submitted carts", () => {
      let variants: { id: string; sku: string }[]
      beforeEach(async () => {
        ;({ variants } = await createProducts(getContainer(), fixture, [
          { title: "Camiseta Básica", sizes: ["M"], colors: ["Rojo"], price: 19.9, stock: 10 },
          { title: "Sudadera", sizes: ["L"], colors: ["Gris"], price: 40, stock: 1 },
          { title: "Gorra", sizes: ["Única"], colors: ["Negro"], price: 12, stock: 0 },
        ]))
        await sync()
      })
      const bySku = (part: string) => variants.find((v) => v.sku.includes(part))!

      it("creates a Medusa cart at Medusa prices, capped at stock, and sends one summary with a checkout link", async () => {
        const orderWamid = wamid()
        const payload = orderPayload(
          [
            { id: bySku("CAMISETA").id, quantity: 2, price: 17.5 },
            { id: bySku("SUDADERA").id, quantity: 3, price: 40 },
            { id: bySku("GORRA").id, quantity: 1, price: 12 },
            { id: "not-in-catalog", quantity: 1, price: 9 },
          ],
          orderWamid
        )
        await postWebhook(api.defaults.baseURL!, payload)
        const [summary] = await waitForMessages(1)
        expect(summary.body.interactive.type).toBe("cta_url")
        const text: string = summary.body.interactive.body.text
        expect(text).toContain("2 × Camiseta Básica / M / Rojo — 39,80 €")
        expect(text).toContain("1 × Sudadera / L / Gris — 40,00 €")
        expect(text).toMatch(/1 artículo/) // unknown item
        expect(text).toMatch(/Sudadera \/ L \/ Gris/) // capped
        expect(text).toMatch(/Gorra/) // out of stock
        expect(text).toMatch(/19,90 €.*17,50 €|17,50 €.*19,90 €/) // stale price
        expect(text).toContain("Total: 79,80 €")
        const url: string = summary.body.interactive.action.parameters.url
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:9000\/whatsapp\/checkout\/wacart_\w+\.[0-9a-z]+\.[\w-]{43}$/)

        const [waCart] = await waitFor(async () => {
          const found = await rows(`select * from whatsapp_cart where source_wamid = ? and status = 'link_sent'`, [orderWamid])
          return found.length && found
        })
        expect(waCart.link_message_id).toBeTruthy()
        expect(Number(waCart.total)).toBeCloseTo(79.8)
        expect(waCart.issues).toMatchObject({
          unknown_items: ["not-in-catalog"],
          out_of_stock: [
            { title: "Sudadera / L / Gris", requested: 3, available: 1 },
            { title: "Gorra / Única / Negro", requested: 1, available: 0 },
          ],
          price_changes: [{ title: "Camiseta Básica / M / Rojo", sent_price: 17.5, price: 19.9 }],
          currency_mismatch: null,
        })
        const [cart] = await rows(`select * from cart where id = ?`, [waCart.cart_id])
        expect(cart).toMatchObject({ region_id: fixture.regionId, sales_channel_id: fixture.salesChannelId, currency_code: "eur" })
        const items = await rows(`select variant_id, quantity, unit_price from cart_line_item where cart_id = ? and deleted_at is null order by unit_price`, [cart.id])
        expect(items.map((i: any) => [i.variant_id, Number(i.quantity), Number(i.unit_price)])).toEqual([
          [bySku("CAMISETA").id, 2, 19.9],
          [bySku("SUDADERA").id, 1, 40],
        ])
        const [customer] = await rows(`select * from customer where id = ?`, [cart.customer_id])
        expect(customer).toMatchObject({ phone: "+34612345678", first_name: "Ana", last_name: "López", has_account: false })
        const collections = await rows(`select pc.* from cart_payment_collection cpc join payment_collection pc on pc.id = cpc.payment_collection_id where cpc.cart_id = ?`, [cart.id])
        expect(collections).toHaveLength(1)
        expect(Number(collections[0].amount)).toBeCloseTo(79.8)
        const [conversation] = await rows(`select has_cart, customer_id from whatsapp_conversation where id = ?`, [waCart.conversation_id])
        expect(conversation).toEqual({ has_cart: true, customer_id: customer.id })

        await waitFor(async () => events["whatsapp.cart.submitted"]?.length)
        expect(events["whatsapp.cart.submitted"]).toEqual([
          {
            cart_id: cart.id,
            whatsapp_cart_id: waCart.id,
            conversation_id: waCart.conversation_id,
            account_id: accountId,
            total: 79.8,
            currency: "eur",
            items: expect.arrayContaining([
              { variant_id: bySku("CAMISETA").id, title: "Camiseta Básica / M / Rojo", quantity: 2, unit_price: 19.9 },
              { variant_id: bySku("SUDADERA").id, title: "Sudadera / L / Gris", quantity: 1, unit_price: 40 },
            ]),
          },
        ])
        const notices = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })
        expect(notices.map((n: any) => n.data.title)).toContain("New WhatsApp cart")

        // Replays: Meta redelivers the webhook, and the workflow runs again on the same message.
        await postWebhook(api.defaults.baseURL!, payload)
        const [message] = await rows(`select id from whatsapp_message where wamid = ?`, [orderWamid])
        const { result } = await createCartFromWhatsAppOrderWorkflow(getContainer()).run({ input: { message_id: message.id } })
        expect(result).toMatchObject({ whatsapp_cart_id: waCart.id, replay: true })
        await new Promise((r) => setTimeout(r, 500))
        expect(await rows(`select id from cart where metadata->>'whatsapp_order_wamid' = ?`, [orderWamid])).toHaveLength(1)
        expect(await rows(`select id from whatsapp_cart where source_wamid = ?`, [orderWamid])).toHaveLength(1)
        expect(sentTo()).toHaveLength(1)
        expect(events["whatsapp.cart.submitted"]).toHaveLength(1)
      })

      it("reports a currency mismatch, and tells the customer when nothing could be added", async () => {
        await postWebhook(api.defaults.baseURL!, orderPayload([{ id: bySku("CAMISETA").id, quantity: 1, price: 21, currency: "USD" }]))
        const [summary] = await waitForMessages(1)
        expect(summary.body.interactive.body.text).toMatch(/USD/)
        const emptyWamid = wamid()
        await postWebhook(api.defaults.baseURL!, orderPayload([{ id: bySku("GORRA").id, quantity: 2, price: 12 }, { id: "ghost", quantity: 1, price: 1 }], emptyWamid))
        const [, sorry] = await waitForMessages(2)
        expect(sorry.body.type).toBe("text")
        expect(sorry.body.text.body).toMatch(/no hemos podido añadir/)
        const [rejected] = await waitFor(async () => {
          const found = await rows(`select * from whatsapp_cart where source_wamid = ? and link_message_id is not null`, [emptyWamid])
          return found.length && found
        })
        expect(rejected).toMatchObject({ status: "rejected", cart_id: null })
      })
    })
  },
})
