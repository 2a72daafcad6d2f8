import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { expectSendsBookedOnOneSchedule, inParallel, postWebhook, TEST_ACCOUNT, NO_AUTO_REPLY, textPayload, useSandboxProcess, waitFor } from "../helpers/whatsapp"

const cwd = path.join(__dirname, "../host")
const built = path.resolve(__dirname, "../../.medusa/server/src")
const fake = useSandboxProcess({
  accounts: [TEST_ACCOUNT],
  statusDelayMs: 20,
  templates: [
    {
      waba_id: TEST_ACCOUNT.waba_id,
      name: "order_update",
      language: "es",
      category: "UTILITY",
      components: [{ type: "BODY", text: "Tu pedido {{1}}: {{2}}" }],
    },
  ],
})

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: Record<string, string> }
    let accountId: string
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    const { sendWhatsAppMessageWorkflow } = require(path.join(built, "workflows/channel/workflows/send-whatsapp-message.js"))

    /** A customer writes first (through the sandbox), which opens the 24-hour window. */
    async function customerWrites(from: string, text = "hola") {
      const res = await fetch(`${fake.url}/__sandbox/inbound`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ phone_number_id: TEST_ACCOUNT.phone_number_id, from, text }),
      })
      expect((await res.json()).webhook_status).toBe(200)
      const [conversation] = await waitFor(async () => {
        const r = await rows(`select id from whatsapp_conversation where wa_id = ? and last_inbound_at is not null`, [from])
        return r.length ? r : null
      }, { what: `conversation with ${from}` })
      return conversation.id as string
    }

    beforeEach(async () => {
      await fake.configure({ webhookUrl: `${api.defaults.baseURL}/whatsapp/webhook` })
      await fake.reset()
      admin = await createAdminHeaders(getContainer())
      const { data } = await api.post("/admin/whatsapp/accounts", { ...TEST_ACCOUNT, settings: NO_AUTO_REPLY }, admin)
      accountId = data.account.id
    })

    it("sends a reply from the admin and follows it to read; the same idempotency key sends once", async () => {
      const conversationId = await customerWrites("34650000001")
      const body = { text: "¡Hola! Sí, la tenemos en talla M 👕", idempotency_key: "reply-0001-abcdef" }
      const first = await api.post(`/admin/whatsapp/conversations/${conversationId}/messages`, body, admin)
      expect(first.status).toBe(201)
      expect(first.data.message).toMatchObject({ direction: "outbound", status: expect.stringMatching(/queued|sending|sent/) })
      const again = await api.post(`/admin/whatsapp/conversations/${conversationId}/messages`, body, admin)
      expect(again.status).toBe(200)
      expect(again.data.message.id).toBe(first.data.message.id)

      await waitFor(async () => (await rows(`select status from whatsapp_message where id = ?`, [first.data.message.id]))[0].status === "read", {
        what: "sent → delivered → read",
      })
      const sent = (await fake.messages()).filter((m: any) => m.to === "34650000001")
      expect(sent).toHaveLength(1)
      expect(sent[0].body).toMatchObject({ messaging_product: "whatsapp", type: "text", text: { body: body.text } })

      const { data } = await api.get(`/admin/whatsapp/conversations/${conversationId}/messages`, admin)
      expect(data.messages.map((m: any) => m.direction)).toEqual(["outbound", "inbound"])
      const list = await api.get(`/admin/whatsapp/conversations?account_id=${accountId}&unread=true`, admin)
      expect(list.data.conversations).toEqual([expect.objectContaining({ id: conversationId, window_open: true, unread_count: 1 })])
      await api.post(`/admin/whatsapp/conversations/${conversationId}/read`, {}, admin)
      const unread = await api.get(`/admin/whatsapp/conversations?unread=true`, admin)
      expect(unread.data.count).toBe(0)
    })

    it("refuses a free-form message outside the 24-hour window before it reaches the API", async () => {
      const from = "34650000002"
      const dayAndAMinuteAgo = Math.floor(Date.now() / 1000) - 24 * 3600 - 60
      await postWebhook(api.defaults.baseURL!, textPayload({ from, text: "hola", timestamp: dayAndAMinuteAgo, phoneNumberId: TEST_ACCOUNT.phone_number_id }))
      const [conversation] = await waitFor(async () => {
        const r = await rows(`select id from whatsapp_conversation where wa_id = ?`, [from])
        return r.length ? r : null
      })
      const res = await api
        .post(`/admin/whatsapp/conversations/${conversation.id}/messages`, { text: "¿Sigues ahí?" }, admin)
        .catch((e: any) => e.response)
      expect(res.status).toBe(400)
      expect(res.data.message).toContain("24-hour customer-service window")
      expect((await rows(`select count(*)::int c from whatsapp_message where direction = 'outbound'`))[0].c).toBe(0)
      expect(await fake.messages()).toHaveLength(0)

      // A template is allowed outside the window.
      const { result } = await sendWhatsAppMessageWorkflow(getContainer()).run({
        input: {
          conversation_id: conversation.id,
          message: { type: "template", template: { name: "order_update", language: { code: "es" }, components: [{ type: "body", parameters: [{ type: "text", text: "#1001" }, { type: "text", text: "enviado" }] }] } },
        },
      })
      await waitFor(async () => (await rows(`select status from whatsapp_message where id = ?`, [result.id]))[0].status === "read")
      expect(await fake.messages()).toHaveLength(1)
    })

    it("stores a permanent error and does not retry it", async () => {
      const conversationId = await customerWrites("34650000003")
      const { result } = await sendWhatsAppMessageWorkflow(getContainer()).run({
        input: { conversation_id: conversationId, message: { type: "template", template: { name: "no_such_template", language: { code: "es" } } } },
      })
      const [row] = await waitFor(async () => {
        const r = await rows(`select status, error_code, error_message, attempts from whatsapp_message where id = ? and status = 'failed'`, [result.id])
        return r.length ? r : null
      })
      expect(row).toMatchObject({ error_code: "132001", attempts: 1 })
      expect(row.error_message).toContain("does not exist")
    })

    it("refuses to message a customer who opted out", async () => {
      const conversationId = await customerWrites("34650000004", "BAJA")
      await waitFor(async () => (await rows(`select opted_out from whatsapp_conversation where id = ?`, [conversationId]))[0].opted_out)
      const res = await api
        .post(`/admin/whatsapp/conversations/${conversationId}/messages`, { text: "Oferta" }, admin)
        .catch((e: any) => e.response)
      expect(res.status).toBe(400)
      expect(res.data.message).toContain("opted out")
    })

    it("sends every message exactly once through 5xx and 130429 faults, at no more than the configured rate", async () => {
      const recipients = Array.from({ length: 30 }, (_, i) => `3466${String(i).padStart(7, "0")}`)
      const conversations = await inParallel(recipients, 5, (r) => customerWrites(r))
      await fake.faults({ rate5xx: 0.2, rate429: 0.1 })
      await rows(`delete from whatsapp_rate_limit`)
      const texts = Array.from({ length: 80 }, (_, i) => `mensaje ${i}`)
      await inParallel(texts, 10, (text, i) =>
        sendWhatsAppMessageWorkflow(getContainer()).run({
          input: { conversation_id: conversations[i % conversations.length], message: { type: "text", text: { body: text } } },
        })
      )
      await waitFor(
        async () => (await rows(`select count(*)::int c from whatsapp_message where direction = 'outbound' and status in ('sent', 'delivered', 'read')`))[0].c === 80,
        { timeoutMs: 90_000, what: "80 messages sent" }
      )
      const messages = await fake.messages()
      const accepted = messages.map((m: any) => m.body.text.body)
      expect(accepted).toHaveLength(80)
      expect(new Set(accepted).size).toBe(80)
      expect([...accepted].sort()).toEqual([...texts].sort())
      const [{ retried }] = await rows(`select count(*)::int retried from whatsapp_message where direction = 'outbound' and attempts > 1`)
      expect(retried).toBeGreaterThan(0)

      // Every attempt, retries included, booked a slot on the number's one schedule.
      await expectSendsBookedOnOneSchedule(rows, { phoneNumberId: TEST_ACCOUNT.phone_number_id, sends: 80, messagesPerSecond: 20 })
    })

    it("paces a burst at the configured rate per number", async () => {
      const recipients = Array.from({ length: 60 }, (_, i) => `3467${String(i).padStart(7, "0")}`)
      const conversations = await inParallel(recipients, 5, (r) => customerWrites(r))
      await rows(`delete from whatsapp_rate_limit`)
      await inParallel(conversations, 20, (conversation_id, i) =>
        sendWhatsAppMessageWorkflow(getContainer()).run({ input: { conversation_id, message: { type: "text", text: { body: `burst ${i}` } } } })
      )
      const messages = await waitFor(async () => {
        const all = await fake.messages()
        return all.length === 60 ? all : null
      }, { timeoutMs: 60_000, what: "60 accepted" })
      expect(new Set(messages.map((m: any) => m.to)).size).toBe(60)
      await expectSendsBookedOnOneSchedule(rows, { phoneNumberId: TEST_ACCOUNT.phone_number_id, sends: 60, messagesPerSecond: 20 })
    })
  },
})
