import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { TEST_ACCOUNT, useSandbox } from "../helpers/whatsapp"

const cwd = path.join(__dirname, "../host")
const fake = useSandbox({ accounts: [], sendStatuses: false })

/**
 * Onboarding without a developer (issue 20): Embedded Signup's server side
 * against the sandbox (sessions made through its control, no browser), each
 * fault Meta can answer, and numbers verified and registered by hand.
 */
medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: Record<string, string> }
    let regionId: string
    let salesChannelId: string
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    const accountRows = async (phoneNumberId: string) => rows(`select id, access_token from whatsapp_account where phone_number_id = ? and deleted_at is null`, [phoneNumberId])
    const number = async (id: string) => (await fetch(`${fake.url}/__sandbox/signup/number?id=${id}`)).json()
    const signup = (session: any, extra: Record<string, unknown> = {}) =>
      api
        .post(
          "/admin/whatsapp/onboarding/embedded-signup",
          { code: session.code, waba_id: session.waba_id, phone_number_id: session.phone_number_id, business_id: session.business_id, region_id: regionId, sales_channel_id: salesChannelId, ...extra },
          admin
        )
        .catch((e: any) => e.response)

    /** Every line the server prints while `run` runs (Medusa's logger writes to stdout/stderr in this process). */
    async function printedDuring<T>(run: () => Promise<T>): Promise<{ result: T; printed: string }> {
      const chunks: string[] = []
      const spies = [process.stdout, process.stderr].map((stream) =>
        jest.spyOn(stream, "write").mockImplementation(((chunk: any, ...rest: any[]) => {
          chunks.push(String(chunk))
          const done = rest.find((r) => typeof r === "function")
          done?.()
          return true
        }) as any)
      )
      try {
        return { result: await run(), printed: chunks.join("") }
      } finally {
        spies.forEach((s) => s.mockRestore())
      }
    }

    beforeEach(async () => {
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      const container = getContainer()
      admin = await createAdminHeaders(container)
      const [region] = await container.resolve(Modules.REGION).createRegions([{ name: "Europe", currency_code: "eur" }])
      const [channel] = await container.resolve(Modules.SALES_CHANNEL).createSalesChannels([{ name: "WhatsApp" }])
      regionId = region.id
      salesChannelId = channel.id
    })

    it("tells the admin how to run Meta's popup", async () => {
      const { data } = await api.get("/admin/whatsapp/onboarding", admin)
      expect(data).toEqual({
        embedded_signup: { enabled: true, app_id: "670843887433847", config_id: "1000000000000001", graph_api_version: "v21.0", sdk_url: `${fake.url}/sdk.js` },
      })
    })

    it("connects a number end to end: token sealed, webhooks subscribed, number registered, the generated PIN returned once", async () => {
      const session = await fake.control("signup/session", { business_name: "Tienda Sol", display_name: "Tienda Sol", phone: "+34 612 345 601" })
      const { result: res, printed } = await printedDuring(() => signup(session, { name: "Tienda Sol" }))
      expect(res.status).toBe(201)
      const pin = res.data.generated_pin
      expect(pin).toMatch(/^\d{6}$/)
      expect(res.data.account).toMatchObject({ name: "Tienda Sol", waba_id: session.waba_id, phone_number_id: session.phone_number_id, region_id: regionId, sales_channel_id: salesChannelId, display_phone_number: "+34612345601" })
      expect(res.data.phone_number).toMatchObject({ verified_name: "Tienda Sol", status: "CONNECTED", code_verification_status: "VERIFIED", name_status: "PENDING_REVIEW", messaging_limit_tier: "TIER_250" })
      expect(res.data.steps.map((s: any) => [s.key, s.ok])).toEqual([
        ["exchange_code", true],
        ["check_permissions", true],
        ["subscribe_webhooks", true],
        ["register_number", true],
        ["read_number", true],
        ["create_account", true],
      ])

      const atMeta = await number(session.phone_number_id)
      expect(atMeta).toMatchObject({ subscribed: true, registered: true, status: "CONNECTED", has_pin: true })
      expect(fake.sandbox.state.accounts.get(session.phone_number_id).pin).toBe(pin)
      const token = fake.sandbox.state.accounts.get(session.phone_number_id).access_token
      expect(token).toMatch(/^EAA/)

      // The token is stored sealed; neither it nor the PIN is in any stored row or printed line.
      const [stored] = await accountRows(session.phone_number_id)
      expect(stored.access_token).toMatch(/^v2\./)
      expect(res.data.account.access_token).toBe(`••••${token.slice(-4)}`)
      const everything = JSON.stringify(await rows(`select * from whatsapp_account`))
      expect(everything).not.toContain(token)
      expect(everything).not.toContain(pin)
      const executions = await rows(`select to_regclass('workflow_execution') as t`)
      if (executions[0].t) {
        const kept = JSON.stringify(await rows(`select * from workflow_execution`))
        expect(kept).not.toContain(token)
        expect(kept).not.toContain(pin)
      }
      expect(printed).not.toContain(token)
      expect(printed).not.toContain(pin)
      expect(printed).not.toContain(session.code)

      // The account works: the health check reaches the number and sees the subscription.
      const health = (await api.get(`/admin/whatsapp/accounts/${res.data.account.id}/health`, admin)).data
      expect(health.lines.find((l: any) => l.key === "phone_number").ok).toBe(true)
      expect(health.lines.find((l: any) => l.key === "webhook_subscription").ok).toBe(true)
    })

    it("keeps the merchant's own PIN and returns none", async () => {
      const session = await fake.control("signup/session", {})
      const res = await signup(session, { pin: "246810" })
      expect(res.status).toBe(201)
      expect(res.data.generated_pin).toBeNull()
      expect(fake.sandbox.state.accounts.get(session.phone_number_id).pin).toBe("246810")
    })

    describe("faults: an error in plain words with a next step, and nothing half-created", () => {
      const expectNothingLeft = async (session: any) => {
        expect(await accountRows(session.phone_number_id)).toEqual([])
        expect(await number(session.phone_number_id)).toMatchObject({ subscribed: false, registered: false })
      }

      it("a code already used", async () => {
        const session = await fake.control("signup/session", {})
        // Used once elsewhere (another tab), then sent here.
        await fetch(`${fake.url}/v21.0/oauth/access_token?client_id=670843887433847&client_secret=integration-app-secret&code=${session.code}`)
        const res = await signup(session)
        expect(res.status).toBe(400)
        expect(res.data).toMatchObject({
          type: "code_used",
          step: "exchange_code",
          message: expect.stringContaining("already used"),
          next_step: expect.stringContaining("Connect with Facebook"),
          meta_error: { code: 100, subcode: 36009, message: "This authorization code has been used." },
        })
        await expectNothingLeft(session)
      })

      it("a code expired", async () => {
        const session = await fake.control("signup/session", {})
        await fake.control("signup/advance-clock", { ms: 31_000 })
        const res = await signup(session)
        expect(res.status).toBe(400)
        expect(res.data).toMatchObject({ type: "code_expired", step: "exchange_code", meta_error: { code: 100, subcode: 36007 } })
        expect(res.data.message).toContain("expired")
        await expectNothingLeft(session)
      })

      it("a token without whatsapp_business_management", async () => {
        const session = await fake.control("signup/session", { scopes: ["whatsapp_business_messaging"] })
        const res = await signup(session)
        expect(res.status).toBe(403)
        expect(res.data).toMatchObject({ type: "missing_permission", step: "check_permissions", meta_error: null })
        expect(res.data.message).toContain("whatsapp_business_management")
        expect(res.data.next_step).toContain("Connect with Facebook")
        await expectNothingLeft(session)
      })

      it("a number registered elsewhere (its PIN set by another provider): subscription undone", async () => {
        const session = await fake.control("signup/session", {})
        await fake.control("signup/registered-elsewhere", { phone_number_id: session.phone_number_id, pin: "135790" })
        const res = await signup(session)
        expect(res.status).toBe(400)
        expect(res.data).toMatchObject({ type: "registered_elsewhere", step: "register_number", meta_error: { code: 133005 } })
        expect(res.data.next_step).toContain("PIN")
        expect(await accountRows(session.phone_number_id)).toEqual([])
        // Subscribed, then unsubscribed by the compensation; the other provider's registration is untouched.
        expect(await number(session.phone_number_id)).toMatchObject({ subscribed: false, registered: true, registered_by: "another-app" })
      })

      it("a PIN mismatch on a number with a PIN already set", async () => {
        const session = await fake.control("signup/session", {})
        await fake.control("signup/registered-elsewhere", { phone_number_id: session.phone_number_id, pin: "135790" })
        const res = await signup(session, { pin: "000111" })
        expect(res.status).toBe(400)
        expect(res.data).toMatchObject({ type: "pin_mismatch", step: "register_number", meta_error: { code: 133005 } })
        expect(res.data.message).toContain("PIN you entered")
        expect(await accountRows(session.phone_number_id)).toEqual([])
        expect(await number(session.phone_number_id)).toMatchObject({ subscribed: false })
      })

      it("a failure after registration undoes the subscription and the registration", async () => {
        const session = await fake.control("signup/session", {})
        // Meta fails the read that follows registration.
        await fake.control("faults", { phoneRead5xx: 1 })
        const res = await signup(session)
        expect(res.status).toBe(502)
        expect(res.data.step).toBe("read_number")
        expect(await accountRows(session.phone_number_id)).toEqual([])
        expect(await number(session.phone_number_id)).toMatchObject({ subscribed: false, registered: false })
      })

      it("refuses a number already connected, and bad input, before asking Meta", async () => {
        const session = await fake.control("signup/session", {})
        expect((await signup(session)).status).toBe(201)
        const again = await fake.control("signup/session", {})
        const twice = await signup({ ...again, phone_number_id: session.phone_number_id })
        expect(twice.status).toBe(409)
        expect(twice.data).toMatchObject({ type: "already_connected", step: "create_account" })
        const unknownRegion = await signup(again, { region_id: "reg_missing" })
        expect(unknownRegion.data).toMatchObject({ type: "unknown_region" })
        const badPin = await signup(again, { pin: "12ab" })
        expect(badPin.status).toBe(400)
        expect(badPin.data.message).toContain("pin must be 6 digits")
        // Nothing was asked of Meta for these: the code is still good.
        expect((await signup(again)).status).toBe(201)
      })
    })

    describe("numbers added by hand", () => {
      it("requests a code, refuses a wrong one, verifies the right one, then registers with a generated PIN", async () => {
        const unverified = { ...TEST_ACCOUNT, phone_number_id: "200000000000072", code_verification_status: "NOT_VERIFIED", registered: false, status: "PENDING" }
        await fake.control("accounts", unverified)
        const { data } = await api.post("/admin/whatsapp/accounts", { name: "A mano", waba_id: unverified.waba_id, phone_number_id: unverified.phone_number_id, access_token: unverified.access_token }, admin)
        const id = data.account.id
        const post = (step: string, body: unknown) => api.post(`/admin/whatsapp/accounts/${id}/phone/${step}`, body, admin).catch((e: any) => e.response)

        const early = await post("register", {})
        expect(early.data).toMatchObject({ type: "number_not_verified", step: "register_number", meta_error: { code: 133006 } })

        const requested = await post("request-code", { method: "SMS", language: "es_ES" })
        expect(requested.status).toBe(200)
        expect(requested.data.phone_number).toMatchObject({ code_verification_status: "NOT_VERIFIED" })
        const received = (await number(unverified.phone_number_id)).verification_code
        const wrong = await post("verify-code", { code: received === "000000" ? "000001" : "000000" })
        expect(wrong.status).toBe(400)
        expect(wrong.data).toMatchObject({ type: "wrong_code", step: "verify_code", meta_error: { code: 136025 } })
        expect(wrong.data.next_step).toContain("code")
        const right = await post("verify-code", { code: received })
        expect(right.data.phone_number).toMatchObject({ code_verification_status: "VERIFIED" })

        const registered = await post("register", {})
        expect(registered.status).toBe(200)
        expect(registered.data.generated_pin).toMatch(/^\d{6}$/)
        expect(registered.data.phone_number).toMatchObject({ status: "CONNECTED" })
        expect(fake.sandbox.state.accounts.get(unverified.phone_number_id).pin).toBe(registered.data.generated_pin)

        const badMethod = await post("request-code", { method: "FAX" })
        expect(badMethod.status).toBe(400)
      })

      it.each([
        ["+34 612 345 678", { ok: true, e164: "+34612345678", country: "ES", problems: [] }],
        ["612 345 678", { ok: false, e164: null, problems: [expect.stringContaining("country code")] }],
        ["12345", { ok: false, problems: [expect.stringContaining("Short codes")] }],
        ["+34 612 34", { ok: false, country: "ES", problems: [expect.stringContaining("Short codes")] }],
        ["+34 912 345 67", { ok: false, country: "ES", problems: [expect.stringContaining("ES")] }],
      ])("checks %s before the merchant starts", async (phone, expected) => {
        const { data } = await api.post("/admin/whatsapp/onboarding/check-number", { phone }, admin)
        expect(data).toMatchObject(expected)
      })
    })
  },
})

