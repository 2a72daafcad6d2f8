import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fs from "node:fs"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { envelope, NO_AUTO_REPLY, postWebhook, recordEvents, TEST_ACCOUNT, textPayload, useSandboxProcess, waitFor, wamid } from "../helpers/whatsapp"

const cwd = path.join(__dirname, "../host")
const fake = useSandboxProcess({ accounts: [TEST_ACCOUNT], statusDelayMs: 20 })

// Message objects from pywa's test data (sources in src/lib/__tests__/fixtures/lifecycle/README.md);
// only routing ids (sender, wamids, timestamps) are replaced to name this spec's messages.
const pywa = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../src/lib/__tests__/fixtures/lifecycle/pywa.json"), "utf8"))
const pywaMessage = (name: string) => structuredClone(pywa[name].entry[0].changes[0].value.messages[0])

const CUSTOMER = "34655500001"
const now = () => Math.floor(Date.now() / 1000)

/** One of pywa's messages, sent by CUSTOMER to the test account with its own wamid and timestamp. */
function fromCustomer(message: Record<string, any>, at = now()) {
  const id = wamid()
  return {
    id,
    payload: envelope({
      contacts: [{ profile: { name: "Cliente" }, wa_id: CUSTOMER }],
      messages: [{ ...message, from: CUSTOMER, id, timestamp: String(at) }],
    }),
  }
}

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: Record<string, string> }
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    const events = recordEvents(getContainer, ["whatsapp.message.received"])
    const baseUrl = () => api.defaults.baseURL!

    beforeEach(async () => {
      await fake.configure({ webhookUrl: `${api.defaults.baseURL}/whatsapp/webhook` })
      await fake.reset()
      admin = await createAdminHeaders(getContainer())
      await api.post("/admin/whatsapp/accounts", { ...TEST_ACCOUNT, settings: NO_AUTO_REPLY }, admin)
    })

    const stored = (id: string) =>
      waitFor(async () => (await rows(`select * from whatsapp_message where wamid = ?`, [id]))[0], { what: `message ${id}` })
    const applied = (id: string) =>
      waitFor(async () => (await rows(`select * from whatsapp_message where wamid = ? and applied_at is not null`, [id]))[0], { what: `${id} applied` })

    async function customerText(text: string, at = now()) {
      const id = wamid()
      expect((await postWebhook(baseUrl(), textPayload({ from: CUSTOMER, text, id, timestamp: at }))).status).toBe(200)
      const row = await stored(id)
      return { wamid: id, id: row.id as string, conversationId: row.conversation_id as string }
    }

    const list = async (conversationId: string) => (await api.get(`/admin/whatsapp/conversations/${conversationId}/messages`, admin)).data.messages

    /** The business answers from the admin; resolves once Meta's (the fake's) wamid is stored. */
    async function businessSends(conversationId: string, text: string): Promise<{ id: string; wamid: string }> {
      const reply = await api.post(`/admin/whatsapp/conversations/${conversationId}/messages`, { text }, admin)
      const [business] = await waitFor(async () => {
        const r = await rows(`select id, wamid from whatsapp_message where id = ? and wamid is not null`, [reply.data.message.id])
        return r.length && r
      }, { what: "the business message's wamid" })
      return business
    }

    it("an edit updates the text, keeps the earlier one, and is not answered", async () => {
      const original = await customerText("quiero la talla M", now() - 60)
      const edit = pywaMessage("edit_text")
      edit.edit.original_message_id = original.wamid
      const sent = fromCustomer(edit)
      await postWebhook(baseUrl(), sent.payload)
      const editRow = await applied(sent.id)
      expect(editRow.handled_at).not.toBeNull() // stored, never queued for a reply

      const messages = await list(original.conversationId)
      expect(messages.map((m: any) => m.id)).toEqual([original.id]) // the edit shows on its message, not as its own
      expect(messages[0]).toMatchObject({ text: "Text was edited", edited_at: expect.any(String), revoked: false })
      expect(messages[0].edits).toEqual([expect.objectContaining({ text: "quiero la talla M", wamid: sent.id })])
      await waitFor(async () => events["whatsapp.message.received"]?.some((e: any) => e.id === editRow.id), { what: "the edit's event" })
      expect(events["whatsapp.message.received"].find((e: any) => e.id === editRow.id)).toMatchObject({ type: "edit", target_message_id: original.id })
    })

    it("a revoke hides the text from the list; the audit route still has it", async () => {
      const original = await customerText("mi dirección es Calle Falsa 123")
      const revoke = pywaMessage("revoke")
      revoke.revoke.original_message_id = original.wamid
      const sent = fromCustomer(revoke)
      await postWebhook(baseUrl(), sent.payload)
      await applied(sent.id)

      const [shown] = await list(original.conversationId)
      expect(shown).toMatchObject({ id: original.id, revoked: true, revoked_at: expect.any(String), text: null, payload: null })
      expect(JSON.stringify(shown)).not.toContain("Calle Falsa")
      const audit = await api.get(`/admin/whatsapp/conversations/${original.conversationId}/messages/${original.id}/audit`, admin)
      expect(audit.data.audit).toMatchObject({ text: "mi dirección es Calle Falsa 123", revoked_at: expect.any(String) })
      const missing = await api.get(`/admin/whatsapp/conversations/${original.conversationId}/messages/wamsg_nope/audit`, admin).catch((e: any) => e.response)
      expect(missing.status).toBe(404)
    })

    it("a reaction is attached to the business message it reacts to, and a removal clears it", async () => {
      const opened = await customerText("hola")
      const business = await businessSends(opened.conversationId, "¡Hola! ¿En qué te ayudo?")

      const reaction = pywaMessage("reaction")
      reaction.reaction.message_id = business.wamid
      const reacted = fromCustomer(reaction, now() - 5)
      await postWebhook(baseUrl(), reacted.payload)
      await applied(reacted.id)
      let shown = (await list(opened.conversationId)).find((m: any) => m.id === business.id)
      expect(shown.reaction_emoji).toBe("😮")

      const removal = pywaMessage("unreaction_no_emoji")
      removal.reaction.message_id = business.wamid
      const removed = fromCustomer(removal)
      await postWebhook(baseUrl(), removed.payload)
      await applied(removed.id)
      shown = (await list(opened.conversationId)).find((m: any) => m.id === business.id)
      expect(shown.reaction_emoji).toBeNull()
      // Neither reaction is listed on its own, and none was answered.
      expect((await list(opened.conversationId)).map((m: any) => m.type).sort()).toEqual(["text", "text"])
      expect((await fake.messages()).filter((m: any) => m.to === CUSTOMER)).toHaveLength(1)
    })

    it("a reply is linked to the message it quotes; forwarded flags are stored and listed", async () => {
      const first = await customerText("¿tenéis la camiseta roja?")
      const reply = pywaMessage("reply")
      reply.context.id = first.wamid
      const replied = fromCustomer(reply)
      await postWebhook(baseUrl(), replied.payload)
      const replyRow = await stored(replied.id)
      expect(replyRow.reply_to_message_id).toBe(first.id)

      const forwarded = fromCustomer(pywaMessage("forwarded_many_times"))
      await postWebhook(baseUrl(), forwarded.payload)
      await stored(forwarded.id)

      const messages = await list(first.conversationId)
      expect(messages.find((m: any) => m.id === replyRow.id)).toMatchObject({
        reply_to_message_id: first.id,
        reply_to: { id: first.id, direction: "inbound", text: "¿tenéis la camiseta roja?", revoked: false },
      })
      expect(messages.find((m: any) => m.wamid === forwarded.id)).toMatchObject({ forwarded: true, frequently_forwarded: true, text: "text forwarded many times" })
      await waitFor(async () => events["whatsapp.message.received"]?.some((e: any) => e.id === replyRow.id), { what: "the reply's event" })
      expect(events["whatsapp.message.received"].find((e: any) => e.id === replyRow.id)).toMatchObject({ reply_to_message_id: first.id, forwarded: false })
    })

    it("an edit and a reaction that arrive before their message are applied when it arrives", async () => {
      const originalId = wamid()
      const at = now() - 30
      const edit = pywaMessage("edit_text")
      edit.edit.original_message_id = originalId
      const early = fromCustomer(edit, at + 10)
      await postWebhook(baseUrl(), early.payload)
      const waiting = await stored(early.id)
      expect(waiting.applied_at).toBeNull()
      // Still waiting: the inbox shows it on its own, so nothing is hidden.
      expect((await list(waiting.conversation_id)).map((m: any) => m.id)).toContain(waiting.id)

      await postWebhook(baseUrl(), textPayload({ from: CUSTOMER, text: "texto original", id: originalId, timestamp: at }))
      await applied(early.id)
      const [original] = await rows(`select id, text, edits, reply_to_message_id from whatsapp_message where wamid = ?`, [originalId])
      expect(original.text).toBe("Text was edited")
      expect(original.edits).toEqual([expect.objectContaining({ text: "texto original", wamid: early.id })])
      expect((await list(waiting.conversation_id)).map((m: any) => m.id)).toEqual([original.id])

      // A reaction to a business message whose wamid is not stored yet waits too, and is applied once it is.
      const businessWamid = wamid()
      const reaction = pywaMessage("reaction")
      reaction.reaction.message_id = businessWamid
      const reacted = fromCustomer(reaction)
      await postWebhook(baseUrl(), reacted.payload)
      expect((await stored(reacted.id)).applied_at).toBeNull()
      const reply = await api.post(`/admin/whatsapp/conversations/${waiting.conversation_id}/messages`, { text: "gracias" }, admin)
      // The fake gives its own wamid; name ours instead, as if Meta had answered with it.
      await waitFor(async () => (await rows(`select wamid from whatsapp_message where id = ?`, [reply.data.message.id]))[0].wamid, { what: "sent" })
      await rows(`update whatsapp_message set wamid = null, status = 'sending' where id = ?`, [reply.data.message.id])
      const { markOutboundSent } = require(path.resolve(__dirname, "../../.medusa/server/src/modules/whatsapp/sql/outbound.js"))
      const runner = { execute: (sql: string, params: unknown[] = []) => rows(sql, params) }
      await markOutboundSent(runner, reply.data.message.id, businessWamid)
      await applied(reacted.id)
      const [business] = await rows(`select reaction_emoji from whatsapp_message where id = ?`, [reply.data.message.id])
      expect(business.reaction_emoji).toBe("😮")
    })

    it("an edit or revoke naming the business's own message is refused, and stays listed with the reason", async () => {
      const opened = await customerText("hola")
      const business = await businessSends(opened.conversationId, "Precio: 19,90 €")
      const edit = pywaMessage("edit_text")
      edit.edit.original_message_id = business.wamid
      const sent = fromCustomer(edit)
      await postWebhook(baseUrl(), sent.payload)
      const refused = await waitFor(async () => (await rows(`select * from whatsapp_message where wamid = ? and error_message is not null`, [sent.id]))[0], {
        what: "the refused edit",
      })
      expect(refused.applied_at).toBeNull()
      const listed = await list(opened.conversationId)
      expect(listed.find((m: any) => m.id === business.id)).toMatchObject({ text: "Precio: 19,90 €", edited_at: null })
      expect(listed.find((m: any) => m.id === refused.id).error_message).toMatch(/own message/)
    })

    it("a redelivered edit changes nothing the second time", async () => {
      const original = await customerText("v0", now() - 60)
      const edit = pywaMessage("edit_text")
      edit.edit.original_message_id = original.wamid
      const sent = fromCustomer(edit)
      await postWebhook(baseUrl(), sent.payload)
      await applied(sent.id)
      await postWebhook(baseUrl(), sent.payload)
      await waitFor(async () => (await rows(`select count(*)::int as n from whatsapp_webhook_event where processed_at is not null`))[0].n >= 3, {
        what: "the redelivery processed",
      })
      const [row] = await rows(`select text, edits from whatsapp_message where id = ?`, [original.id])
      expect(row.edits).toHaveLength(1)
      expect(row.text).toBe("Text was edited")
    })
  },
})

jest.setTimeout(120_000)
