import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createHmac } from "node:crypto"
import http from "node:http"
import type { AddressInfo } from "node:net"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { createCommerceBasics } from "../helpers/catalog-fixtures"
import { NO_AUTO_REPLY, postWebhook, TEST_ACCOUNT, textPayload, useSandbox, waitFor, wamid } from "../helpers/whatsapp"

jest.setTimeout(120_000)

const cwd = path.join(__dirname, "../host")
const built = path.resolve(__dirname, "../../.medusa/server/src")
const CUSTOMER = "34611223344"
const HOUR = 60 * 60 * 1000
const fake = useSandbox({ accounts: [TEST_ACCOUNT], sendStatuses: false })

/**
 * A receiver of the webhook action: records each POST (body and headers)
 * and answers with the next status of `answers` (then 200).
 */
function webhookReceiver() {
  const state = { requests: [] as { body: string; headers: http.IncomingHttpHeaders }[], answers: [] as number[], url: "" }
  const server = http.createServer((req, res) => {
    let body = ""
    req.on("data", (c) => (body += c))
    req.on("end", () => {
      state.requests.push({ body, headers: req.headers })
      res.statusCode = state.answers.shift() ?? 200
      res.end("{}")
    })
  })
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return state
}
const receiver = webhookReceiver()
const SECRET = "automation-webhook-secret-0001"

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const { whatsappWork } = require(path.join(built, "workflows/work/whatsapp-work.js"))
    const { runAutomation } = require(path.join(built, "workflows/automations/run-automations.js"))
    const { actionHandler } = require(path.join(built, "workflows/automations/actions/index.js"))
    const { bookAutomationRuns } = require(path.join(built, "workflows/automations/enqueue-automation-runs.js"))
    let admin: { headers: Record<string, string> }
    let accountId: string
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    const sentTo = () => fake.sandbox.state.messages.filter((m: any) => m.to === CUSTOMER)
    const createRule = async (rule: Record<string, unknown>) => (await api.post("/admin/whatsapp/automations", rule, admin)).data.automation
    const runsOf = async (ruleId: string) => (await api.get(`/admin/whatsapp/automations/${ruleId}/runs`, admin)).data.runs as any[]
    const finishedRun = (ruleId: string, count = 1) =>
      waitFor(
        async () => {
          const runs = await runsOf(ruleId)
          return runs.length >= count && runs.every((r) => r.finished_at) && runs
        },
        { what: `${count} finished run(s) of ${ruleId}` }
      )
    const emit = (name: string, data: Record<string, unknown>) => getContainer().resolve(Modules.EVENT_BUS).emit({ name, data })
    /** The clock of the queue is PostgreSQL's now(): a run comes due by moving its due time back, as recovery.spec moves created_at. */
    const makeDue = (ruleId: string) => rows(`update whatsapp_automation_run set due_at = now() - interval '1 second' where rule_id = ? and finished_at is null`, [ruleId])
    const nudge = () => whatsappWork(getContainer()).nudge("automation_run")

    beforeEach(async () => {
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      receiver.requests.length = 0
      receiver.answers.length = 0
      admin = await createAdminHeaders(getContainer())
      const fixture = await createCommerceBasics(getContainer())
      const { data } = await api.post(
        "/admin/whatsapp/accounts",
        { ...TEST_ACCOUNT, region_id: fixture.regionId, sales_channel_id: fixture.salesChannelId, language: "es", settings: NO_AUTO_REPLY },
        admin
      )
      accountId = data.account.id
    })

    async function customerWrites(text: string, id = wamid()) {
      const body = textPayload({ from: CUSTOMER, text, name: "Ana López", id })
      await postWebhook(api.defaults.baseURL!, body)
      const [message] = await waitFor(() => rows(`select id, conversation_id from whatsapp_message where wamid = ?`, [id]).then((r) => r.length && r), {
        what: "the stored message",
      })
      return { ...message, body }
    }

    describe("rules over the admin API", () => {
      it("creates, lists with the last run, updates and deletes a rule; bad rules are refused with the reason", async () => {
        const rule = await createRule({
          name: "Envío",
          trigger: { type: "message_received", keywords: ["envío"], match: "contains" },
          actions: [{ type: "send_text", text: "Hola {{customer_name}}, enviamos en 24 h." }],
        })
        expect(rule).toMatchObject({ enabled: true, account_id: null, conditions: [], delay_minutes: 0 })
        const list = (await api.get("/admin/whatsapp/automations", admin)).data
        expect(list).toMatchObject({ count: 1, automations: [{ id: rule.id, last_run: null }] })

        const updated = (await api.post(`/admin/whatsapp/automations/${rule.id}`, { enabled: false, delay_minutes: 5 }, admin)).data.automation
        expect(updated).toMatchObject({ enabled: false, delay_minutes: 5, name: "Envío" })

        const unknown = await api
          .post(`/admin/whatsapp/automations/${rule.id}`, { actions: [{ type: "send_text", text: "Hola {{nombre}} {{cart_totl}} {{cart_total}}" }] }, admin)
          .catch((e: any) => e.response)
        expect(unknown.status).toBe(400)
        expect(unknown.data.message).toBe("unknown variables: {{nombre}}, {{cart_totl}}")
        const created = await api
          .post("/admin/whatsapp/automations", { name: "x", trigger: { type: "cart_submitted" }, actions: [{ type: "notify_admins", title: "{{foo}}", text: "t" }] }, admin)
          .catch((e: any) => e.response)
        expect(created.status).toBe(400)
        expect(created.data.message).toContain("{{foo}}")

        const badCondition = await api
          .post("/admin/whatsapp/automations", { name: "x", trigger: { type: "cart_submitted" }, conditions: [{ field: "cart_total", op: "in", value: ["a"] }], actions: [{ type: "tag_conversation", tag: "t" }] }, admin)
          .catch((e: any) => e.response)
        expect(badCondition.status).toBe(400)
        expect(badCondition.data.message).toContain("cart_total takes")
        const badWebhook = await api
          .post("/admin/whatsapp/automations", { name: "x", trigger: { type: "cart_submitted" }, actions: [{ type: "webhook", url: "ftp://x", secret: "short" }] }, admin)
          .catch((e: any) => e.response)
        expect(badWebhook.status).toBe(400)

        await api.delete(`/admin/whatsapp/automations/${rule.id}`, admin)
        expect((await api.get(`/admin/whatsapp/automations/${rule.id}`, admin).catch((e: any) => e.response)).status).toBe(404)
        expect((await api.get("/admin/whatsapp/automations", admin)).data.count).toBe(0)
      })

      it("dry-runs a rule: keywords and conditions checked, variables filled in, nothing sent or stored", async () => {
        const { conversation_id } = await customerWrites("hola")
        const rule = await createRule({
          name: "Precio",
          trigger: { type: "message_received", keywords: ["precio"] },
          conditions: [{ field: "language", op: "eq", value: "es" }],
          actions: [
            { type: "send_text", text: "Hola {{customer_name}} de {{store_name}}" },
            { type: "webhook", url: receiver.url, secret: SECRET },
          ],
        })
        const sentBefore = sentTo().length
        const hit = (await api.post(`/admin/whatsapp/automations/${rule.id}/test`, { conversation_id, text: "¿Qué precio tiene?" }, admin)).data
        expect(hit).toMatchObject({
          matches: true,
          reason: null,
          variables: { customer_name: "Ana López", store_name: TEST_ACCOUNT.name },
          actions: [
            { index: 0, type: "send_text", preview: `send text: Hola Ana López de ${TEST_ACCOUNT.name}` },
            { index: 1, type: "webhook", preview: `POST signed JSON to ${new URL(receiver.url).origin}` },
          ],
        })
        const miss = (await api.post(`/admin/whatsapp/automations/${rule.id}/test`, { conversation_id, text: "hola" }, admin)).data
        expect(miss).toMatchObject({ matches: false, reason: "the text matches none of the keywords" })
        expect(sentTo().length).toBe(sentBefore)
        expect(receiver.requests).toHaveLength(0)
        expect(await runsOf(rule.id)).toHaveLength(0)
      })
    })

    describe("message_received", () => {
      it("answers a keyword at once, tags the conversation and notifies the admins; a redelivered webhook makes no second run", async () => {
        const rule = await createRule({
          name: "Envío",
          account_id: accountId,
          trigger: { type: "message_received", keywords: ["envío"] },
          actions: [
            { type: "send_text", text: "Hola {{customer_name}}, el envío es gratis." },
            { type: "tag_conversation", tag: "envio" },
            { type: "notify_admins", title: "Pregunta de envío", text: "{{customer_name}} preguntó", emails: ["ops@example.com"] },
          ],
        })
        const other = await createRule({ name: "Otra", trigger: { type: "message_received", keywords: ["devolución"] }, actions: [{ type: "tag_conversation", tag: "x" }] })
        const message = await customerWrites("¿Cuánto cuesta el ENVIO?")
        const [run] = await finishedRun(rule.id)
        expect(run).toMatchObject({
          status: "succeeded",
          trigger_type: "message_received",
          trigger_key: `message_received:${message.id}`,
          conversation_id: message.conversation_id,
          results: [
            { index: 0, type: "send_text", status: "done", attempts: 1 },
            { index: 1, type: "tag_conversation", status: "done", detail: 'tagged "envio"' },
            // The host has a feed provider and no email provider: the email is a recorded skip beside the feed entry.
            { index: 2, type: "notify_admins", status: "done", detail: "sent: feed; skipped: no email provider", attempts: 1 },
          ],
        })
        await waitFor(() => sentTo().length === 1, { what: "the answer" })
        expect(sentTo()[0].body.text.body).toBe("Hola Ana López, el envío es gratis.")
        const conversation = (await api.get(`/admin/whatsapp/conversations/${message.conversation_id}`, admin)).data.conversation
        expect(conversation.tags).toEqual(["envio"])
        const feed = await rows(`select data from notification where channel = 'feed' and resource_id = ?`, [message.conversation_id])
        expect(feed.map((n: any) => n.data)).toEqual([{ title: "Pregunta de envío", description: "Ana López preguntó" }])
        expect(await runsOf(other.id)).toHaveLength(0)

        // Meta redelivers the same webhook, and the event is emitted again: still one run, one message.
        await postWebhook(api.defaults.baseURL!, message.body)
        await emit("whatsapp.message.received", { id: message.id, conversation_id: message.conversation_id, account_id: accountId, type: "text", text: "envío" })
        await new Promise((resolve) => setImmediate(resolve))
        await whatsappWork(getContainer()).idle(10_000)
        expect(await runsOf(rule.id)).toHaveLength(1)
        expect(await rows(`select id from whatsapp_message where direction = 'outbound' and conversation_id = ?`, [message.conversation_id])).toHaveLength(1)
        const list = (await api.get("/admin/whatsapp/automations", admin)).data.automations
        expect(list.find((a: any) => a.id === rule.id).last_run).toMatchObject({ id: run.id, status: "succeeded" })
      })
      it("with automatic answers on, a keyword automation is the only answer; other texts get the usual one", async () => {
        await api.post(`/admin/whatsapp/accounts/${accountId}`, { settings: { text_auto_reply: true } }, admin)
        const rule = await createRule({ name: "Horario", trigger: { type: "message_received", keywords: ["horario"] }, actions: [{ type: "send_text", text: "Abrimos de 9 a 18." }] })
        const asked = await customerWrites("¿Cuál es el horario?")
        await finishedRun(rule.id)
        await waitFor(() => rows(`select 1 from whatsapp_message where id = ? and handled_at is not null`, [asked.id]).then((r) => r.length), { what: "the message handled" })
        await whatsappWork(getContainer()).idle(10_000)
        const answers = await rows(`select text from whatsapp_message where direction = 'outbound' and conversation_id = ?`, [asked.conversation_id])
        expect(answers.map((m: any) => m.text)).toEqual(["Abrimos de 9 a 18."])

        const other = await customerWrites("quiero unas zapatillas")
        await waitFor(() => rows(`select 1 from whatsapp_message where id = ? and handled_at is not null`, [other.id]).then((r) => r.length), { what: "the message handled" })
        await waitFor(() => rows(`select id from whatsapp_message where direction = 'outbound' and conversation_id = ?`, [asked.conversation_id]).then((r) => r.length === 2), { what: "the usual answer" })
        expect(await runsOf(rule.id)).toHaveLength(1)

        // A keyword rule whose conditions do not hold is skipped when it runs: the usual answer goes instead of none.
        const gated = await createRule({
          name: "Envío (otro número)",
          trigger: { type: "message_received", keywords: ["envio"] },
          conditions: [{ field: "account", op: "eq", value: "wacc_not_this_one" }],
          actions: [{ type: "send_text", text: "No debería salir." }],
        })
        const shipping = await customerWrites("¿hacéis envio?")
        await waitFor(() => rows(`select 1 from whatsapp_message where id = ? and handled_at is not null`, [shipping.id]).then((r) => r.length), { what: "the message handled" })
        const [skipped] = await finishedRun(gated.id)
        expect(skipped.status).toBe("skipped")
        await waitFor(() => rows(`select id from whatsapp_message where direction = 'outbound' and conversation_id = ?`, [asked.conversation_id]).then((r) => r.length === 3), { what: "the usual answer" })
        await whatsappWork(getContainer()).idle(10_000)
        const texts = (await rows(`select text from whatsapp_message where direction = 'outbound' and conversation_id = ?`, [asked.conversation_id])).map((m: any) => m.text)
        expect(texts).toHaveLength(3)
        expect(texts).not.toContain("No debería salir.")
      })

      it("while a person has the conversation, a keyword answer waits like every automatic answer; other rules still run", async () => {
        await api.post(`/admin/whatsapp/accounts/${accountId}`, { settings: { text_auto_reply: true } }, admin)
        const answer = await createRule({ name: "Horario", trigger: { type: "message_received", keywords: ["horario"] }, actions: [{ type: "send_text", text: "Abrimos de 9 a 18." }] })
        const tag = await createRule({ name: "Etiqueta", trigger: { type: "message_received", keywords: ["horario"] }, actions: [{ type: "tag_conversation", tag: "horario" }] })
        const asked = await customerWrites("quiero hablar con una persona")
        await waitFor(() => rows(`select 1 from whatsapp_conversation where id = ? and handoff_at is not null`, [asked.conversation_id]).then((r) => r.length), { what: "the handoff" })
        await waitFor(() => rows(`select 1 from whatsapp_message where id = ? and handled_at is not null`, [asked.id]).then((r) => r.length), { what: "the request handled" })
        await whatsappWork(getContainer()).idle(10_000)
        const before = (await rows(`select id from whatsapp_message where direction = 'outbound' and conversation_id = ?`, [asked.conversation_id])).length

        await customerWrites("¿y el horario?")
        const [skipped] = await finishedRun(answer.id)
        expect(skipped).toMatchObject({ status: "skipped", error: expect.stringContaining("handoff") })
        const [tagged] = await finishedRun(tag.id)
        expect(tagged.status).toBe("succeeded")
        await whatsappWork(getContainer()).idle(10_000)
        expect(await rows(`select id from whatsapp_message where direction = 'outbound' and conversation_id = ?`, [asked.conversation_id])).toHaveLength(before)
      })
    })

    describe("each trigger", () => {
      it("maps every event to its trigger with a stable key, books one run per rule and event, and runs it", async () => {
        const { conversation_id } = await customerWrites("hola")
        // A WhatsApp cart that became an order: Medusa's order events find their conversation through it.
        await rows(
          `insert into whatsapp_cart (id, account_id, conversation_id, source_wamid, cart_id, status, order_id) values ('wacart_t1', ?, ?, 'wamid.cart', 'cart_t1', 'ordered', 'order_t1')`,
          [accountId, conversation_id]
        )
        const cases: [string, string, Record<string, unknown>, string][] = [
          ["product_question", "whatsapp.product_inquiry.received", { conversation_id, account_id: accountId, message_id: "wamsg_q1", product_id: "prod_x" }, "product_question:wamsg_q1"],
          ["cart_submitted", "whatsapp.cart.submitted", { conversation_id, account_id: accountId, whatsapp_cart_id: "wacart_t1", cart_id: "cart_t1" }, "cart_submitted:wacart_t1"],
          ["cart_abandoned", "whatsapp.cart.abandoned", { conversation_id, account_id: accountId, whatsapp_cart_id: "wacart_t1", cart_id: "cart_t1" }, "cart_abandoned:wacart_t1"],
          ["checkout_completed", "whatsapp.checkout.completed", { conversation_id, account_id: accountId, whatsapp_cart_id: "wacart_t1", order_id: "order_t1" }, "checkout_completed:order_t1"],
          ["order_placed", "order.placed", { id: "order_t1" }, "order_placed:order_t1"],
          ["order_canceled", "order.canceled", { id: "order_t1" }, "order_canceled:order_t1"],
          ["handoff_requested", "whatsapp.conversation.handed_off", { conversation_id, message_id: "wamsg_h1", reason: "requested" }, "handoff_requested:wamsg_h1"],
          ["customer_opted_out", "whatsapp.conversation.opted_out", { conversation_id, account_id: accountId }, `customer_opted_out:${conversation_id}:`],
        ]
        for (const [type, name, data, key] of cases) {
          const rule = await createRule({ name: type, trigger: { type }, actions: [{ type: "tag_conversation", tag: type }] })
          await emit(name, data)
          await emit(name, data)
          const runs = await finishedRun(rule.id)
          expect(runs).toHaveLength(1)
          expect(runs[0]).toMatchObject({ trigger_type: type, status: "succeeded", conversation_id, account_id: accountId })
          expect(runs[0].trigger_key.startsWith(key)).toBe(true)
        }
        // An order that did not come from WhatsApp is no trigger.
        const foreign = await createRule({ name: "foreign", trigger: { type: "order_placed" }, actions: [{ type: "tag_conversation", tag: "f" }] })
        await emit("order.placed", { id: "order_elsewhere" })
        await whatsappWork(getContainer()).idle(5_000)
        expect(await runsOf(foreign.id)).toHaveLength(0)
        const conversation = (await api.get(`/admin/whatsapp/conversations/${conversation_id}`, admin)).data.conversation
        expect(conversation.tags).toEqual(cases.map(([type]) => type))
      })
    })

    describe("conditions", () => {
      it("checks each condition when the run runs and records the one that failed", async () => {
        const { conversation_id } = await customerWrites("hola")
        const container = getContainer()
        const group = await container.resolve(Modules.CUSTOMER).createCustomerGroups({ name: "VIP" })
        const customer = await container.resolve(Modules.CUSTOMER).createCustomers({ first_name: "Ana", last_name: "Cliente", email: "ana@example.com" })
        await container.resolve(Modules.CUSTOMER).addCustomerToGroup({ customer_id: customer.id, customer_group_id: group.id })
        await rows(`update whatsapp_conversation set customer_id = ?, language = 'es' where id = ?`, [customer.id, conversation_id])
        const expectations: [Record<string, unknown>, boolean][] = [
          [{ field: "account", op: "eq", value: accountId }, true],
          [{ field: "account", op: "neq", value: accountId }, false],
          [{ field: "language", op: "in", value: ["es", "pt"] }, true],
          [{ field: "language", op: "eq", value: "en" }, false],
          [{ field: "customer_kind", op: "eq", value: "first_order" }, true],
          [{ field: "customer_kind", op: "eq", value: "returning" }, false],
          [{ field: "customer_group", op: "eq", value: group.id }, true],
          [{ field: "customer_group", op: "not_in", value: [group.id] }, false],
          // No cart or order behind a handoff: totals and cart contents fail (a rule about a cart never fires without one).
          [{ field: "cart_total", op: "gte", value: 0 }, false],
          [{ field: "order_total", op: "lte", value: 1000 }, false],
          [{ field: "product_in_cart", op: "eq", value: "prod_x" }, false],
          [{ field: "collection_in_cart", op: "neq", value: "pcol_x" }, true],
        ]
        const rules = []
        for (const [condition] of expectations) {
          rules.push(await createRule({ name: JSON.stringify(condition), trigger: { type: "handoff_requested" }, conditions: [condition], actions: [{ type: "tag_conversation", tag: "c" }] }))
        }
        await emit("whatsapp.conversation.handed_off", { conversation_id, message_id: "wamsg_c1", reason: "requested" })
        for (const [i, [condition, holds]] of expectations.entries()) {
          const [run] = await finishedRun(rules[i].id)
          expect({ condition, status: run.status }).toEqual({ condition, status: holds ? "succeeded" : "skipped" })
          if (!holds) expect(run.error).toMatch(/^condition not met: /)
        }
      })
    })

    describe("actions", () => {
      it("adds the customer to a customer group, once", async () => {
        const { conversation_id } = await customerWrites("hola")
        const customers = getContainer().resolve(Modules.CUSTOMER)
        const group = await customers.createCustomerGroups({ name: "WhatsApp" })
        const customer = await customers.createCustomers({ first_name: "Ana", email: "ana2@example.com" })
        await rows(`update whatsapp_conversation set customer_id = ? where id = ?`, [customer.id, conversation_id])
        const rule = await createRule({ name: "g", trigger: { type: "handoff_requested" }, actions: [{ type: "add_to_customer_group", customer_group_id: group.id }, { type: "add_to_customer_group", customer_group_id: group.id }] })
        await emit("whatsapp.conversation.handed_off", { conversation_id, message_id: "wamsg_g1" })
        const [run] = await finishedRun(rule.id)
        expect(run.results.map((r: any) => [r.status, r.detail])).toEqual([
          ["done", `customer ${customer.id} added to group ${group.id}`],
          ["done", `customer ${customer.id} already in group ${group.id}`],
        ])
        const [linked] = await customers.listCustomers({ id: customer.id }, { relations: ["groups"] })
        expect(linked.groups!.map((g: any) => g.id)).toEqual([group.id])
      })

      it("sends text inside the window; outside it uses the fallback template or records the skip", async () => {
        const { conversation_id } = await customerWrites("hola")
        await rows(`update whatsapp_conversation set last_inbound_at = now() - interval '25 hours' where id = ?`, [conversation_id])
        const skip = await createRule({ name: "skip", trigger: { type: "cart_abandoned" }, actions: [{ type: "send_text", text: "¿Sigues ahí?" }] })
        const fallback = await createRule({
          name: "fallback",
          trigger: { type: "cart_abandoned" },
          actions: [{ type: "send_text", text: "¿Sigues ahí?", fallback_template: { name: "cart_reminder_plain", language: "es" } }],
        })
        const template = await createRule({ name: "template", trigger: { type: "cart_abandoned" }, actions: [{ type: "send_template", name: "order_update", language: "es", parameters: ["{{store_name}}", "listo"] }] })
        await emit("whatsapp.cart.abandoned", { conversation_id, account_id: accountId, whatsapp_cart_id: "wacart_w1" })
        const [skipped] = await finishedRun(skip.id)
        expect(skipped).toMatchObject({ status: "skipped", results: [{ status: "skipped", detail: "outside the 24-hour window and no fallback template" }] })
        const [fell] = await finishedRun(fallback.id)
        expect(fell).toMatchObject({ status: "succeeded", results: [{ status: "done" }] })
        expect(fell.results[0].detail).toMatch(/^outside the 24-hour window: template cart_reminder_plain/)
        const [sentTemplate] = await finishedRun(template.id)
        expect(sentTemplate.status).toBe("succeeded")
        const queued = await rows(`select payload from whatsapp_message where direction = 'outbound' and conversation_id = ? order by created_at`, [conversation_id])
        expect(queued.map((m: any) => m.payload.template?.name).sort()).toEqual(["cart_reminder_plain", "order_update"])
        const withParams = queued.find((m: any) => m.payload.template.name === "order_update")
        expect(withParams.payload.template.components).toEqual([{ type: "body", parameters: [{ type: "text", text: TEST_ACCOUNT.name }, { type: "text", text: "listo" }] }])
      })

      it("keeps the webhook secret sealed: never returned, kept when the mask comes back, replaced by a new one", async () => {
        const { conversation_id } = await customerWrites("hola")
        const signature = (body: string, secret: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`
        const storedSecret = async (id: string) => (await rows(`select actions from whatsapp_automation_rule where id = ?`, [id]))[0].actions[0].secret as string
        const created = await createRule({ name: "signed", trigger: { type: "handoff_requested" }, actions: [{ type: "webhook", url: receiver.url, secret: SECRET }] })
        expect(created.actions).toEqual([{ type: "webhook", url: receiver.url, secret: "••••0001" }])
        const sealed = await storedSecret(created.id)
        expect(sealed).toMatch(/^v2\./)
        expect(JSON.stringify(await rows(`select * from whatsapp_automation_rule where id = ?`, [created.id]))).not.toContain(SECRET)
        const shown = (await api.get(`/admin/whatsapp/automations/${created.id}`, admin)).data.automation
        expect(shown.actions[0].secret).toBe("••••0001")
        const listed = (await api.get("/admin/whatsapp/automations", admin)).data.automations.find((a: any) => a.id === created.id)
        expect(listed.actions[0].secret).toBe("••••0001")

        // The admin saves the rule as it was shown (the mask in the secret field): the secret stays.
        const kept = (await api.post(`/admin/whatsapp/automations/${created.id}`, { name: "signed, renamed", actions: shown.actions }, admin)).data.automation
        expect(kept.actions[0].secret).toBe("••••0001")
        await emit("whatsapp.conversation.handed_off", { conversation_id, message_id: "wamsg_s1" })
        await finishedRun(created.id)
        expect(receiver.requests[0].headers["x-whatsapp-commerce-signature"]).toBe(signature(receiver.requests[0].body, SECRET))

        const NEW_SECRET = "a-brand-new-signing-secret-9876"
        const replaced = (await api.post(`/admin/whatsapp/automations/${created.id}`, { actions: [{ type: "webhook", url: receiver.url, secret: NEW_SECRET }] }, admin)).data.automation
        expect(replaced.actions[0].secret).toBe("••••9876")
        expect(await storedSecret(created.id)).not.toBe(sealed)
        await emit("whatsapp.conversation.handed_off", { conversation_id, message_id: "wamsg_s2" })
        await finishedRun(created.id, 2)
        expect(receiver.requests[1].headers["x-whatsapp-commerce-signature"]).toBe(signature(receiver.requests[1].body, NEW_SECRET))

        // A rule saved before secrets were sealed holds it in clear: it still signs; the upgrade's migration script seals it.
        await rows(`update whatsapp_automation_rule set actions = ?::jsonb where id = ?`, [JSON.stringify([{ type: "webhook", url: receiver.url, secret: SECRET }]), created.id])
        await emit("whatsapp.conversation.handed_off", { conversation_id, message_id: "wamsg_s3" })
        await finishedRun(created.id, 3)
        expect(receiver.requests[2].headers["x-whatsapp-commerce-signature"]).toBe(signature(receiver.requests[2].body, SECRET))
        expect((await api.get(`/admin/whatsapp/automations/${created.id}`, admin)).data.automation.actions[0].secret).toBe("••••0001")
        const { default: sealClearSecrets } = require(path.join(built, "migration-scripts/seal-automation-webhook-secrets.js"))
        await sealClearSecrets({ container: getContainer() })
        expect(await storedSecret(created.id)).toMatch(/^v2\./)
        // Saved with the secret left out, it keeps it too.
        await api.post(`/admin/whatsapp/automations/${created.id}`, { actions: [{ type: "webhook", url: receiver.url }] }, admin)
        expect((await api.get(`/admin/whatsapp/automations/${created.id}`, admin)).data.automation.actions[0].secret).toBe("••••0001")

        // A new webhook needs a secret of its own.
        const refused = await api
          .post("/admin/whatsapp/automations", { name: "no secret", trigger: { type: "handoff_requested" }, actions: [{ type: "webhook", url: receiver.url, secret: "••••0001" }] }, admin)
          .catch((e) => e.response)
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/secret: required for a new webhook/)
      })

      it("posts a signed webhook; a failing receiver is retried with backoff and the final failure is shown", async () => {
        const { conversation_id } = await customerWrites("hola")
        const ok = await createRule({ name: "ok", trigger: { type: "handoff_requested" }, actions: [{ type: "webhook", url: receiver.url, secret: SECRET }] })
        await emit("whatsapp.conversation.handed_off", { conversation_id, message_id: "wamsg_w1" })
        const [done] = await finishedRun(ok.id)
        expect(done).toMatchObject({ status: "succeeded", results: [{ status: "done", detail: "webhook answered 200" }] })
        expect(receiver.requests).toHaveLength(1)
        const { body, headers } = receiver.requests[0]
        expect(headers["x-whatsapp-commerce-signature"]).toBe(`sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`)
        expect(headers["x-whatsapp-commerce-delivery"]).toBe(`automation:${done.id}:0`)
        expect(JSON.parse(body)).toMatchObject({ rule_id: ok.id, run_id: done.id, trigger: "handoff_requested", trigger_key: "handoff_requested:wamsg_w1", conversation_id })
        await api.post(`/admin/whatsapp/automations/${ok.id}`, { enabled: false }, admin)

        const failing = await createRule({ name: "failing", trigger: { type: "handoff_requested" }, actions: [{ type: "webhook", url: receiver.url, secret: SECRET }, { type: "tag_conversation", tag: "after" }] })
        receiver.answers.push(500, 503, 500, 502, 500)
        await emit("whatsapp.conversation.handed_off", { conversation_id, message_id: "wamsg_w2" })
        for (let attempt = 1; attempt <= 3; attempt++) {
          const [waiting] = await waitFor(async () => {
            const runs = await runsOf(failing.id)
            return runs[0]?.results[0]?.attempts === attempt && runs[0].status === "waiting" && runs
          }, { what: `attempt ${attempt} booked for a retry` })
          // The retry waits for its backoff: it is not due yet, and a nudge takes nothing.
          expect(new Date(waiting.due_at).getTime()).toBeGreaterThan(Date.now() + 5_000)
          expect(waiting.results[1]).toMatchObject({ status: "pending", attempts: 0 })
          expect(waiting.error).toBe("webhook answered " + [500, 503, 500][attempt - 1])
          nudge()
          await whatsappWork(getContainer()).idle(5_000)
          expect(receiver.requests).toHaveLength(1 + attempt)
          await makeDue(failing.id)
          nudge()
        }
        const [failed] = await finishedRun(failing.id)
        expect(receiver.requests).toHaveLength(5)
        expect(failed).toMatchObject({
          status: "partial",
          results: [
            { status: "failed", detail: "webhook answered 502", attempts: 4 },
            { status: "done", detail: 'tagged "after"' },
          ],
          error: "#1 webhook: webhook answered 502",
        })
      })
    })

    describe("exactly once", () => {
      it("waits for the delay: the run is claimed only once due, with the conditions checked then", async () => {
        const { conversation_id } = await customerWrites("hola")
        const rule = await createRule({ name: "later", trigger: { type: "handoff_requested" }, delay_minutes: 60, actions: [{ type: "tag_conversation", tag: "later" }] })
        await emit("whatsapp.conversation.handed_off", { conversation_id, message_id: "wamsg_d1" })
        const [waiting] = await waitFor(async () => (await runsOf(rule.id)).length && runsOf(rule.id), { what: "the booked run" })
        expect(waiting).toMatchObject({ status: "waiting", attempts: 0 })
        expect(new Date(waiting.due_at).getTime() - new Date(waiting.created_at).getTime()).toBeGreaterThanOrEqual(HOUR - 1000)
        nudge()
        await whatsappWork(getContainer()).idle(5_000)
        expect((await runsOf(rule.id))[0]).toMatchObject({ status: "waiting", attempts: 0 })
        // Switched off before it came due: it does not run.
        const off = await createRule({ name: "off", trigger: { type: "handoff_requested" }, delay_minutes: 30, actions: [{ type: "tag_conversation", tag: "off" }] })
        await emit("whatsapp.conversation.handed_off", { conversation_id, message_id: "wamsg_d2" })
        await waitFor(async () => (await runsOf(off.id)).length)
        await api.post(`/admin/whatsapp/automations/${off.id}`, { enabled: false }, admin)
        await makeDue(rule.id)
        await makeDue(off.id)
        nudge()
        const [ran] = await finishedRun(rule.id)
        expect(ran).toMatchObject({ status: "succeeded", attempts: 1 })
        const [skipped] = await finishedRun(off.id)
        expect(skipped).toMatchObject({ status: "skipped", error: "the rule is disabled" })
      })

      it("after a worker stops mid-run, the next claim never repeats an action already done", async () => {
        const { conversation_id } = await customerWrites("hola")
        const whatsapp = getContainer().resolve("whatsapp")
        const rule = await createRule({
          name: "restart",
          trigger: { type: "handoff_requested" },
          delay_minutes: 10,
          actions: [
            { type: "send_text", text: "Un momento, te atiende una persona." },
            { type: "notify_admins", title: "Handoff", text: "{{customer_name}}" },
            { type: "webhook", url: receiver.url, secret: SECRET },
          ],
        })
        await emit("whatsapp.conversation.handed_off", { conversation_id, message_id: "wamsg_r1" })
        const [booked] = await waitFor(async () => (await runsOf(rule.id)).length && runsOf(rule.id))
        // Worker A claims the run: due now and under its lease in one statement (the claim's own assignments), so
        // the process's drain cannot take it first. A does the first two actions, records only the first, and stops.
        const [claimed] = await rows(
          `update whatsapp_automation_run set due_at = now() - interval '1 second', status = 'running', attempts = attempts + 1,
             locked_until = now() + interval '120 seconds' where id = ? returning id, rule_id, trigger_key, event, results, attempts`,
          [booked.id]
        )
        expect(claimed.rule_id).toBe(rule.id)
        const automation = (await api.get(`/admin/whatsapp/automations/${rule.id}`, admin)).data.automation
        const context = (index: number) => ({ container: getContainer(), rule: automation, run: claimed, index, event: claimed.event, variables: { customer_name: "Ana López" }, now: new Date() })
        expect(await actionHandler("send_text")(automation.actions[0], context(0))).toMatchObject({ status: "done" })
        await whatsapp.saveAutomationRunResults(claimed.id, [{ index: 0, type: "send_text", status: "done", detail: "by worker A", attempts: 1 }])
        expect(await actionHandler("notify_admins")(automation.actions[1], context(1))).toMatchObject({ status: "done" })
        // While A's lease holds, nobody else takes the run.
        nudge()
        await whatsappWork(getContainer()).idle(5_000)
        expect((await runsOf(rule.id))[0]).toMatchObject({ status: "running", attempts: 1 })
        // The lease runs out (moved back, as the queue's clock is the database's); the lane takes the run again.
        await rows(`update whatsapp_automation_run set locked_until = now() - interval '1 second' where id = ?`, [claimed.id])
        nudge()
        const [run] = await finishedRun(rule.id)
        expect(run).toMatchObject({
          status: "succeeded",
          attempts: 2,
          results: [
            { index: 0, status: "done", detail: "by worker A", attempts: 1 },
            { index: 1, status: "done" },
            { index: 2, status: "done" },
          ],
        })
        // The text was not queued again, and the notification A sent before stopping was not sent twice (same idempotency key).
        expect(await rows(`select id from whatsapp_message where direction = 'outbound' and conversation_id = ?`, [conversation_id])).toHaveLength(1)
        expect(await rows(`select id from notification where channel = 'feed' and idempotency_key = ?`, [`automation:${claimed.id}:1:feed`])).toHaveLength(1)
        expect(receiver.requests).toHaveLength(1)
        // Running the finished run again changes nothing.
        await runAutomation(getContainer(), { ...claimed, results: run.results })
        expect(await rows(`select id from whatsapp_message where direction = 'outbound' and conversation_id = ?`, [conversation_id])).toHaveLength(1)
      })

      it("a run booked and claimed in one statement, whose process stops before running it, is claimed by the lane after its lease; a replay books nothing", async () => {
        const { conversation_id } = await customerWrites("hola")
        const [{ account_id }] = await rows(`select account_id from whatsapp_conversation where id = ?`, [conversation_id])
        const rule = await createRule({ name: "book and claim", trigger: { type: "handoff_requested" }, actions: [{ type: "send_text", text: "Te atiende una persona." }] })
        const event = { type: "handoff_requested", key: "handoff_requested:wamsg_bc1", account_id, conversation_id, occurred_at: new Date().toISOString() }
        // The booking process claims the due run with its insert (rule and conversation come with it), then stops.
        const booked = await bookAutomationRuns(getContainer(), event, { claim: true })
        expect(booked.ids).toHaveLength(1)
        expect(booked.claimed).toHaveLength(1)
        expect(booked.claimed[0]).toMatchObject({ id: booked.ids[0], rule_id: rule.id, attempts: 1, rule: { id: rule.id }, conversation: { id: conversation_id } })
        // Replayed: nothing booked, nothing claimed.
        expect(await bookAutomationRuns(getContainer(), event, { claim: true })).toEqual({ ids: [], claimed: [] })
        // While its lease holds, the lane does not take it.
        nudge()
        await whatsappWork(getContainer()).idle(5_000)
        expect((await runsOf(rule.id))[0]).toMatchObject({ status: "running", attempts: 1 })
        expect(await rows(`select id from whatsapp_message where direction = 'outbound' and conversation_id = ?`, [conversation_id])).toHaveLength(0)
        // The lease runs out: the lane claims and runs it, once.
        await rows(`update whatsapp_automation_run set locked_until = now() - interval '1 second' where id = ?`, [booked.ids[0]])
        nudge()
        const [run] = await finishedRun(rule.id)
        expect(run).toMatchObject({ status: "succeeded", attempts: 2, results: [{ index: 0, status: "done" }] })
        expect(await rows(`select id from whatsapp_message where direction = 'outbound' and conversation_id = ?`, [conversation_id])).toHaveLength(1)
      })
    })
  },
})
