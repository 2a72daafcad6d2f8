import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import path from "node:path"
import { ADDRESS, Browser, submitCheckout } from "../helpers/checkout-browser"
import { createPublishableKey, registerStorefrontCustomer } from "../helpers/storefront"
import { createWhatsAppShop, PROVIDERS, sendWhatsAppCart, usePublicPort } from "../helpers/checkout-fixtures"
import { postWebhook, productQuestionPayload, recordEvents, TEST_ACCOUNT, textPayload, useSandbox, waitFor } from "../helpers/whatsapp"

const cwd = path.join(__dirname, "../host")
const CATALOG_ID = "200000000000061"
const fake = useSandbox({ accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID }], sendStatuses: false, pollsBeforeFinished: 1 })
usePublicPort()

const productQuestion = (from: string, retailerId: string, text: string) => productQuestionPayload({ from, catalogId: CATALOG_ID, retailerId, text })

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    // Intl puts no-break spaces in prices; plain spaces keep the expectations readable.
    const plain = (m: any) => JSON.parse(JSON.stringify(m).replace(/[\u00a0\u202f]/g, " "))
    const messages = () => fake.sandbox.state.messages
    const sentTo = (waId: string) => messages().filter((m: any) => m.to === waId).map(plain)
    const bodyOf = (m: any) => m.body.text?.body ?? m.body.interactive?.body?.text ?? ""
    const events = recordEvents(getContainer, ["whatsapp.conversation.handed_off"])
    let admin: { headers: Record<string, string> }
    let accountId: string
    let variants: any[]
    let shippingOptionId: string
    let salesChannelId: string
    let regionId: string

    /** The customer writes; resolves with the replies that text got once it has been handled. */
    async function say(waId: string, text: string, payload: object = textPayload({ from: waId, text, name: "Cliente" })) {
      const before = sentTo(waId).length
      await postWebhook(api.defaults.baseURL!, payload)
      await waitFor(async () => (await rows(`select 1 from whatsapp_message where text = ? and handled_at is not null`, [text])).length, {
        what: `"${text}" handled`,
      })
      // Replies are queued in the same workflow that handled the text; wait until the dispatcher has sent them.
      await waitFor(async () => !(await rows(`select 1 from whatsapp_message where direction = 'outbound' and status in ('queued', 'sending')`)).length, {
        what: "replies sent",
      })
      return sentTo(waId).slice(before)
    }
    const conversationOf = async (waId: string) => (await rows(`select * from whatsapp_conversation where wa_id = ?`, [waId]))[0]

    beforeEach(async () => {
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      ;({ admin, accountId, variants, shippingOptionId, fixture: { salesChannelId, regionId } } = await createWhatsAppShop(api, getContainer(), CATALOG_ID, [
        { title: "Camiseta Básica", sizes: ["M", "L"], colors: ["Rojo", "Azul"], price: 19.9, stock: 3 },
      ]))
      await getContainer().resolve(Modules.SEARCH).reindex({ index: "whatsapp_product" })
    })

    const saveFaq = (answers: unknown) => api.post(`/admin/whatsapp/accounts/${accountId}/faq`, { answers }, admin)

    it("greets, thanks and answers FAQ questions from the merchant's answers, in the customer's language", async () => {
      const bad = await saveFaq([{ topic: "weather", language: "es", answer: "Sol" }]).catch((e) => e.response)
      expect(bad.status).toBe(400)
      const twice = await saveFaq([
        { topic: "shipping", language: "es", answer: "a" },
        { topic: "shipping", language: "es", answer: "b" },
      ]).catch((e) => e.response)
      expect(twice.status).toBe(400)
      expect(twice.data.message).toMatch(/once/)
      await saveFaq([
        { topic: "shipping", language: "es", answer: "Envío gratis desde 50 €; llega en 24-48 h." },
        { topic: "shipping", language: "en", answer: "Free shipping over €50; delivery in 1-2 days." },
        { topic: "returns", language: "es", answer: "Tienes 30 días para devolverlo." },
        { topic: "hours", language: "pt", answer: "temporary" },
      ])
      const { data } = await saveFaq([{ topic: "hours", language: "pt", answer: "" }])
      expect(data.faq_answers.map((a: any) => [a.topic, a.language])).toEqual([["returns", "es"], ["shipping", "en"], ["shipping", "es"]])

      const [welcome] = await say("34600000001", "hola")
      expect(welcome.body.interactive).toMatchObject({ type: "catalog_message", action: { name: "catalog_message" } })
      expect(welcome.body.interactive.body.text).toMatch(/^¡Hola! 👋 Bienvenido/)
      expect((await say("34600000001", "¿Cuánto cuesta el envío?")).map(bodyOf)).toEqual(["Envío gratis desde 50 €; llega en 24-48 h."])
      expect((await say("34600000001", "¡Muchas gracias!")).map(bodyOf)).toEqual(["¡De nada! 😊 Si necesitas algo más, escríbenos por aquí."])

      const [hello] = await say("447700900001", "Hello there, how are you?")
      expect(hello.body.interactive.body.text).toMatch(/^Hi! 👋 Welcome/)
      expect((await say("447700900001", "How much is shipping to Canada?")).map(bodyOf)).toEqual(["Free shipping over €50; delivery in 1-2 days."])
      // No English answer about returns: the shop's own language beats none.
      expect((await say("447700900001", "What is your return policy?")).map(bodyOf)).toEqual(["Tienes 30 días para devolverlo."])
      expect((await conversationOf("447700900001")).language).toBe("en")
    })

    it("hands off on request and after repeated misses: flagged in the inbox, paused until an admin resumes, admins notified", async () => {
      const customer = "34600000002"
      const [handoff] = await say(customer, "Quiero hablar con una persona")
      expect(bodyOf(handoff)).toBe("He pasado tu mensaje a nuestro equipo: una persona te responderá por aquí en breve.")
      const conversation = await conversationOf(customer)
      expect(conversation).toMatchObject({ handoff_reason: "requested" })
      expect(conversation.handoff_at).not.toBeNull()
      const flagged = await api.get(`/admin/whatsapp/conversations?handoff=true`, admin)
      expect(flagged.data.conversations.map((c: any) => [c.id, c.handoff_reason])).toEqual([[conversation.id, "requested"]])
      const feed = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed", resource_id: conversation.id })
      expect(feed).toHaveLength(1)
      expect(feed[0].data).toMatchObject({ title: "WhatsApp: a customer needs a person" })
      expect(JSON.stringify(feed[0].data)).not.toContain(customer)
      await waitFor(async () => events["whatsapp.conversation.handed_off"]?.length)
      expect(events["whatsapp.conversation.handed_off"][0]).toMatchObject({ conversation_id: conversation.id, reason: "requested" })

      // Paused: a product query, a greeting, a product question all wait for the person.
      expect(await say(customer, "camiseta roja")).toEqual([])
      expect(await say(customer, "¿la tenéis en L?", productQuestion(customer, variants[0].id, "¿la tenéis en L?"))).toEqual([])

      const resumed = await api.post(`/admin/whatsapp/conversations/${conversation.id}/resume`, {}, admin)
      expect(resumed.data.conversation).toMatchObject({ handoff_at: null, handoff_reason: null, search_misses: 0 })
      expect((await api.get(`/admin/whatsapp/conversations?handoff=true`, admin)).data.conversations).toEqual([])
      expect((await api.get(`/admin/whatsapp/conversations?handoff=false`, admin)).data.conversations.map((c: any) => c.id)).toContain(conversation.id)
      const missing = await api.post(`/admin/whatsapp/conversations/wconv_nope/resume`, {}, admin).catch((e) => e.response)
      expect(missing.status).toBe(404)

      // Three searches in a row that find nothing: the third hands off.
      expect((await say(customer, "bicicleta eléctrica")).map(bodyOf)).toEqual([expect.stringMatching(/no he encontrado nada para «bicicleta eléctrica»/)])
      expect((await conversationOf(customer)).search_misses).toBe(1)
      expect((await say(customer, "camiseta")).length).toBe(1)
      expect((await conversationOf(customer)).search_misses).toBe(0)
      await say(customer, "patinete plegable")
      await say(customer, "tabla de surf")
      const third = await say(customer, "kayak hinchable")
      expect(third.map(bodyOf)).toEqual([expect.stringMatching(/kayak hinchable/), "He pasado tu mensaje a nuestro equipo: una persona te responderá por aquí en breve."])
      expect(await conversationOf(customer)).toMatchObject({ handoff_reason: "search_misses", search_misses: 3 })
      const notices = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed", resource_id: conversation.id })
      expect(notices).toHaveLength(2)
    })

    it("reads product questions: a size or colour gets that variant's price and stock, delivery gets the shipping answer, the rest the card", async () => {
      await saveFaq([{ topic: "shipping", language: "es", answer: "Llega en 24-48 h." }])
      const [mRed, mBlue, lRed] = ["-M-ROJO", "-M-AZUL", "-L-ROJO"].map((end) => variants.find((v) => v.sku.endsWith(end)))
      const customer = "34600000003"
      const ask = (text: string, from = customer, retailerId = mRed.id) => say(from, text, productQuestion(from, retailerId, text))

      const [large] = await ask("¿La tenéis en L?")
      expect(large.body.interactive.body.text).toBe("¡Sí! Camiseta Básica – L / Rojo, 19,90 €. Solo quedan 3 unidades.")
      expect(large.body.interactive).toMatchObject({ type: "product", action: { product_retailer_id: lRed.id } })

      const [blue] = await ask("Olá! Vocês têm na cor azul?", "5511900000003")
      expect(blue.body.interactive.action.product_retailer_id).toBe(mBlue.id)
      expect(blue.body.interactive.body.text).toBe("Sim! Camiseta Básica – M / Azul, € 19,90. Só restam 3 unidades.")

      const [none] = await ask("do you have it in XL?", "447700900003")
      expect(none.body.interactive.action.product_retailer_id).toBe(mRed.id)
      expect(none.body.interactive.body.text).toBe("Sorry, we don't have it in XL. Camiseta Básica – M / Rojo: €19.90. Only 3 left.")

      expect((await ask("¿Cuánto tarda el envío?")).map(bodyOf)).toEqual(["Llega en 24-48 h."])

      const plainCard = await ask("¿es de algodón?")
      expect(plainCard.map((m) => m.body.interactive?.type)).toEqual(["product"])
      expect((await conversationOf(customer)).handoff_at).toBeNull()

      await api.post(`/admin/whatsapp/accounts/${accountId}`, { settings: { inquiry_handoff: true } }, admin)
      const handedOff = await ask("¿se puede lavar a 60 grados?")
      expect(handedOff.map(bodyOf)).toEqual([
        "Camiseta Básica – M / Rojo: 19,90 €. Solo quedan 3 unidades.",
        "He pasado tu mensaje a nuestro equipo: una persona te responderá por aquí en breve.",
      ])
      expect((await conversationOf(customer)).handoff_reason).toBe("product_question")
    })

    it("an English customer on a Spanish shop gets English end to end, order status included; a switch to Spanish is followed", async () => {
      const customer = "447700900004"
      const [welcome] = await say(customer, "Hi there!")
      expect(welcome.body.interactive.body.text).toMatch(/^Hi! 👋 Welcome/)
      expect((await say(customer, "Where is my order?")).map(bodyOf)).toEqual([expect.stringMatching(/^I can't find an order from this WhatsApp number yet/)])

      const cart = await sendWhatsAppCart(api.defaults.baseURL!, messages, rows, { waId: customer, name: "John", catalogId: CATALOG_ID, items: [{ id: variants[0].id, quantity: 1, price: 19.9 }] })
      const summary = sentTo(customer).find((m: any) => m.body.interactive?.type === "cta_url")
      expect(summary.body.interactive.body.text).toMatch(/^🛒 Your cart/)
      expect(summary.body.interactive.action.parameters.display_text).toBe("Pay now")

      const { html } = await new Browser(api.defaults.baseURL!).get(cart.checkoutPath)
      expect(html).toContain('<html lang="en">')
      expect(html).toContain("Your cart")
      expect(html).not.toContain("Tu carrito")

      await submitCheckout(new Browser(api.defaults.baseURL!), cart.checkoutPath, shippingOptionId, PROVIDERS.manual)
      const placed = await waitFor(async () => sentTo(customer).map(bodyOf).find((t: string) => t.startsWith("✅ Order #")), { what: "the placed update" })
      const displayId = /#(\d+)/.exec(placed)![1]
      expect((await say(customer, "where is my order?")).map(bodyOf)).toEqual([`Your latest order #${displayId} is waiting for the payment.`])

      expect((await say(customer, "¿Dónde está mi pedido? Lo necesito para el viernes")).map(bodyOf)).toEqual([`Tu último pedido #${displayId} está pendiente de pago.`])
      expect((await conversationOf(customer)).language).toBe("es")
    })

    it("tells a customer linked by a proven link the status of their storefront order, never through an unproven link", async () => {
      const key = await createPublishableKey(getContainer(), salesChannelId)
      const shopper = await registerStorefrontCustomer(api.defaults.baseURL!, key, { email: "lucia@example.com", first_name: "Lucía", last_name: "Pérez" })
      const { email: _addressEmail, ...address } = ADDRESS
      const store = { headers: shopper.headers }
      const { data } = await api.post("/store/carts", { region_id: regionId, email: shopper.email, shipping_address: address, items: [{ variant_id: variants[0].id, quantity: 1 }] }, store)
      await api.post(`/store/carts/${data.cart.id}/shipping-methods`, { option_id: shippingOptionId }, store)
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: data.cart.id }, store)
      await api.post(`/store/payment-collections/${collection.payment_collection.id}/payment-sessions`, { provider_id: PROVIDERS.manual }, store)
      const { data: completed } = await api.post(`/store/carts/${data.cart.id}/complete`, {}, store)
      expect((await rows(`select customer_id from "order" where id = ?`, [completed.order.id]))[0].customer_id).toBe(shopper.id)

      const customer = "34600000005"
      await say(customer, "hola")
      const conversation = await conversationOf(customer)
      await api.post(`/admin/whatsapp/conversations/${conversation.id}/customer`, { customer_id: shopper.id }, admin)
      expect((await say(customer, "¿Dónde está mi pedido?")).map(bodyOf)).toEqual([`Tu último pedido #${completed.order.display_id} está pendiente de pago.`])

      // A link made by phone match before proof was required is never used: it could show a stranger's order.
      await rows(`update whatsapp_conversation set customer_link_method = 'unverified' where id = ?`, [conversation.id])
      expect((await say(customer, "estado de mi pedido")).map(bodyOf)).toEqual([expect.stringMatching(/^Aún no encuentro ningún pedido/)])
    })

    it("shows in the try-out box how a text is understood", async () => {
      await saveFaq([{ topic: "shipping", language: "en", answer: "Free shipping over €50." }])
      const tryOut = async (text: string) => (await api.post(`/admin/whatsapp/accounts/${accountId}/concierge/try`, { text }, admin)).data
      const search = await waitFor(async () => {
        const r = await tryOut("hola, busco una camiseta roja")
        return r.search?.matches.length && r
      })
      expect(search).toMatchObject({ intent: "search", faq_topic: null, search: { query: "busco una camiseta roja" } })
      expect(search.search.matches[0].title).toBe("Camiseta Básica")
      expect(await tryOut("How much is shipping to Canada?")).toEqual({
        detected_language: "en",
        reply_language: "en",
        intent: "faq",
        faq_topic: "shipping",
        faq_answer: "Free shipping over €50.",
        search: null,
      })
      expect(await tryOut("ok")).toMatchObject({ detected_language: null, reply_language: "es", intent: "search" })
      expect((await tryOut("quero falar com um atendente")).intent).toBe("human")
      const bad = await api.post(`/admin/whatsapp/accounts/${accountId}/concierge/try`, { text: " " }, admin).catch((e) => e.response)
      expect(bad.status).toBe(400)
    })
  },
})
