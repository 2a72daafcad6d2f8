import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import type { CatalogFixture } from "../helpers/catalog-fixtures"
import { Browser, submitCheckout } from "../helpers/checkout-browser"
import { PROVIDERS, sendWhatsAppCart, usePublicPort, createWhatsAppShop } from "../helpers/checkout-fixtures"
import { postWebhook, textPayload, CART_REMINDER_TEMPLATE, ORDER_UPDATE_TEMPLATE, TEST_ACCOUNT, useSandbox, waitFor, recordEvents } from "../helpers/whatsapp"

const cwd = path.join(__dirname, "../host")
const built = path.resolve(__dirname, "../../.medusa/server/src")
const CATALOG_ID = "200000000000031"
const HOUR = 3_600_000
const fake = useSandbox({
  accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID }],
  sendStatuses: false,
  pollsBeforeFinished: 1,
  templates: [CART_REMINDER_TEMPLATE, ORDER_UPDATE_TEMPLATE],
})
usePublicPort()

const RECOVERY_TEMPLATE = { name: "cart_reminder", language: "es", category: "MARKETING" }

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const { recoverAbandonedWhatsAppCartsWorkflow } = require(path.join(built, "workflows/index.js"))
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    const sentTo = (waId: string) => fake.sandbox.state.messages.filter((m: any) => m.to === waId)
    const events = recordEvents(getContainer, ["whatsapp.cart.abandoned", "whatsapp.cart.recovered"])
    let fixture: CatalogFixture
    let admin: { headers: Record<string, string> }
    let variants: any[]
    let shippingOptionId: string
    let accountId: string

    beforeEach(async () => {
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      ;({ admin, fixture, variants, shippingOptionId, accountId } = await createWhatsAppShop(api, getContainer(), CATALOG_ID, [
        { title: "Camiseta Básica", sizes: ["M"], colors: ["Rojo", "Azul"], price: 19.9, image: true },
      ]))
    })

    const setSettings = (settings: Record<string, unknown>) => api.post(`/admin/whatsapp/accounts/${accountId}`, { settings }, admin)

    /** A customer sends a cart (3 × 19,90) and gets the checkout link. */
    const cartFrom = (waId: string, name = "Lucía") =>
      sendWhatsAppCart(api.defaults.baseURL!, () => fake.sandbox.state.messages, rows, {
        waId,
        name,
        catalogId: CATALOG_ID,
        items: [
          { id: variants[0].id, quantity: 2, price: 19.9 },
          { id: variants[1].id, quantity: 1, price: 19.9 },
        ],
      })

    const recover = (now: Date) => recoverAbandonedWhatsAppCartsWorkflow(getContainer()).run({ input: { now } }).then((r: any) => r.result)
    const cartRow = async (id: string) => (await rows(`select * from whatsapp_cart where id = ?`, [id]))[0]
    const reminders = (id: string) => rows(`select id, type, status, payload from whatsapp_message where idempotency_key = ?`, [`cart-recovery:${id}`])
    const minutesAfter = (date: Date, minutes: number) => new Date(new Date(date).getTime() + minutes * 60_000)
    const lastInbound = (conversationId: string, at: Date) =>
      dbConnection.raw(`update whatsapp_conversation set last_inbound_at = ? where id = ?`, [at, conversationId])

    it("reminds once at the delay, never before and never twice, even when two runs overlap", async () => {
      const cart = await cartFrom("34611100001")
      const before = await recover(minutesAfter(cart.created_at, 59))
      expect(before.abandoned.filter((a: any) => a.whatsapp_cart_id === cart.id)).toEqual([])
      expect((await cartRow(cart.id)).status).toBe("link_sent")

      // created_at has microseconds, a JS Date milliseconds: "at the delay" is the next millisecond.
      const due = new Date(minutesAfter(cart.created_at, 60).getTime() + 1)
      const [first, second] = await Promise.all([recover(due), recover(due)])
      expect([first.reminded, second.reminded].sort()).toEqual([0, 1])
      const row = await cartRow(cart.id)
      expect(row).toMatchObject({ status: "abandoned", recovery_channel: "interactive", recovery_skipped_reason: null })
      expect(new Date(row.recovery_sent_at).getTime()).toBe(due.getTime())
      expect(await reminders(cart.id)).toHaveLength(1)

      await recover(minutesAfter(cart.created_at, 180))
      expect(await reminders(cart.id)).toHaveLength(1)
      const reminderAtFake = () => sentTo("34611100001").filter((m: any) => m.body.interactive?.action?.parameters?.display_text === "Finalizar compra")
      const sent = await waitFor(async () => (reminderAtFake().length ? reminderAtFake() : null), {
        what: "the reminder at the fake",
      })
      await new Promise((r) => setTimeout(r, 500))
      expect(sentTo("34611100001").filter((m: any) => m.body.interactive?.action?.parameters?.display_text === "Finalizar compra")).toHaveLength(1)
      expect(sent[0].body.interactive.body.text).toContain("Hola Lucía")
      expect(sent[0].body.interactive.body.text).toMatch(/Total: 59,70/)
      expect(events["whatsapp.cart.abandoned"]).toEqual([
        expect.objectContaining({ whatsapp_cart_id: cart.id, cart_id: cart.cart_id, reminded: true, channel: "interactive" }),
      ])

      // The reminder's link is a working checkout link.
      const link = new URL(sent[0].body.interactive.action.parameters.url)
      expect((await new Browser(api.defaults.baseURL!).get(link.pathname)).status).toBe(200)
    })

    it("speaks the customer's own language in the cart summary, the checkout page and the reminder", async () => {
      // A Spanish shop; this customer writes in English first (auto-replies off: only the language matters here).
      await setSettings({ text_auto_reply: false })
      await postWebhook(api.defaults.baseURL!, textPayload({ from: "447700900456", name: "Emma", text: "Hello, do you ship to Madrid?" }))
      await waitFor(async () => (await rows(`select language from whatsapp_conversation where wa_id = ?`, ["447700900456"]))[0]?.language === "en", {
        what: "the conversation's language",
      })
      const cart = await cartFrom("447700900456", "Emma")
      const summary = sentTo("447700900456").find((m: any) => m.body.interactive?.type === "cta_url")
      expect(summary.body.interactive.body.text).toContain("🛒 Your cart")
      const page = await new Browser(api.defaults.baseURL!).get(cart.checkoutPath)
      expect(page.html).toContain('lang="en"')
      expect(page.html).toMatch(/<span id="pay-label">Pay<\/span>/)

      const due = new Date(minutesAfter(cart.created_at, 60).getTime() + 1)
      await lastInbound(cart.conversation_id, minutesAfter(cart.created_at, 1))
      await recover(due)
      const reminder = await waitFor(async () => sentTo("447700900456").find((m: any) => m.body.interactive?.action?.parameters?.display_text === "Complete purchase"), {
        what: "the reminder in English",
      })
      expect(reminder.body.interactive.body.text).toContain("Hi Emma, your cart is still waiting for you")

      // A customer who never wrote gets the account's language.
      const silent = await cartFrom("34611100009")
      expect((await new Browser(api.defaults.baseURL!).get(silent.checkoutPath)).html).toContain('lang="es"')
    })

    it("skips a paid cart and records an opted-out customer's cart without writing to them", async () => {
      const paid = await cartFrom("34611100002")
      await submitCheckout(new Browser(api.defaults.baseURL!), paid.checkoutPath, shippingOptionId, PROVIDERS.manual)
      await waitFor(async () => (await cartRow(paid.id)).order_id, { what: "the order" })
      await api.post(`/admin/whatsapp/carts/${paid.id}/mark-paid`, {}, admin)

      const optedOut = await cartFrom("34611100003")
      await postWebhook(api.defaults.baseURL!, textPayload({ from: "34611100003", text: "BAJA" }))
      await waitFor(async () => (await rows(`select opted_out from whatsapp_conversation where id = ?`, [optedOut.conversation_id]))[0].opted_out, {
        what: "the opt-out",
      })

      const result = await recover(minutesAfter(optedOut.created_at, 61))
      expect(result.reminded).toBe(0)
      expect(await cartRow(paid.id)).toMatchObject({ status: "paid", abandoned_at: null, recovery_sent_at: null })
      expect(await cartRow(optedOut.id)).toMatchObject({ status: "abandoned", recovery_sent_at: null, recovery_skipped_reason: "opted_out" })
      expect(await reminders(paid.id)).toEqual([])
      expect(await reminders(optedOut.id)).toEqual([])
    })

    it("is interactive at 23:59:59 after the last message and the template at 24:00:01", async () => {
      await setSettings({ recovery_template: RECOVERY_TEMPLATE })
      const inside = await cartFrom("34611100004", "Ana")
      const outside = await cartFrom("34611100005", "Bea")
      const now = minutesAfter(outside.created_at, 61)
      await lastInbound(inside.conversation_id, new Date(now.getTime() - 24 * HOUR + 1000))
      await lastInbound(outside.conversation_id, new Date(now.getTime() - 24 * HOUR - 1000))
      await recover(now)

      expect(await cartRow(inside.id)).toMatchObject({ status: "abandoned", recovery_channel: "interactive" })
      expect(await cartRow(outside.id)).toMatchObject({ status: "abandoned", recovery_channel: "template" })
      const template = await waitFor(async () => sentTo("34611100005").find((m: any) => m.type === "template"), { what: "the template at the fake" })
      const [body, button] = template.body.template.components
      expect(template.body.template).toMatchObject({ name: "cart_reminder", language: { code: "es" } })
      expect(body.parameters).toEqual([
        { type: "text", text: "Bea" },
        { type: "currency", currency: { fallback_value: expect.stringMatching(/59,70/), code: "EUR", amount_1000: 59700 } },
      ])
      // The button carries the token: the template's URL is <publicUrl>/whatsapp/checkout/{{1}}.
      const token = button.parameters[0].text
      expect((await new Browser(api.defaults.baseURL!).get(`/whatsapp/checkout/${token}`)).status).toBe(200)
      const [message] = await reminders(outside.id)
      await waitFor(async () => (await rows(`select status from whatsapp_message where id = ?`, [message.id]))[0].status === "sent", { what: "the template sent" })
      await waitFor(async () => sentTo("34611100004").find((m: any) => m.body.interactive?.action?.parameters?.display_text === "Finalizar compra"), {
        what: "the interactive reminder",
      })
    })

    it("records why nothing was sent outside the window without a template, or with a marketing template to a US number", async () => {
      const noTemplate = await cartFrom("34611100006")
      const now = minutesAfter(noTemplate.created_at, 90)
      await lastInbound(noTemplate.conversation_id, new Date(now.getTime() - 30 * HOUR))
      await recover(now)
      expect(await cartRow(noTemplate.id)).toMatchObject({ status: "abandoned", recovery_sent_at: null, recovery_skipped_reason: "no_template" })
      expect(await reminders(noTemplate.id)).toEqual([])
      expect(events["whatsapp.cart.abandoned"]).toEqual([expect.objectContaining({ whatsapp_cart_id: noTemplate.id, reminded: false, skipped_reason: "no_template" })])

      await setSettings({ recovery_template: RECOVERY_TEMPLATE })
      const us = await cartFrom("14155550123")
      const later = minutesAfter(us.created_at, 90)
      await lastInbound(us.conversation_id, new Date(later.getTime() - 30 * HOUR))
      await recover(later)
      expect(await cartRow(us.id)).toMatchObject({ status: "abandoned", recovery_sent_at: null, recovery_skipped_reason: "marketing_template_blocked" })
      expect(fake.sandbox.state.messages.filter((m: any) => m.type === "template")).toEqual([])
    })

    it("counts a cart paid after its reminder as recovered, with its revenue, and reports the funnel", async () => {
      const reminded = await cartFrom("34611100007")
      const direct = await cartFrom("34611100008")
      const browser = new Browser(api.defaults.baseURL!)
      // One customer pays before any reminder…
      await submitCheckout(browser, direct.checkoutPath, shippingOptionId, PROVIDERS.manual)
      await waitFor(async () => (await cartRow(direct.id)).order_id, { what: "the first order" })
      await api.post(`/admin/whatsapp/carts/${direct.id}/mark-paid`, {}, admin)
      // …the other only after it.
      await recover(minutesAfter(reminded.created_at, 61))
      const reminder = await waitFor(async () => sentTo("34611100007").find((m: any) => m.body.interactive?.action?.parameters?.display_text === "Finalizar compra"), {
        what: "the reminder",
      })
      await submitCheckout(new Browser(api.defaults.baseURL!), new URL(reminder.body.interactive.action.parameters.url).pathname, shippingOptionId, PROVIDERS.manual)
      await waitFor(async () => (await cartRow(reminded.id)).order_id, { what: "the recovered order" })
      expect((await cartRow(reminded.id)).status).toBe("ordered")
      await api.post(`/admin/whatsapp/carts/${reminded.id}/mark-paid`, {}, admin)
      expect(await cartRow(reminded.id)).toMatchObject({ status: "recovered" })
      expect(Number((await cartRow(reminded.id)).order_total)).toBeCloseTo(64.65) // 3 × 19,90 + 4,95 delivery

      await waitFor(async () => events["whatsapp.cart.recovered"]?.length, { what: "whatsapp.cart.recovered" })
      expect(events["whatsapp.cart.recovered"]).toEqual([
        expect.objectContaining({ whatsapp_cart_id: reminded.id, total: 64.65, currency: "eur" }),
      ])

      const from = new Date(Date.now() - HOUR).toISOString()
      const to = new Date(Date.now() + HOUR).toISOString()
      const { data } = await api.get(`/admin/whatsapp/stats?from=${from}&to=${to}`, admin)
      expect(data.carts).toEqual({ submitted: 2, paid: 2, awaiting_payment: 0, abandoned: 1, reminded: 1, recovered: 1 })
      expect(data.recovery_rate).toBe(1)
      expect(data.revenue).toEqual([{ currency_code: "eur", paid: 129.3, recovered: 64.65 }])
      const empty = await api.get(`/admin/whatsapp/stats?from=2020-01-01&to=2020-02-01`, admin)
      expect(empty.data.carts.submitted).toBe(0)
      const bad = await api.get(`/admin/whatsapp/stats?from=${to}&to=${from}`, admin).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
    })

    it("records an order whose order.placed handling was lost, instead of reminding its cart", async () => {
      const cart = await cartFrom("34611100009")
      await submitCheckout(new Browser(api.defaults.baseURL!), cart.checkoutPath, shippingOptionId, PROVIDERS.manual)
      const orderId = await waitFor(async () => (await cartRow(cart.id)).order_id, { what: "the order" })
      // As if order.placed had never been handled: the row forgets its order, and its cart is past the delay.
      await rows(
        `update whatsapp_cart set order_id = null, status = 'link_sent', order_total = null, raw_order_total = null, created_at = created_at - interval '2 hours' where id = ?`,
        [cart.id]
      )
      const { default: recoveryJob } = require(path.join(built, "jobs/recover-abandoned-whatsapp-carts.js"))
      await recoveryJob(getContainer())
      expect(await cartRow(cart.id)).toMatchObject({ order_id: orderId, status: "ordered" })
      expect(await reminders(cart.id)).toHaveLength(0)
      // The cart's account and conversation are declared relations: Query follows them.
      const { data } = await getContainer().resolve("query").graph({ entity: "whatsapp_cart", fields: ["id", "conversation.wa_id", "account.id"], filters: { id: cart.id } })
      expect(data).toEqual([expect.objectContaining({ id: cart.id, conversation: expect.objectContaining({ wa_id: "34611100009" }), account: expect.objectContaining({ id: accountId }) })])
    })

    it("lists the account's templates from the Graph API with what each fits", async () => {
      const { data } = await api.get(`/admin/whatsapp/accounts/${accountId}/templates`, admin)
      expect(data.templates).toEqual([
        expect.objectContaining({ name: "cart_reminder", language: "es", status: "APPROVED", category: "MARKETING", fits: { recovery: true, order_update: false } }),
        expect.objectContaining({ name: "order_update", language: "es", status: "APPROVED", category: "UTILITY", fits: { recovery: false, order_update: true } }),
      ])
      await api.post(`/admin/whatsapp/accounts/${accountId}`, { access_token: "revoked-token" }, admin)
      const failed = await api.get(`/admin/whatsapp/accounts/${accountId}/templates`, admin).catch((e: any) => e.response)
      expect(failed.status).toBe(502)
      expect(failed.data.message).toMatch(/Meta did not return the templates: .*code 190/)
    })
  },
})
