import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import fs from "node:fs"
import path from "node:path"
import { sendWhatsAppCart, usePublicPort, createWhatsAppShop, whatsappOrder } from "../helpers/checkout-fixtures"
import { postWebhook, statusPayload, CART_REMINDER_TEMPLATE, ORDER_UPDATE_TEMPLATE, TEST_ACCOUNT, useSandbox, waitFor } from "../helpers/whatsapp"

/**
 * Issue 18, items 8–11: Meta's account-level webhooks against real Medusa
 * and the sandbox. The sandbox's controls make Meta's side happen (a paused
 * template, a customer who stops marketing, account and quality updates, a
 * business-app echo) and post the webhooks; payloads posted directly come
 * from other projects and Meta's pages (src/lib/__tests__/fixtures/account-webhooks/README.md).
 */
const cwd = path.join(__dirname, "../host")
const built = path.resolve(__dirname, "../../.medusa/server/src")
const CATALOG_ID = "200000000000041"
const FIXTURES = path.resolve(__dirname, "../../src/lib/__tests__/fixtures/account-webhooks")
/** A published payload, readdressed to the test account (its WABA, number and customer), nothing else changed. */
const fixture = (name: string, replace: Record<string, string> = {}) => {
  let text = fs.readFileSync(path.join(FIXTURES, name), "utf8")
  for (const [from, to] of Object.entries(replace)) text = text.split(from).join(to)
  return JSON.parse(text)
}
const REMINDER = { name: "cart_reminder", language: "es", category: "MARKETING" }
const fake = useSandbox({
  accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID }],
  sendStatuses: false,
  pollsBeforeFinished: 1,
  templates: [CART_REMINDER_TEMPLATE, ORDER_UPDATE_TEMPLATE],
})
usePublicPort()

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const { recoverAbandonedWhatsAppCartsWorkflow } = require(path.join(built, "workflows/index.js"))
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    const sentTo = (waId: string) => fake.sandbox.state.messages.filter((m: any) => m.to === waId)
    const control = fake.control
    let admin: { headers: Record<string, string> }
    let variants: any[]
    let accountId: string

    beforeEach(async () => {
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      // The fake Meta posts its webhooks to this Medusa.
      await control("config", { webhookUrl: `${api.defaults.baseURL}/whatsapp/webhook` })
      ;({ admin, variants, accountId } = await createWhatsAppShop(api, getContainer(), CATALOG_ID, [
        { title: "Camiseta Básica", sizes: ["M"], colors: ["Rojo"], price: 19.9, image: true },
      ]))
    })

    const cartFrom = (waId: string, name = "Lucía") =>
      sendWhatsAppCart(api.defaults.baseURL!, () => fake.sandbox.state.messages, rows, {
        waId,
        name,
        catalogId: CATALOG_ID,
        items: [{ id: variants[0].id, quantity: 1, price: 19.9 }],
      })
    const recover = (now: Date) => recoverAbandonedWhatsAppCartsWorkflow(getContainer()).run({ input: { now } }).then((r: any) => r.result)
    const minutesAfter = (date: Date, minutes: number) => new Date(new Date(date).getTime() + minutes * 60_000)
    const cartRow = async (id: string) => (await rows(`select * from whatsapp_cart where id = ?`, [id]))[0]
    const conversation = async (waId: string) => (await rows(`select * from whatsapp_conversation where wa_id = ?`, [waId]))[0]
    const templateStatus = async (name: string) => (await rows(`select * from whatsapp_template_status where name = ?`, [name]))[0]
    /** The wamid of the plugin's checkout-link message in a conversation, once Meta accepted it. */
    const sentWamid = (conversationId: string) =>
      waitFor(async () => (await rows(`select wamid from whatsapp_message where conversation_id = ? and direction = 'outbound' and wamid is not null`, [conversationId]))[0]?.wamid as string, {
        what: "the sent message's wamid",
      })
    const processedEvents = () => rows(`select status, last_error from whatsapp_webhook_event order by received_at`)

    it("8. keeps each template's latest status; recovery and order updates never send a paused one, and the admin says why", async () => {
      await api.post(`/admin/whatsapp/accounts/${accountId}`, { settings: { recovery_template: REMINDER } }, admin)
      const other_info = { title: "FIRST_PAUSE", description: "Your WhatsApp message template has been paused for 3 hours." }
      expect((await control("template-status", { name: "cart_reminder", language: "es", event: "PAUSED", other_info })).webhook_status).toBe(200)
      const paused = await waitFor(async () => (await templateStatus("cart_reminder"))?.status === "PAUSED" && templateStatus("cart_reminder"), {
        what: "the stored template status",
      })
      expect(paused).toMatchObject({ waba_id: TEST_ACCOUNT.waba_id, language: "es", reason: null, category: "MARKETING", other_info })

      // An older webhook (Meta does not deliver in order) leaves the newer status alone.
      const stale = fixture("template-status-approved.pywa.json", { "57438975935": TEST_ACCOUNT.waba_id, my_message_template: "cart_reminder", "pt-BR": "es" })
      await postWebhook(api.defaults.baseURL!, stale)
      await waitFor(async () => (await processedEvents()).every((e: any) => e.status !== "pending"), { what: "the stale webhook processed" })
      expect((await templateStatus("cart_reminder")).status).toBe("PAUSED")

      // The admin sees why: the template picker and the connection check.
      const { data: templates } = await api.get(`/admin/whatsapp/accounts/${accountId}/templates`, admin)
      expect(templates.templates.find((t: any) => t.name === "cart_reminder")).toMatchObject({
        fits: { recovery: false, order_update: false },
        unusable_reason: 'Template "cart_reminder" (es) is PAUSED: FIRST_PAUSE: Your WhatsApp message template has been paused for 3 hours.; Meta only sends approved templates.',
      })
      const { data: health } = await api.get(`/admin/whatsapp/accounts/${accountId}/health`, admin)
      expect(health.lines.find((l: any) => l.key === "account_events")).toMatchObject({ ok: false, detail: expect.stringContaining('"cart_reminder" (es) is PAUSED') })

      // Recovery outside the 24-hour window: skipped with the reason, nothing sent.
      const cart = await cartFrom("34633300001")
      await dbConnection.raw(`update whatsapp_conversation set last_inbound_at = now() - interval '30 hours' where id = ?`, [cart.conversation_id])
      const sentBefore = sentTo("34633300001").length
      const result = await recover(minutesAfter(cart.created_at, 61))
      expect(result.abandoned).toEqual([expect.objectContaining({ whatsapp_cart_id: cart.id, reminded: false, skipped_reason: "template_not_approved" })])
      expect(await cartRow(cart.id)).toMatchObject({ status: "abandoned", recovery_sent_at: null, recovery_skipped_reason: "template_not_approved" })
      expect(sentTo("34633300001")).toHaveLength(sentBefore)

      // Order updates use the same check: a rejected template is refused with Meta's reason; inside the window the text still goes.
      await control("template-status", { name: "order_update", language: "es", event: "REJECTED", reason: "INCORRECT_CATEGORY" })
      await waitFor(async () => (await templateStatus("order_update"))?.status === "REJECTED", { what: "the rejected order template" })
      const notification = (key: string) => ({
        to: "34633300001",
        channel: "whatsapp",
        template: "whatsapp-order-shipped",
        data: { conversation_id: cart.conversation_id, text: "Tu pedido ha salido", template: { name: "order_update", language: "es", components: [] } },
        idempotency_key: key,
      })
      const notifications = getContainer().resolve(Modules.NOTIFICATION)
      await expect(notifications.createNotifications([notification("closed-window")])).rejects.toThrow(
        'Template "order_update" (es) is REJECTED: INCORRECT_CATEGORY; Meta only sends approved templates.'
      )
      expect(await rows(`select id from whatsapp_message where idempotency_key = 'notification:closed-window'`)).toEqual([])
      await dbConnection.raw(`update whatsapp_conversation set last_inbound_at = now() where id = ?`, [cart.conversation_id])
      await notifications.createNotifications([notification("open-window")])
      expect(await rows(`select type, text from whatsapp_message where idempotency_key = 'notification:open-window'`)).toEqual([
        { type: "text", text: "Tu pedido ha salido" },
      ])

      // Approved again: the reminder goes as a template.
      await control("template-status", { name: "cart_reminder", language: "es", event: "APPROVED" })
      await waitFor(async () => (await templateStatus("cart_reminder")).status === "APPROVED", { what: "the approval" })
      const next = await cartFrom("34633300002")
      await dbConnection.raw(`update whatsapp_conversation set last_inbound_at = now() - interval '30 hours' where id = ?`, [next.conversation_id])
      const again = await recover(minutesAfter(next.created_at, 61))
      expect(again.abandoned).toEqual([expect.objectContaining({ whatsapp_cart_id: next.id, reminded: true, channel: "template" })])
    })

    it("9. keeps the customer's marketing preference (latest wins), skips their reminder with that reason, and treats 131050 as a stop", async () => {
      const cart = await cartFrom("34633300003")
      await control("user-preferences", { wa_id: "34633300003", value: "stop" })
      const stopped = await waitFor(async () => (await conversation("34633300003")).marketing_preference === "stop" && conversation("34633300003"), {
        what: "the stored preference",
      })
      expect(stopped.marketing_preference_detail).toBe("User requested to stop marketing messages")

      // pywa's published "resume" is from 2024: older than the stop, so it changes nothing.
      await postWebhook(
        api.defaults.baseURL!,
        fixture("user-preferences-resume.pywa.json", { "102290129340398": TEST_ACCOUNT.waba_id, "106540352242922": TEST_ACCOUNT.phone_number_id, "16505551234": "34633300003" })
      )
      await waitFor(async () => (await processedEvents()).every((e: any) => e.status !== "pending"), { what: "the old preference processed" })
      expect((await conversation("34633300003")).marketing_preference).toBe("stop")
      const { data } = await api.get(`/admin/whatsapp/conversations/${cart.conversation_id}`, admin)
      expect(data.conversation).toMatchObject({ marketing_preference: "stop", marketing_preference_detail: "User requested to stop marketing messages" })

      // Inside the window, and a reminder is marketing: skipped with the reason, nothing sent.
      const before = sentTo("34633300003").length
      const result = await recover(minutesAfter(cart.created_at, 61))
      expect(result.abandoned).toEqual([expect.objectContaining({ whatsapp_cart_id: cart.id, reminded: false, skipped_reason: "marketing_stopped" })])
      expect(await cartRow(cart.id)).toMatchObject({ recovery_skipped_reason: "marketing_stopped", recovery_sent_at: null })
      expect(sentTo("34633300003")).toHaveLength(before)

      // A resume from the customer (newer) lets the next cart's reminder go.
      await control("user-preferences", { wa_id: "34633300003", value: "resume" })
      await waitFor(async () => (await conversation("34633300003")).marketing_preference === "resume", { what: "the resume" })
      const next = await cartFrom("34633300003")
      const again = await recover(minutesAfter(next.created_at, 61))
      expect(again.abandoned).toEqual([expect.objectContaining({ whatsapp_cart_id: next.id, reminded: true })])

      // Meta's 131050 on a marketing template means the same: the conversation is marked stopped.
      const other = await cartFrom("34633300004")
      const link = { wamid: await sentWamid(other.conversation_id) }
      await postWebhook(
        api.defaults.baseURL!,
        statusPayload([
          {
            id: link.wamid,
            status: "failed",
            recipient: "34633300004",
            errors: [{ code: 131050, title: "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business." }],
          },
        ])
      )
      const marked = await waitFor(async () => (await conversation("34633300004")).marketing_preference === "stop" && conversation("34633300004"), {
        what: "the stop from 131050",
      })
      expect(marked.marketing_preference_detail).toContain("131050")
    })

    it("10. stores account, quality and review updates and shows them in the connection check", async () => {
      await control("account-update", {
        event: "ACCOUNT_RESTRICTION",
        restriction_info: [{ restriction_type: "RESTRICTED_BIZ_INITIATED_MESSAGING", expiration: 1767225600 }],
      })
      await control("quality-update", { event: "UPGRADE", old_limit: "TIER_250", max_daily_conversations_per_business: "TIER_2K" })
      await control("account-review", { decision: "APPROVED" })
      // A published payload too (pywa), addressed to the test WABA.
      await postWebhook(api.defaults.baseURL!, fixture("account-update-disabled.pywa.json", { "102290129340398": TEST_ACCOUNT.waba_id }))
      const events = await waitFor(async () => {
        const found = await rows(`select field, event, summary, payload from whatsapp_account_event where account_id = ? order by occurred_at, created_at`, [accountId])
        return found.length >= 4 && found
      }, { what: "the account events" })
      expect(events.map((e: any) => [e.field, e.event])).toEqual(
        expect.arrayContaining([
          ["account_update", "ACCOUNT_RESTRICTION"],
          ["phone_number_quality_update", "UPGRADE"],
          ["account_review_update", null],
          ["account_update", "DISABLED_UPDATE"],
        ])
      )
      expect(events.find((e: any) => e.event === "ACCOUNT_RESTRICTION").payload).toMatchObject({ restriction_info: [{ restriction_type: "RESTRICTED_BIZ_INITIATED_MESSAGING" }] })
      const [account] = await rows(`select messaging_limit_tier, quality_event, review_decision from whatsapp_account where id = ?`, [accountId])
      expect(account).toEqual({ messaging_limit_tier: "TIER_2K", quality_event: "UPGRADE", review_decision: "APPROVED" })

      const { data: health } = await api.get(`/admin/whatsapp/accounts/${accountId}/health`, admin)
      const line = health.lines.find((l: any) => l.key === "account_events")
      // The latest account update is the restriction (now), not pywa's 2025 reinstatement.
      expect(line).toMatchObject({ ok: false, detail: expect.stringContaining("limit TIER_2K (UPGRADE) · review APPROVED · Account update: ACCOUNT_RESTRICTION") })
      expect(line.data.events.map((e: any) => e.summary)).toEqual(expect.arrayContaining(["Account review: APPROVED", "Account update: DISABLED_UPDATE (ban REINSTATE since April 17, 2025)"]))

      // A redelivered webhook adds nothing.
      await postWebhook(api.defaults.baseURL!, fixture("account-update-disabled.pywa.json", { "102290129340398": TEST_ACCOUNT.waba_id }))
      await waitFor(async () => (await processedEvents()).every((e: any) => e.status !== "pending"), { what: "the redelivery processed" })
      expect(await rows(`select id from whatsapp_account_event where event = 'DISABLED_UPDATE'`)).toHaveLength(1)

      // A WABA no account has is stored and ignored.
      await postWebhook(api.defaults.baseURL!, fixture("account-review.meta.json"))
      await waitFor(async () => (await processedEvents()).some((e: any) => e.status === "ignored" && e.last_error?.includes("WABA 102290129340398")), {
        what: "the unknown WABA ignored",
      })
    })

    it("10. stores business-app echoes as outbound messages without answering, keeps status pricing and applies played", async () => {
      const sent = await control("echo", { to: "34633300005", text: "Te guardo la talla M hasta mañana" })
      const echo = await waitFor(async () => (await rows(`select * from whatsapp_message where wamid = ?`, [sent.wamid]))[0], { what: "the echo" })
      expect(echo).toMatchObject({ direction: "outbound", status: "sent", echo: true, type: "text", text: "Te guardo la talla M hasta mañana" })
      expect((await conversation("34633300005")).last_inbound_at).toBeNull()
      await postWebhook(api.defaults.baseURL!, sent.payload)
      await new Promise((r) => setTimeout(r, 1000))
      expect(await rows(`select id from whatsapp_message where wamid = ?`, [sent.wamid])).toHaveLength(1)
      expect(sentTo("34633300005").filter((m: any) => !m.echo)).toEqual([])
      const { data } = await api.get(`/admin/whatsapp/conversations/${echo.conversation_id}/messages`, admin)
      expect(data.messages).toEqual([expect.objectContaining({ wamid: sent.wamid, direction: "outbound", echo: true })])

      // Meta's echo example (its page's values), to a number the account never wrote to.
      await postWebhook(
        api.defaults.baseURL!,
        fixture("smb-message-echo.meta.json", { "102290129340398": TEST_ACCOUNT.waba_id, "106540352242922": TEST_ACCOUNT.phone_number_id })
      )
      await waitFor(async () => (await rows(`select m.id from whatsapp_message m join whatsapp_conversation c on c.id = m.conversation_id where c.wa_id = '16505551234' and m.echo`)).length === 1, {
        what: "Meta's example echo",
      })

      // Pricing from a published sent status (Gupshup's PMP example) on one of the plugin's messages; played after read.
      const cart = await cartFrom("34633300006")
      const link = { wamid: await sentWamid(cart.conversation_id) }
      const status = (name: string) =>
        fixture("status-sent-pricing.gupshup.json", {
          "112535025189792": TEST_ACCOUNT.waba_id,
          "106540352242922": TEST_ACCOUNT.phone_number_id,
          "wamid.PRICED": link.wamid,
          '"status": "sent"': `"status": "${name}"`,
        })
      await postWebhook(api.defaults.baseURL!, status("read"))
      await postWebhook(api.defaults.baseURL!, status("played"))
      await postWebhook(api.defaults.baseURL!, status("sent"))
      const priced = await waitFor(async () => {
        const [row] = await rows(`select status, pricing_category, pricing_billable, pricing_model, pricing_type from whatsapp_message where wamid = ?`, [link.wamid])
        return row.status === "played" && row.pricing_category && row
      }, { what: "the priced, played message" })
      await waitFor(async () => (await processedEvents()).every((e: any) => e.status !== "pending" && e.status !== "failed"), { what: "the statuses processed" })
      expect(await rows(`select status, pricing_category, pricing_billable, pricing_model, pricing_type from whatsapp_message where wamid = ?`, [link.wamid])).toEqual([
        { status: "played", pricing_category: "marketing", pricing_billable: true, pricing_model: "PMP", pricing_type: "regular" },
      ])
      expect(priced.status).toBe("played")
    })

    it("11. refuses an order from another catalog with a reply in the customer's language and the reason on the message", async () => {
      const order = whatsappOrder({ wa_id: "34633300007", name: "Pablo" }, "999999999999999", [{ id: variants[0].id, quantity: 1, price: 19.9 }])
      await postWebhook(api.defaults.baseURL!, order)
      const reply = await waitFor(async () => sentTo("34633300007").find((m: any) => m.body.type === "text"), { what: "the refusal" })
      expect(reply.body.text.body).toBe(
        "Lo siento, este carrito viene de un catálogo que no vendemos en este número, así que no podemos aceptarlo. Abre nuestro catálogo desde este chat y vuelve a añadir los artículos."
      )
      const [message] = await waitFor(async () => {
        const found = await rows(`select handled_at, handle_error from whatsapp_message where wamid = ?`, [(order.entry[0].changes[0].value as any).messages[0].id])
        return found[0]?.handled_at && found
      }, { what: "the handled order" })
      expect(message.handle_error).toBe(`order from catalog 999999999999999 refused: the account sells from catalog ${CATALOG_ID}`)
      expect(await rows(`select w.id from whatsapp_cart w join whatsapp_conversation c on c.id = w.conversation_id where c.wa_id = '34633300007'`)).toEqual([])
      expect(sentTo("34633300007")).toHaveLength(1)
    })
  },
})

jest.setTimeout(240_000)
