import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { createCommerceBasics } from "../helpers/catalog-fixtures"
import { usePublicPort } from "../helpers/checkout-fixtures"
import { TEST_ACCOUNT, useSandbox, waitFor } from "../helpers/whatsapp"

const cwd = path.join(__dirname, "../host")
// A WABA of its own per test, so templates one test created are not another's.
const account = (n: number) => ({
  ...TEST_ACCOUNT,
  name: `Tienda ${n}`,
  waba_id: `30000000000${String(n).padStart(4, "0")}`,
  phone_number_id: `30000000001${String(n).padStart(4, "0")}`,
  access_token: `templates-token-${n}`,
  display_phone_number: `+1 555 030 ${String(n).padStart(4, "0")}`,
})
const ACCOUNTS = [1, 2, 3, 4].map(account)
// Reviews are decided by the test through /__sandbox/templates/review (templateReviewMs: null).
const fake = useSandbox({ accounts: ACCOUNTS, sendStatuses: false })
usePublicPort()

/**
 * Onboarding's last step: the store's cart-reminder and order-update
 * templates submitted for Meta's review from the admin, chosen for the
 * account, held back while pending, and green in the connection check once
 * Meta's status webhook says approved. The sandbox applies Meta's creation
 * rules and review (sandbox/message-templates.js).
 */
medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: Record<string, string> }
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    const refusal = (promise: Promise<any>) => promise.then((r) => r, (e: any) => e.response)
    const atMeta = (wabaId: string) => fake.sandbox.state.templates.get(wabaId) ?? []
    const create = async (a: (typeof ACCOUNTS)[number], language = "es") => {
      const fixture = await createCommerceBasics(getContainer())
      const { data } = await api.post(
        "/admin/whatsapp/accounts",
        { ...a, language, region_id: fixture.regionId, sales_channel_id: fixture.salesChannelId, settings: { text_auto_reply: false } },
        admin
      )
      return data.account as { id: string; settings: any }
    }
    const templatesLine = async (id: string) => (await api.get(`/admin/whatsapp/accounts/${id}/health`, admin)).data.lines.find((l: any) => l.key === "templates")

    beforeEach(async () => {
      await fake.control("config", { webhookUrl: `${api.defaults.baseURL}/whatsapp/webhook` })
      admin = await createAdminHeaders(getContainer())
    })

    it("submits both templates in the account's language, chooses them, holds them while pending, and turns green once Meta approves", async () => {
      const a = ACCOUNTS[0]
      const { id } = await create(a)
      expect((await templatesLine(id)).detail).toMatch(/^No approved template/)

      const { data } = await api.post(`/admin/whatsapp/accounts/${id}/templates/starter`, {}, admin)
      expect(data.templates).toEqual([
        { use: "recovery", name: "cart_reminder", language: "es", category: "MARKETING", outcome: "submitted", status: "PENDING", template_id: expect.stringMatching(/^\d+$/), chosen: true, error: null },
        { use: "order_update", name: "order_update", language: "es", category: "UTILITY", outcome: "submitted", status: "PENDING", template_id: expect.stringMatching(/^\d+$/), chosen: true, error: null },
      ])
      // At Meta: what was created, with the examples its review needs and the button on this store's checkout.
      const reminder = atMeta(a.waba_id).find((t: any) => t.name === "cart_reminder")
      expect(reminder.status).toBe("PENDING")
      expect(reminder.components[1].buttons[0].url).toBe(`${process.env.WHATSAPP_PUBLIC_URL}/whatsapp/checkout/{{1}}`)
      expect(reminder.components[0].example.body_text[0]).toHaveLength(2)

      // Chosen for the account's uses, and known as pending: the templates list says so and fits nothing yet.
      const { account } = (await api.get(`/admin/whatsapp/accounts/${id}`, admin)).data
      expect(account.settings.recovery_template).toEqual({ name: "cart_reminder", language: "es", category: "MARKETING" })
      expect(account.settings.order_update_template).toEqual({ name: "order_update", language: "es", category: "UTILITY" })
      const known = await rows(`select name, status from whatsapp_template_status where waba_id = ? order by name`, [a.waba_id])
      expect(known).toEqual([
        { name: "cart_reminder", status: "PENDING" },
        { name: "order_update", status: "PENDING" },
      ])
      const listed = (await api.get(`/admin/whatsapp/accounts/${id}/templates`, admin)).data.templates
      expect(listed.map((t: any) => [t.name, t.status, t.fits.recovery || t.fits.order_update])).toEqual([
        ["cart_reminder", "PENDING", false],
        ["order_update", "PENDING", false],
      ])
      expect((await templatesLine(id)).detail).toMatch(/^2 waiting for Meta's review/)

      // Meta approves one and rejects the other; its status webhooks reach the store.
      for (const [name, decision] of [["cart_reminder", "APPROVED"], ["order_update", "REJECTED"]]) {
        const review = await fake.control("templates/review", { waba_id: a.waba_id, name, language: "es", decision, reason: "INVALID_FORMAT" })
        expect(review.webhook_status).toBe(200)
      }
      await waitFor(async () => (await rows(`select status from whatsapp_template_status where waba_id = ? and name = 'order_update'`, [a.waba_id]))[0]?.status === "REJECTED", {
        what: "the rejection to be recorded",
      })
      expect((await rows(`select status from whatsapp_template_status where waba_id = ? and name = 'cart_reminder'`, [a.waba_id]))[0].status).toBe("APPROVED")
      const line = await templatesLine(id)
      expect(line).toMatchObject({ ok: true, detail: "1 approved of 2: cart_reminder (es)" })
      const events = await rows(`select summary from whatsapp_account_event where account_id = ? order by created_at`, [id])
      expect(events.map((e: any) => e.summary)).toEqual(expect.arrayContaining(["Template order_update (es): REJECTED — INVALID_FORMAT"]))
    })

    it("keeps templates already in the WABA and the merchant's own choices; a second submission changes nothing", async () => {
      const a = ACCOUNTS[1]
      const { id } = await create(a, "pt")
      const own = { name: "lembrete", language: "pt_BR", category: "MARKETING" }
      await api.post(`/admin/whatsapp/accounts/${id}`, { settings: { recovery_template: own } }, admin)
      fake.sandbox.addTemplate({ waba_id: a.waba_id, name: "order_update", language: "pt_BR", category: "UTILITY", components: [{ type: "BODY", text: "Pedido {{1}}: {{2}}." }] })

      const first = (await api.post(`/admin/whatsapp/accounts/${id}/templates/starter`, {}, admin)).data.templates
      expect(first.map((t: any) => [t.name, t.language, t.outcome, t.status, t.chosen])).toEqual([
        ["cart_reminder", "pt_BR", "submitted", "PENDING", false],
        ["order_update", "pt_BR", "already_existed", "APPROVED", true],
      ])
      const { account } = (await api.get(`/admin/whatsapp/accounts/${id}`, admin)).data
      expect(account.settings.recovery_template).toEqual(own)
      expect(account.settings.order_update_template).toEqual({ name: "order_update", language: "pt_BR", category: "UTILITY" })

      const again = (await api.post(`/admin/whatsapp/accounts/${id}/templates/starter`, { language: "pt" }, admin)).data.templates
      expect(again.map((t: any) => [t.name, t.outcome, t.chosen])).toEqual([
        ["cart_reminder", "already_existed", false],
        ["order_update", "already_existed", false],
      ])
      expect(atMeta(a.waba_id).map((t: any) => t.name).sort()).toEqual(["cart_reminder", "order_update"])
    })

    it("explains a token without whatsapp_business_management and chooses nothing", async () => {
      const a = ACCOUNTS[2]
      const { id } = await create(a)
      // The templates list is read first, with the same permission: the request fails as a whole, explained.
      await fake.control("token-scopes", { token: a.access_token, scopes: ["whatsapp_business_messaging"] })
      const refused = await refusal(api.post(`/admin/whatsapp/accounts/${id}/templates/starter`, {}, admin))
      expect(refused.status).toBeGreaterThanOrEqual(400)
      expect(JSON.stringify(refused.data)).toContain("whatsapp_business_management")
      await fake.control("token-scopes", { token: a.access_token, scopes: null })
      const { account } = (await api.get(`/admin/whatsapp/accounts/${id}`, admin)).data
      expect(account.settings.recovery_template).toBeNull()
      expect(account.settings.order_update_template).toBeNull()
      expect(atMeta(a.waba_id)).toEqual([])
    })

    it("reports Meta's hourly creation limit on the template it stopped, and validates the language", async () => {
      const a = ACCOUNTS[3]
      const { id } = await create(a, "en")
      // 99 templates created this hour: the reminder is the 100th and passes, the order update is refused.
      for (let i = 0; i < 99; i++) {
        const made = await fetch(`${fake.url}/v23.0/${a.waba_id}/message_templates`, {
          method: "POST",
          headers: { authorization: `Bearer ${a.access_token}`, "content-type": "application/json" },
          body: JSON.stringify({ name: `promo_${i}`, language: "en", category: "MARKETING", components: [{ type: "BODY", text: "Our sale starts today." }] }),
        })
        expect(made.status).toBe(200)
      }
      const { data } = await api.post(`/admin/whatsapp/accounts/${id}/templates/starter`, {}, admin)
      expect(data.templates.map((t: any) => [t.name, t.language, t.outcome, t.chosen])).toEqual([
        ["cart_reminder", "en", "submitted", true],
        ["order_update", "en", "failed", false],
      ])
      expect(data.templates[1].error).toMatchObject({ type: "template_limit", step: "templates", next_step: expect.stringContaining("Wait an hour"), meta_error: { code: 4 } })
      const { account } = (await api.get(`/admin/whatsapp/accounts/${id}`, admin)).data
      expect(account.settings.order_update_template).toBeNull()

      const bad = await refusal(api.post(`/admin/whatsapp/accounts/${id}/templates/starter`, { language: "fr" }, admin))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/language/)
    })
  },
})

jest.setTimeout(120_000)
