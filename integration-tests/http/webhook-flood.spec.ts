import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { inParallel, NO_AUTO_REPLY, postWebhook, requestOnce, sign, TEST_ACCOUNT, textPayload, waitFor } from "../helpers/whatsapp"

/**
 * A flood of unsigned and wrongly signed webhook POSTs from one address:
 * after `webhookRejectLimit.perIp` failures it is answered 429, `/health`
 * answers throughout, and a correctly signed POST from the same address is
 * still accepted (valid traffic is never limited).
 */
const PER_IP = 20
process.env.WHATSAPP_WEBHOOK_REJECT_PER_IP = String(PER_IP)
const cwd = path.join(__dirname, "../host")

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    afterAll(() => {
      delete process.env.WHATSAPP_WEBHOOK_REJECT_PER_IP
    })

    it("answers 429 after the bound, keeps /health answering and still accepts signed POSTs", async () => {
      const admin = await createAdminHeaders(getContainer())
      await api.post("/admin/whatsapp/accounts", { ...TEST_ACCOUNT, settings: NO_AUTO_REPLY }, admin)
      const baseUrl = api.defaults.baseURL!
      const pad = "p".repeat(256 * 1024)
      const bad = Array.from({ length: 600 }, (_, i) => {
        const raw = JSON.stringify({ ...textPayload({ from: "34600000001", text: `forged ${i}` }), pad })
        return { raw, signature: i % 2 ? null : sign(raw, "guessed-secret") }
      })

      let flooding = true
      const health: number[] = []
      const poll = (async () => {
        while (flooding) {
          health.push((await requestOnce(`${baseUrl}/health`)).status)
        }
      })()
      const answers = await inParallel(bad, 16, async ({ raw, signature }) => {
        const res = await requestOnce(`${baseUrl}/whatsapp/webhook`, {
          method: "POST",
          headers: { "content-type": "application/json", ...(signature ? { "x-hub-signature-256": signature } : {}) },
          body: raw,
        })
        return res.status
      })
      flooding = false
      await poll

      const count = (status: number) => answers.filter((s) => s === status).length
      expect({ 401: count(401), 429: count(429), other: answers.length - count(401) - count(429) }).toEqual({ 401: PER_IP, 429: 600 - PER_IP, other: 0 })
      expect(health.length).toBeGreaterThan(0)
      expect(health.every((s) => s === 200)).toBe(true)

      const limited = await fetch(`${baseUrl}/whatsapp/webhook`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })
      expect(limited.status).toBe(429)
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0)
      expect(limited.headers.get("x-content-type-options")).toBe("nosniff")

      // The same address, correctly signed: accepted and stored.
      expect((await postWebhook(baseUrl, textPayload({ from: "34600000002", text: "genuine" }))).status).toBe(200)
      await waitFor(async () => (await dbConnection.raw(`select count(*)::int c from whatsapp_message where text = 'genuine'`)).rows[0].c === 1, {
        what: "the genuine message",
      })
      expect((await dbConnection.raw(`select count(*)::int c from whatsapp_webhook_event`)).rows[0].c).toBe(1)
    })
  },
})
