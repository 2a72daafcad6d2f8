import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { postWebhook, TEST_ACCOUNT, textPayload, useSandbox, VERIFY_TOKEN, waitFor } from "../helpers/whatsapp"

const cwd = path.join(__dirname, "../host")
const CATALOG_ID = "200000000000041"
const fake = useSandbox({
  accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID, verified_name: "Tienda Test" }],
  sendStatuses: false,
  templates: [{ waba_id: TEST_ACCOUNT.waba_id, name: "order_update", language: "es", category: "UTILITY", components: [{ type: "BODY", text: "Tu pedido {{1}}: {{2}}" }] }],
})

/** The admin API behind the settings page and the inbox: connection check, subscription, commerce toggles, set-up, template replies. */
medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: Record<string, string> }
    let accountId: string

    beforeEach(async () => {
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      admin = await createAdminHeaders(getContainer())
      const { data } = await api.post("/admin/whatsapp/accounts", { ...TEST_ACCOUNT, settings: { text_auto_reply: false } }, admin)
      accountId = data.account.id
    })

    const health = async () => (await api.get(`/admin/whatsapp/accounts/${accountId}/health`, admin)).data
    const line = (h: any, key: string) => h.lines.find((l: any) => l.key === key)

    it("checks the connection line by line, subscribes the webhooks and toggles the commerce settings", async () => {
      const first = await health()
      expect(first.lines.map((l: any) => l.key)).toEqual(["phone_number", "webhook_subscription", "commerce_settings", "catalog", "templates", "account_events"])
      expect(line(first, "phone_number")).toMatchObject({ ok: true, detail: expect.stringContaining("Tienda Test") })
      expect(line(first, "webhook_subscription")).toMatchObject({ ok: false, error: null })
      expect(line(first, "commerce_settings")).toMatchObject({ ok: false, data: { is_cart_enabled: false, is_catalog_visible: false } })
      expect(line(first, "catalog")).toMatchObject({ ok: false, detail: "No catalog linked to this account." })
      expect(line(first, "templates")).toMatchObject({ ok: true, detail: expect.stringContaining("order_update (es)") })
      expect(first.ok).toBe(false)

      await api.post(`/admin/whatsapp/accounts/${accountId}/subscribe`, {}, admin)
      const toggled = await api.post(`/admin/whatsapp/accounts/${accountId}/commerce-settings`, { is_cart_enabled: true, is_catalog_visible: true }, admin)
      expect(toggled.data.commerce_settings).toMatchObject({ is_cart_enabled: true, is_catalog_visible: true })
      const bad = await api.post(`/admin/whatsapp/accounts/${accountId}/commerce-settings`, {}, admin).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      await api.post(`/admin/whatsapp/accounts/${accountId}`, { catalog_id: CATALOG_ID }, admin)
      const second = await health()
      expect(second.lines.map((l: any) => l.ok)).toEqual([true, true, true, true, true, true])

      await api.post(`/admin/whatsapp/accounts/${accountId}`, { access_token: "revoked-access-token" }, admin)
      const revoked = await health()
      expect(revoked.lines.filter((l: any) => l.error).map((l: any) => l.key)).toEqual([
        "phone_number",
        "webhook_subscription",
        "commerce_settings",
        "catalog",
        "templates",
      ])
      expect(line(revoked, "phone_number").error).toBe("Invalid OAuth access token - Cannot parse access token (code 190)")
      const refused = await api.post(`/admin/whatsapp/accounts/${accountId}/subscribe`, {}, admin).catch((e: any) => e.response)
      expect(refused.status).toBe(502)
      expect(refused.data.message).toContain("code 190")
      // Meta's identifiers, the same under `meta` on every route that calls the Graph API.
      expect(refused.data).toMatchObject({ type: "graph_api_error", meta: { code: "190", fbtrace_id: expect.any(String), http_status: 401 } })
      const toggleRefused = await api
        .post(`/admin/whatsapp/accounts/${accountId}/commerce-settings`, { is_cart_enabled: false }, admin)
        .catch((e: any) => e.response)
      expect(toggleRefused.status).toBe(502)
      expect(toggleRefused.data.meta).toMatchObject({ code: "190", fbtrace_id: expect.any(String) })
      // Through a workflow too (the step's error arrives serialized), not a 500.
      const importRefused = await api.post(`/admin/whatsapp/catalog/import`, { account_id: accountId }, admin).catch((e: any) => e.response)
      expect(importRefused.status).toBe(502)
      expect(importRefused.data).toMatchObject({ type: "graph_api_error", message: expect.stringContaining("code 190"), meta: { code: "190", fbtrace_id: expect.any(String) } })
    })

    it("gives the webhook URL and verify token to paste into Meta", async () => {
      const { data } = await api.get("/admin/whatsapp/setup", admin)
      expect(data).toMatchObject({ webhook_url: `${process.env.WHATSAPP_PUBLIC_URL ?? "http://127.0.0.1:9000"}/whatsapp/webhook`, verify_token: VERIFY_TOKEN, webhook_fields: ["messages"] })
    })

    it("replies with a template outside the window, and finds conversations by customer", async () => {
      await postWebhook(api.defaults.baseURL!, textPayload({ from: "34655500001", text: "hola", timestamp: Math.floor(Date.now() / 1000) - 30 * 3600 }))
      const { data } = await waitFor(async () => {
        const res = await api.get(`/admin/whatsapp/conversations?account_id=${accountId}`, admin)
        return res.data.conversations.length && res
      }, { what: "the conversation" })
      const conversation = data.conversations[0]
      const text = await api.post(`/admin/whatsapp/conversations/${conversation.id}/messages`, { text: "¿Sigues ahí?" }, admin).catch((e: any) => e.response)
      expect(text.status).toBe(400)
      const both = await api
        .post(`/admin/whatsapp/conversations/${conversation.id}/messages`, { text: "x", template: { name: "order_update", language: "es" } }, admin)
        .catch((e: any) => e.response)
      expect(both.status).toBe(400)
      const sent = await api.post(
        `/admin/whatsapp/conversations/${conversation.id}/messages`,
        { template: { name: "order_update", language: "es", body_parameters: ["#12", "enviado"] } },
        admin
      )
      expect(sent.status).toBe(201)
      const atFake = await waitFor(async () => fake.sandbox.state.messages.find((m: any) => m.to === "34655500001"), { what: "the template at the fake" })
      expect(atFake.body.template).toEqual({
        name: "order_update",
        language: { code: "es" },
        components: [{ type: "body", parameters: [{ type: "text", text: "#12" }, { type: "text", text: "enviado" }] }],
      })
      const none = await api.get(`/admin/whatsapp/conversations?customer_id=cus_nobody`, admin)
      expect(none.data.conversations).toEqual([])
      await dbConnection.raw(`update whatsapp_conversation set customer_id = 'cus_carmen' where id = ?`, [conversation.id])
      const mine = await api.get(`/admin/whatsapp/conversations?customer_id=cus_carmen`, admin)
      expect(mine.data.conversations.map((c: any) => c.id)).toEqual([conversation.id])
    })
  },
})
