import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import path from "node:path"
import { createWhatsAppShop, usePublicPort } from "../helpers/checkout-fixtures"
import { envelope, postWebhook, recordEvents, TEST_ACCOUNT, textPayload, useSandbox, waitFor, wamid } from "../helpers/whatsapp"

/**
 * Customers with a WhatsApp username, known to the business by a
 * business-scoped user ID (BSUID) and perhaps no phone (Meta's
 * "Business-scoped user IDs" page). The customer writes through the sandbox,
 * which builds the webhooks as Meta does in 2026.
 */
const CATALOG_ID = "200000000000077"
const fake = useSandbox({ accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID }], sendStatuses: true, statusDelayMs: 5, pollsBeforeFinished: 1 })
usePublicPort()

medusaIntegrationTestRunner({
  cwd: path.join(__dirname, "../host"),
  medusaConfigFile: path.join(__dirname, "../host"),
  testSuite: ({ api, getContainer, dbConnection }) => {
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    let shop: Awaited<ReturnType<typeof createWhatsAppShop>>
    const customerSays = (from: string, extra: Record<string, unknown>) =>
      fake.control("inbound", { phone_number_id: TEST_ACCOUNT.phone_number_id, from, name: "Marta", ...extra })
    const sent = () => fake.sandbox.state.messages as any[]
    const events = recordEvents(getContainer, ["whatsapp.message.received"])

    beforeEach(async () => {
      await fake.control("reset", {})
      fake.sandbox.config.webhookUrl = `${api.defaults.baseURL}/whatsapp/webhook`
      shop = await createWhatsAppShop(api, getContainer(), CATALOG_ID, [{ title: "Camiseta Básica", sizes: ["M"], colors: ["Rojo"], price: 19.9 }])
    })

    it("stores, answers and sends to a username customer whose phone Meta withholds", async () => {
      const { payload } = await customerSays("34600555001", { text: "hola", username: "marta", hide_phone: true })
      const bsuid = payload.entry[0].changes[0].value.messages[0].from_user_id
      expect(payload.entry[0].changes[0].value.messages[0].from).toBeUndefined()

      const [conversation] = await waitFor(async () => {
        const found = await rows(`select * from whatsapp_conversation where user_id = ?`, [bsuid])
        return found.length && found
      })
      expect(conversation).toMatchObject({ wa_id: null, user_id: bsuid, username: "@marta", profile_name: "Marta" })
      const [message] = await rows(`select text, handled_at from whatsapp_message where conversation_id = ? and direction = 'inbound'`, [conversation.id])
      expect(message.text).toBe("hola")
      const received = await waitFor(async () => events["whatsapp.message.received"]?.find((e: any) => e.conversation_id === conversation.id))
      expect(received).toMatchObject({ type: "text", text: "hola", wa_id: null, user_id: bsuid })

      // The greeting is answered, addressed by `recipient` (Meta's BSUID send), never by a phone we do not have.
      const reply = await waitFor(async () => sent().find((m) => m.body.recipient === bsuid), { what: "the reply to the BSUID" })
      expect(reply.body.to).toBeUndefined()
      const [stored] = await waitFor(async () => {
        const found = await rows(`select status from whatsapp_message where conversation_id = ? and direction = 'outbound' and status = 'read'`, [conversation.id])
        return found.length && found
      }, { what: "the BSUID status (recipient_user_id, no recipient_id) applied" })
      expect(stored.status).toBe("read")

      // The admin sees the username and that the phone is unknown; a search by BSUID or username finds it.
      const { data } = await api.get(`/admin/whatsapp/conversations/${conversation.id}`, shop.admin)
      expect(data.conversation).toMatchObject({ wa_id: null, user_id: bsuid, username: "@marta" })
      for (const q of [bsuid, "marta"]) {
        const found = await api.get(`/admin/whatsapp/conversations?q=${encodeURIComponent(q)}`, shop.admin)
        expect(found.data.conversations.map((c: any) => c.id)).toEqual([conversation.id])
      }
    })

    it("turns a username customer's cart into a Medusa cart without a customer, and the checkout asks for the phone", async () => {
      const variant = shop.variants[0]
      const { payload } = await customerSays("34600555002", {
        type: "order",
        username: "lucia",
        hide_phone: true,
        product_items: [{ product_retailer_id: variant.id, quantity: 2, item_price: 19.9, currency: "EUR" }],
      })
      const bsuid = payload.entry[0].changes[0].value.messages[0].from_user_id
      const link = await waitFor(async () => sent().find((m) => m.body.recipient === bsuid && m.body.interactive?.type === "cta_url"), { what: "the checkout link" })
      const [cart] = await rows(
        `select w.cart_id from whatsapp_cart w join whatsapp_conversation c on c.id = w.conversation_id where c.user_id = ?`,
        [bsuid]
      )
      // Not by phone (we have none): the cart has no customer until the checkout page takes an email.
      const [medusaCart] = await rows(`select customer_id, email from cart where id = ?`, [cart.cart_id])
      expect(medusaCart.customer_id).toBeNull()
      // The BSUID's country (ES) picks the delivery country when the phone is unknown.
      const [address] = await rows(`select a.country_code from cart c join cart_address a on a.id = c.shipping_address_id where c.id = ?`, [cart.cart_id])
      expect(address.country_code).toBe("es")

      const page = await fetch(link.body.interactive.action.parameters.url, { redirect: "manual" })
      const location = page.headers.get("location")
      const cookie = page.headers.get("set-cookie")?.split(";")[0] ?? ""
      const form = await fetch(new URL(location ?? link.body.interactive.action.parameters.url, api.defaults.baseURL).toString(), { headers: { cookie } })
      const html = await form.text()
      expect(form.status).toBe(200)
      // Nothing is prefilled as the phone: the page asks.
      expect(html).toContain('name="phone" value=""')
    })

    it("links phone and BSUID into one conversation, merges two that turn out to be one customer, and follows a number change", async () => {
      // Before 2026: the customer wrote by phone only.
      await postWebhook(api.defaults.baseURL!, textPayload({ from: "34600555003", text: "primero", name: "Pablo" }))
      await waitFor(async () => (await rows(`select 1 from whatsapp_conversation where wa_id = '34600555003'`)).length)
      // As a username customer without the phone, before Meta linked them: a second conversation.
      const bsuid = "ES.48213377001122334455"
      const bsuidOnly = envelope({
        contacts: [{ profile: { name: "Pablo", username: "@pablo" }, user_id: bsuid }],
        messages: [{ from_user_id: bsuid, id: wamid(), timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: "segundo" } }],
      })
      await postWebhook(api.defaults.baseURL!, bsuidOnly)
      await waitFor(async () => (await rows(`select 1 from whatsapp_conversation where deleted_at is null and (wa_id = '34600555003' or user_id = ?)`, [bsuid])).length === 2)

      // A webhook that shows both: one conversation with both messages, the other folded into it.
      const both = envelope({
        contacts: [{ profile: { name: "Pablo" }, wa_id: "34600555003", user_id: bsuid }],
        messages: [{ from: "34600555003", from_user_id: bsuid, id: wamid(), timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: "tercero" } }],
      })
      await postWebhook(api.defaults.baseURL!, both)
      const [kept] = await waitFor(async () => {
        const live = await rows(`select * from whatsapp_conversation where deleted_at is null and (wa_id = '34600555003' or user_id = ?)`, [bsuid])
        return live.length === 1 && live[0].wa_id && live[0].user_id && live
      }, { what: "one linked conversation" })
      const texts = (await rows(`select text from whatsapp_message where conversation_id = ? and direction = 'inbound' order by created_at`, [kept.id])).map((r: any) => r.text)
      expect(texts.sort()).toEqual(["primero", "segundo", "tercero"])
      const [merged] = await rows(`select merged_into_id, deleted_at from whatsapp_conversation where user_id = ? and deleted_at is not null`, [bsuid])
      expect(merged.merged_into_id).toBe(kept.id)
      // Redelivering the linking webhook changes nothing.
      await postWebhook(api.defaults.baseURL!, both)
      expect(await rows(`select id from whatsapp_conversation where deleted_at is null and (wa_id = '34600555003' or user_id = ?)`, [bsuid])).toHaveLength(1)

      // The customer changes number (Meta: system user_changed_number, then a new BSUID).
      const changed = await fake.control("change-number", { phone_number_id: TEST_ACCOUNT.phone_number_id, from: "34600555004", to: "34600555005" }).catch(() => null)
      expect(changed?.error).toBeDefined() // unknown to the sandbox: nothing moves
      await customerSays("34600555004", { text: "hola" })
      const moved = await fake.control("change-number", { phone_number_id: TEST_ACCOUNT.phone_number_id, from: "34600555004", to: "34600555005", name: "Rosa" })
      const [conversation] = await waitFor(async () => {
        const found = await rows(`select * from whatsapp_conversation where deleted_at is null and wa_id = '34600555005' and user_id = ?`, [moved.user_id])
        return found.length && found
      }, { what: "the conversation moved to the new number and BSUID" })
      expect(conversation.former_identities).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ wa_id: "34600555004", reason: "user_changed_number" }),
          expect.objectContaining({ user_id: moved.previous.user_id, reason: "user_changed_user_id" }),
        ])
      )
      expect(await rows(`select id from whatsapp_conversation where wa_id = '34600555004' and deleted_at is null`)).toHaveLength(0)
      // The two notices are in the thread, but the customer wrote once: one unread, no new window.
      expect(await rows(`select type from whatsapp_message where conversation_id = ? and type = 'system'`, [conversation.id])).toHaveLength(2)
      expect(conversation.unread_count).toBe(1)
      // The old number still finds the customer.
      const search = await api.get(`/admin/whatsapp/conversations?q=34600555004`, shop.admin)
      expect(search.data.conversations.map((c: any) => c.id)).toEqual([conversation.id])
      // The next message by the new number lands in the same conversation.
      await customerSays("34600555005", { text: "ya estoy" })
      await waitFor(async () => (await rows(`select 1 from whatsapp_message where conversation_id = ? and text = 'ya estoy'`, [conversation.id])).length)
    })

    it("files a late message from the old number under the new one, but not one sent after the change (numbers are reassigned)", async () => {
      const changedAt = Math.floor(Date.now() / 1000)
      // Meta's system message shape ("System messages webhook reference"); it arrives first.
      await postWebhook(api.defaults.baseURL!, envelope({
        messages: [{ from: "34600555008", id: wamid(), timestamp: String(changedAt), type: "system",
          system: { body: "User Ana changed from 34600555008 to 34600555009", wa_id: "34600555009", type: "user_changed_number" } }],
      }))
      const [moved] = await waitFor(async () => {
        const found = await rows(`select id, former_identities from whatsapp_conversation where wa_id = '34600555009' and deleted_at is null`)
        return found.length && found
      })
      expect(moved.former_identities).toEqual([expect.objectContaining({ wa_id: "34600555008", reason: "user_changed_number" })])
      // Sent ten seconds before the change, delivered after it.
      await postWebhook(api.defaults.baseURL!, textPayload({ from: "34600555008", text: "antes del cambio", timestamp: changedAt - 10 }))
      await waitFor(async () => (await rows(`select 1 from whatsapp_message where conversation_id = ? and text = 'antes del cambio'`, [moved.id])).length, { what: "the late message in the moved conversation" })
      // Sent from the old number after the change: a new owner, a new conversation.
      await postWebhook(api.defaults.baseURL!, textPayload({ from: "34600555008", text: "soy otra persona", timestamp: changedAt + 100 }))
      const [other] = await waitFor(async () => {
        const found = await rows(`select conversation_id from whatsapp_message where text = 'soy otra persona'`)
        return found.length && found
      })
      expect(other.conversation_id).not.toBe(moved.id)
    })

    it("handles the events of one claim in the order they arrived, whatever order the table returns them in", async () => {
      // A message, then Meta's two number-change notices, as the sandbox sends them, stored in one statement
      // so that one claim takes all three. PostgreSQL may return a claim's rows in the order of a hash of
      // their ids (the plan deduplicates them with a HashAggregate): these ids hash in the order B9, A9, C9,
      // the order that left two conversations when the change overtook the message.
      const at = Math.floor(Date.now() / 1000)
      const [phone, next, bsuid, nextBsuid] = ["34600555021", "34600555022", "ES.77000000000000000021", "ES.77000000000000000022"]
      const message = envelope({
        contacts: [{ profile: { name: "Inés" }, wa_id: phone, user_id: bsuid }],
        messages: [{ from: phone, from_user_id: bsuid, id: wamid(), timestamp: String(at), type: "text", text: { body: "hola" } }],
      })
      const changedNumber = envelope({
        messages: [{ from: phone, id: wamid(), timestamp: String(at), type: "system",
          system: { body: `User Inés changed from ${phone} to ${next}`, wa_id: next, type: "user_changed_number" } }],
      })
      const changedUserId = envelope({
        messages: [{ from_user_id: bsuid, id: wamid(), timestamp: String(at), type: "system",
          system: { body: "User Inés has a new user id", type: "user_changed_user_id", previous_user_id: bsuid, user_id: nextBsuid } }],
      })
      const stored = [["waevt_B9", changedNumber, 2], ["waevt_A9", message, 1], ["waevt_C9", changedUserId, 3]] as const
      await dbConnection.raw(
        `insert into whatsapp_webhook_event (id, raw_body, raw_body_encoding, received_at, status, phone_number_ids, created_at, updated_at)
         values ${stored.map(() => "(?, ?, 'utf8', now() - interval '1 minute' + (? * interval '1 second'), 'pending', ?::jsonb, now(), now())").join(", ")}`,
        stored.flatMap(([id, payload, second]) => [id, JSON.stringify(payload), second, JSON.stringify([TEST_ACCOUNT.phone_number_id])])
      )
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "whatsapp.webhook_event.received", data: { id: "waevt_A9" } })

      await waitFor(async () => (await rows(`select 1 from whatsapp_webhook_event where id in ('waevt_A9', 'waevt_B9', 'waevt_C9') and status = 'processed'`)).length === 3, { what: "the three events processed" })
      const live = await rows(`select * from whatsapp_conversation where deleted_at is null and (wa_id in (?, ?) or user_id in (?, ?))`, [phone, next, bsuid, nextBsuid])
      expect(live).toHaveLength(1)
      expect(live[0]).toMatchObject({ wa_id: next, user_id: nextBsuid })
      const texts = (await rows(`select text from whatsapp_message where conversation_id = ? order by created_at`, [live[0].id])).map((r: any) => r.text)
      expect(texts).toContain("hola")
    })

    it("moves a conversation on user_id_update and refuses nothing it cannot place", async () => {
      const old = "US.90000000000000000001"
      const next = "US.90000000000000000002"
      await postWebhook(api.defaults.baseURL!, envelope({
        contacts: [{ profile: { name: "Sam" }, user_id: old }],
        messages: [{ from_user_id: old, id: wamid(), timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: "hi" } }],
      }))
      await waitFor(async () => (await rows(`select 1 from whatsapp_conversation where user_id = ?`, [old])).length)
      // Meta's user_id_update syntax (BSUID page): value.user_id_update[] with user_id { previous, current }.
      const update = {
        object: "whatsapp_business_account",
        entry: [{ id: TEST_ACCOUNT.waba_id, changes: [{ field: "user_id_update", value: {
          messaging_product: "whatsapp",
          metadata: { display_phone_number: "15550200000", phone_number_id: TEST_ACCOUNT.phone_number_id },
          user_id_update: [{ detail: "User id for Sam has been updated.", user_id: { previous: old, current: next }, timestamp: String(Math.floor(Date.now() / 1000)) }],
        } }] }],
      }
      await postWebhook(api.defaults.baseURL!, update)
      const [conversation] = await waitFor(async () => {
        const found = await rows(`select * from whatsapp_conversation where user_id = ? and deleted_at is null`, [next])
        return found.length && found
      })
      expect(conversation.former_identities).toEqual([expect.objectContaining({ user_id: old, reason: "user_id_update" })])
      const [event] = await rows(`select status from whatsapp_webhook_event order by received_at desc limit 1`)
      expect(event.status).toBe("processed")
    })
  },
})
