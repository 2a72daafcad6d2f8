import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import { Browser, submitCheckout } from "../helpers/checkout-browser"
import { PROVIDERS, sendWhatsAppCart, usePublicPort, createWhatsAppShop } from "../helpers/checkout-fixtures"
import { postWebhook, textPayload, CART_REMINDER_TEMPLATE, ORDER_UPDATE_TEMPLATE, TEST_ACCOUNT, useSandbox, waitFor } from "../helpers/whatsapp"

const cwd = path.join(__dirname, "../host")
const built = path.resolve(__dirname, "../../.medusa/server/src")
const CATALOG_ID = "200000000000032"
const HOUR = 3_600_000
const fake = useSandbox({
  accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID }],
  sendStatuses: false,
  pollsBeforeFinished: 1,
  templates: [CART_REMINDER_TEMPLATE, ORDER_UPDATE_TEMPLATE],
})
usePublicPort()

/** 1 h, 24 h (10 % off for 48 h) and 72 h after the link. */
const STEPS = [
  { delay_minutes: 60, text: "Hola {{customer_name}}, tu carrito de {{cart_total}} te espera en {{store_name}}." },
  {
    delay_minutes: 24 * 60,
    text: "Solo para ti: {{discount_code}} (10 %), válido hasta {{discount_expires_at}}. Total ahora {{cart_total}}.",
    discount: { kind: "percentage", value: 10, expires_in_hours: 48 },
  },
  { delay_minutes: 72 * 60, text: "Última llamada, {{customer_name}}: {{cart_total}}." },
]

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const { recoverAbandonedWhatsAppCartsWorkflow } = require(path.join(built, "workflows/index.js"))
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    const sentTo = (waId: string) => fake.sandbox.state.messages.filter((m: any) => m.to === waId)
    let admin: { headers: Record<string, string> }
    let variants: any[]
    let shippingOptionId: string
    let accountId: string

    beforeEach(async () => {
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      // Meta's account webhooks (user_preferences) reach this Medusa.
      await fake.control("config", { webhookUrl: `${api.defaults.baseURL}/whatsapp/webhook` })
      ;({ admin, variants, shippingOptionId, accountId } = await createWhatsAppShop(api, getContainer(), CATALOG_ID, [
        { title: "Camiseta Básica", sizes: ["M"], colors: ["Rojo", "Azul"], price: 19.9, image: true },
      ]))
      await api.post(`/admin/whatsapp/accounts/${accountId}`, { settings: { recovery_steps: STEPS } }, admin)
    })

    /** A customer sends a cart (3 × 19,90 = 59,70) and gets the checkout link. */
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
    /** `minutes` after the cart was sent (plus a millisecond: created_at has microseconds), the customer having written an hour before. */
    const at = async (cart: { created_at: Date; conversation_id: string }, minutes: number) => {
      const now = new Date(new Date(cart.created_at).getTime() + minutes * 60_000 + 1)
      await dbConnection.raw(`update whatsapp_conversation set last_inbound_at = ? where id = ?`, [new Date(now.getTime() - HOUR), cart.conversation_id])
      return now
    }
    const stepRows = (id: string) => rows(`select step, message_id, skipped_reason, promotion_code, clicked_at from whatsapp_recovery_step where whatsapp_cart_id = ? order by step`, [id])
    const reminderTexts = (waId: string) =>
      sentTo(waId).filter((m: any) => m.body.interactive?.action?.parameters?.display_text === "Finalizar compra").map((m: any) => m.body.interactive.body.text as string)
    const medusaCart = async (id: string) =>
      (
        await getContainer()
          .resolve("query")
          .graph({ entity: "cart", fields: ["id", "total", "discount_total", "promotions.code"], filters: { id } })
      ).data[0]

    it("sends each of three steps at its delay and never twice, the second with a Medusa promotion code applied to the cart", async () => {
      const cart = await cartFrom("34622200001")
      expect((await recover(await at(cart, 59))).reminded).toBe(0)

      // Step 1 at 1 h; two overlapping runs send it once.
      const [a, b] = await Promise.all([recover(await at(cart, 60)), recover(await at(cart, 60))])
      expect(a.reminded + b.reminded).toBe(1)
      expect((await recover(await at(cart, 23 * 60))).reminded).toBe(0)
      await waitFor(async () => reminderTexts("34622200001").length === 1, { what: "step 1 at the fake" })
      expect(reminderTexts("34622200001")[0]).toMatch(/^Hola Lucía, tu carrito de 59,70\s€ te espera en /)

      // Step 2 at 24 h: a code for this cart and step, applied to the Medusa cart before the message is written.
      const [c, d] = await Promise.all([recover(await at(cart, 24 * 60)), recover(await at(cart, 24 * 60))])
      expect(c.reminded + d.reminded).toBe(1)
      const [, second] = await stepRows(cart.id)
      expect(second).toMatchObject({ step: 2, skipped_reason: null, promotion_code: expect.stringMatching(/^WA-[A-Z2-9]{10}$/) })
      const code = second.promotion_code
      const promotions = getContainer().resolve("promotion")
      const [promotion] = await promotions.listPromotions({ code }, { relations: ["campaign", "application_method"] })
      expect(promotion).toMatchObject({ limit: 1, status: "active", is_automatic: false, application_method: expect.objectContaining({ type: "percentage", value: 10 }) })
      const sentAt = await at(cart, 24 * 60)
      expect(new Date(promotion.campaign.ends_at).getTime()).toBe(sentAt.getTime() + 48 * HOUR)
      expect(await promotions.listPromotions({ code })).toHaveLength(1)

      const discounted = await medusaCart(cart.cart_id)
      expect(discounted.promotions.map((p: any) => p.code)).toEqual([code])
      expect(Number(discounted.total)).toBeCloseTo(53.73)
      expect(Number(discounted.discount_total)).toBeCloseTo(5.97)
      const texts = await waitFor(async () => reminderTexts("34622200001").length === 2 && reminderTexts("34622200001"), { what: "step 2 at the fake" })
      expect(texts[1]).toContain(code)
      expect(texts[1]).toMatch(/Total ahora 53,73\s€/)

      // The reminder's link opens the checkout page with Medusa's discounted total.
      const link = sentTo("34622200001").filter((m: any) => m.body.interactive?.action?.parameters?.display_text === "Finalizar compra")[1]
      const page = await new Browser(api.defaults.baseURL!).get(new URL(link.body.interactive.action.parameters.url).pathname)
      expect(page.status).toBe(200)
      expect(page.html).toMatch(/53,73/)
      expect(page.html).toContain(code)

      // Step 3 at 72 h, then nothing more.
      expect((await recover(await at(cart, 72 * 60))).reminded).toBe(1)
      expect((await recover(await at(cart, 160 * 60))).reminded).toBe(0)
      await waitFor(async () => reminderTexts("34622200001").length === 3, { what: "step 3 at the fake" })
      await new Promise((r) => setTimeout(r, 500))
      expect(reminderTexts("34622200001")).toHaveLength(3)
      expect((await stepRows(cart.id)).map((s: any) => [s.step, !!s.message_id, s.skipped_reason])).toEqual([
        [1, true, null],
        [2, true, null],
        [3, true, null],
      ])
      expect((await rows(`select recovery_step, status from whatsapp_cart where id = ?`, [cart.id]))[0]).toEqual({ recovery_step: 3, status: "abandoned" })
    })

    it("stops at payment, opt-out and a marketing stop", async () => {
      const paid = await cartFrom("34622200002")
      const optedOut = await cartFrom("34622200003")
      const stopped = await cartFrom("34622200004")
      for (const cart of [paid, optedOut, stopped]) await recover(await at(cart, 61))
      expect((await rows(`select count(*)::int as n from whatsapp_recovery_step where message_id is not null`))[0].n).toBe(3)

      const reminder = await waitFor(async () => sentTo("34622200002").find((m: any) => m.body.interactive?.action?.parameters?.display_text === "Finalizar compra"), {
        what: "the first reminder",
      })
      await submitCheckout(new Browser(api.defaults.baseURL!), new URL(reminder.body.interactive.action.parameters.url).pathname, shippingOptionId, PROVIDERS.manual)
      await waitFor(async () => (await rows(`select order_id from whatsapp_cart where id = ?`, [paid.id]))[0].order_id, { what: "the order" })
      await postWebhook(api.defaults.baseURL!, textPayload({ from: "34622200003", text: "BAJA" }))
      await fake.control("user-preferences", { wa_id: "34622200004", value: "stop" })
      await waitFor(async () => (await rows(`select opted_out from whatsapp_conversation where id = ?`, [optedOut.conversation_id]))[0].opted_out, { what: "the opt-out" })
      await waitFor(async () => (await rows(`select marketing_preference from whatsapp_conversation where id = ?`, [stopped.conversation_id]))[0].marketing_preference === "stop", {
        what: "the marketing stop",
      })

      for (const cart of [paid, optedOut, stopped]) await recover(await at(cart, 25 * 60))
      for (const cart of [paid, optedOut, stopped]) await recover(await at(cart, 73 * 60))
      expect((await stepRows(paid.id)).map((s: any) => s.step)).toEqual([1])
      expect((await stepRows(optedOut.id)).map((s: any) => [s.step, s.skipped_reason])).toEqual([[1, null], [2, "opted_out"]])
      expect((await stepRows(stopped.id)).map((s: any) => [s.step, s.skipped_reason])).toEqual([[1, null], [2, "marketing_stopped"]])
      // No promotion was made for a step that was not sent.
      expect(await getContainer().resolve("promotion").listPromotions({})).toEqual([])
      expect(await rows(`select count(*)::int as n from whatsapp_message where idempotency_key like 'cart-recovery:%:%'`)).toEqual([{ n: 0 }])
    })

    it("reports per step what was sent, opened, recovered, the revenue and Medusa's discount cost", async () => {
      const cart = await cartFrom("34622200005")
      await recover(await at(cart, 61))
      await recover(await at(cart, 24 * 60 + 1))
      const reminders = await waitFor(
        async () => {
          const sent = sentTo("34622200005").filter((m: any) => m.body.interactive?.action?.parameters?.display_text === "Finalizar compra")
          return sent.length === 2 && sent
        },
        { what: "both reminders" }
      )
      await waitFor(async () => (await rows(`select count(*)::int as n from whatsapp_message m join whatsapp_recovery_step s on s.message_id = m.id where s.whatsapp_cart_id = ? and m.status = 'sent'`, [cart.id]))[0].n === 2, {
        what: "both reminders sent",
      })
      const browser = new Browser(api.defaults.baseURL!)
      await submitCheckout(browser, new URL(reminders[1].body.interactive.action.parameters.url).pathname, shippingOptionId, PROVIDERS.manual)
      const orderId = await waitFor(async () => (await rows(`select order_id from whatsapp_cart where id = ?`, [cart.id]))[0].order_id, { what: "the order" })
      await api.post(`/admin/whatsapp/carts/${cart.id}/mark-paid`, {}, admin)
      expect((await stepRows(cart.id)).map((s: any) => [s.step, !!s.clicked_at])).toEqual([[1, false], [2, true]])

      const { data: [order] } = await getContainer().resolve("query").graph({ entity: "order", fields: ["total", "discount_total"], filters: { id: orderId } })
      expect(Number(order.discount_total)).toBeCloseTo(5.97)
      const from = new Date(Date.now() - HOUR).toISOString()
      const to = new Date(Date.now() + HOUR).toISOString()
      const { data } = await api.get(`/admin/whatsapp/stats?from=${from}&to=${to}`, admin)
      expect(data.by_step).toEqual([
        { step: 1, sent: 1, clicked: 0, recovered: 0, revenue: [] },
        { step: 2, sent: 1, clicked: 1, recovered: 1, revenue: [{ currency_code: "eur", total: Number(order.total), discount: Number(order.discount_total) }] },
      ])
      expect(data.carts.recovered).toBe(1)
    })

    it("the send_discount action makes one code per run, applies it to the cart, sends it, and reports Medusa's refusal", async () => {
      const { handler } = require(path.join(built, "workflows/automations/actions/send-discount.js"))
      const cart = await cartFrom("34622200006")
      const context = (runId: string) => ({
        container: getContainer(),
        rule: { id: "rule_1", name: "Abandoned cart discount" },
        run: { id: runId, trigger_key: `cart:${cart.id}`, attempts: 1 },
        event: { type: "cart_abandoned", key: cart.id, account_id: accountId, conversation_id: cart.conversation_id, whatsapp_cart_id: cart.id, cart_id: cart.cart_id, occurred_at: new Date().toISOString() },
        variables: { customer_name: "Lucía" },
        now: new Date(),
      })
      const action = { type: "send_discount", kind: "percentage", value: 20, expires_in_hours: 48, text: "{{customer_name}}, usa {{discount_code}} antes del {{discount_expires_at}}" }
      const first = await handler(action, context("run_discount_1"))
      const again = await handler(action, context("run_discount_1"))
      expect(first).toMatchObject({ status: "done", variables: { discount_code: expect.stringMatching(/^WA-/), discount_expires_at: expect.any(String) } })
      expect(again.variables).toEqual(first.variables)
      const code = first.variables.discount_code
      expect(await getContainer().resolve("promotion").listPromotions({ code })).toHaveLength(1)
      expect(Number((await medusaCart(cart.cart_id)).total)).toBeCloseTo(47.76)
      const texts = await waitFor(async () => {
        const found = sentTo("34622200006").filter((m: any) => m.type === "text" && m.body.text.body.includes(code))
        return found.length && found
      }, { what: "the discount text" })
      await new Promise((r) => setTimeout(r, 500))
      expect(sentTo("34622200006").filter((m: any) => m.type === "text" && m.body.text.body.includes(code))).toHaveLength(1)
      expect(texts[0].body.text.body).toMatch(new RegExp(`^Lucía, usa ${code} antes del \\d`))

      // Another run gets another code; a code Medusa refuses (its campaign over) is a failure with Medusa's reason.
      const other = await handler(action, context("run_discount_2"))
      expect(other.variables.discount_code).not.toBe(code)
      const { automationDiscountCode } = require(path.join(built, "lib/discounts/discount-code.js"))
      const { createPromotionsWorkflow } = require("@medusajs/medusa/core-flows")
      const expiredCode = automationDiscountCode("run_discount_3")
      await createPromotionsWorkflow(getContainer()).run({
        input: {
          promotionsData: [
            {
              code: expiredCode,
              type: "standard",
              status: "active",
              application_method: { type: "percentage", target_type: "order", allocation: "across", value: 20 },
              campaign: { name: "over", campaign_identifier: expiredCode, starts_at: new Date(Date.now() - 3 * HOUR), ends_at: new Date(Date.now() - HOUR) },
            },
          ],
        },
      })
      const refused = await handler(action, context("run_discount_3"))
      expect(refused).toMatchObject({ status: "failed", retryable: false, detail: expect.stringMatching(new RegExp(`The discount could not be made: The promotion code ${expiredCode} expired at `)) })
      expect((await medusaCart(cart.cart_id)).promotions.map((p: any) => p.code)).not.toContain(expiredCode)
    })
  },
})
