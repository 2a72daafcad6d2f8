import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { TEST_ENCRYPTION_KEY } from "../host/secrets"

const cwd = path.join(__dirname, "../host")
const built = path.resolve(__dirname, "../../.medusa/server/src")
const { SecretBox } = require(path.join(built, "lib/secret-box.js"))
const { createCheckoutToken } = require(path.join(built, "lib/checkout-token.js"))
const resealAccountSecrets = require(path.join(built, "migration-scripts/reseal-account-secrets.js")).default
const masterKey = Buffer.from(TEST_ENCRYPTION_KEY, "hex")

const validAccount = {
  name: "Tienda Centro",
  waba_id: "102290129340398",
  phone_number_id: "106540352242922",
  display_phone_number: "+1 555 078 3881",
  access_token: "EAAG-test-access-token-0001",
  app_secret: "per-account-app-secret",
}

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      admin = await createAdminHeaders(getContainer())
    })

    describe("admin authentication", () => {
      it("refuses an anonymous request", async () => {
        const res = await api.get("/admin/whatsapp/accounts").catch((e: any) => e.response)
        expect(res.status).toBe(401)
      })

      it("refuses a token signed with another secret", async () => {
        const res = await api
          .get("/admin/whatsapp/accounts", { headers: { authorization: "Bearer not-a-jwt" } })
          .catch((e: any) => e.response)
        expect(res.status).toBe(401)
      })

      it("answers an authenticated admin", async () => {
        const res = await api.get("/admin/whatsapp/accounts", admin)
        expect(res.status).toBe(200)
        expect(res.data).toEqual({ accounts: [], count: 0, offset: 0, limit: 50 })
      })

      it.each([
        ["offset=-1", "offset"],
        ["limit=0", "limit"],
        ["limit=100000", "limit"],
        ["limit=abc", "limit"],
      ])("answers 400 naming the field for %s", async (query, field) => {
        const res = await api.get(`/admin/whatsapp/accounts?${query}`, admin).catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(field)
      })
    })

    describe("accounts", () => {
      it("creates an account, stores its secrets encrypted and never returns them", async () => {
        const created = await api.post("/admin/whatsapp/accounts", validAccount, admin)
        expect(created.status).toBe(201)
        const account = created.data.account
        expect(account).toMatchObject({
          name: "Tienda Centro",
          phone_number_id: "106540352242922",
          access_token: "••••0001",
          app_secret: "••••cret",
          language: "en",
          settings: expect.objectContaining({ search_enabled: true, recovery_delay_minutes: 60 }),
        })

        const [row] = await dbConnection.raw(
          "select access_token, app_secret from whatsapp_account where id = ?",
          [account.id]
        ).then((r: any) => r.rows)
        expect(row.access_token).toMatch(/^v2\./)
        expect(row.access_token).not.toContain("EAAG-test-access-token-0001")
        // Sealed with a key derived for secrets, not with encryptionKey itself.
        const rawKeyBox = new SecretBox(masterKey, masterKey)
        expect(() => rawKeyBox.open(row.access_token)).toThrow()
        expect(() => rawKeyBox.open(row.access_token.replace(/^v2\./, "v1."))).toThrow()
        expect(row.app_secret).not.toContain("per-account-app-secret")

        const service: any = getContainer().resolve("whatsapp")
        await expect(service.revealAccountSecrets(account.id)).resolves.toEqual({
          accessToken: "EAAG-test-access-token-0001",
          appSecret: "per-account-app-secret",
        })

        const listed = await api.get("/admin/whatsapp/accounts", admin)
        expect(listed.data.count).toBe(1)
        expect(JSON.stringify(listed.data)).not.toContain("EAAG-test-access-token-0001")
      })

      it("upgrades secrets sealed with the raw key, and honours checkout links signed with it until they expire", async () => {
        const { data } = await api.post("/admin/whatsapp/accounts", validAccount, admin)
        const legacy = new SecretBox(masterKey).seal("EAAG-legacy-token-4321").replace(/^v2\./, "v1.")
        await dbConnection.raw("update whatsapp_account set access_token = ? where id = ?", [legacy, data.account.id])
        const service: any = getContainer().resolve("whatsapp")
        service.clearSecretCache()
        await expect(service.revealAccountSecrets(data.account.id)).resolves.toMatchObject({ accessToken: "EAAG-legacy-token-4321" })

        await resealAccountSecrets({ container: getContainer() })
        const [row] = (await dbConnection.raw("select access_token from whatsapp_account where id = ?", [data.account.id])).rows
        expect(row.access_token).toMatch(/^v2\./)
        await expect(service.revealAccountSecrets(data.account.id)).resolves.toMatchObject({ accessToken: "EAAG-legacy-token-4321" })

        const future = new Date(Date.now() + 3600_000)
        expect(service.verifyCheckoutToken(createCheckoutToken(masterKey, "wacart_legacy", future))).toMatchObject({ ok: true, id: "wacart_legacy" })
        expect(service.verifyCheckoutToken(createCheckoutToken(masterKey, "wacart_legacy", new Date(Date.now() - 1000)))).toMatchObject({ ok: false, reason: "expired" })
        expect(service.verifyCheckoutToken(createCheckoutToken(Buffer.alloc(32, 9), "wacart_legacy", future))).toMatchObject({ ok: false, reason: "invalid" })
      })

      it("updates settings key by key and rotates a secret", async () => {
        const { data } = await api.post("/admin/whatsapp/accounts", validAccount, admin)
        const id = data.account.id
        await api.post(`/admin/whatsapp/accounts/${id}`, { settings: { search_enabled: false } }, admin)
        const updated = await api.post(
          `/admin/whatsapp/accounts/${id}`,
          { settings: { recovery_delay_minutes: 90 }, access_token: "EAAG-rotated-token-9999", language: "es" },
          admin
        )
        expect(updated.data.account).toMatchObject({
          access_token: "••••9999",
          language: "es",
          settings: expect.objectContaining({ search_enabled: false, recovery_delay_minutes: 90 }),
        })
      })

      it("refuses a second account for the same phone number id", async () => {
        await api.post("/admin/whatsapp/accounts", validAccount, admin)
        const res = await api
          .post("/admin/whatsapp/accounts", { ...validAccount, name: "Copy" }, admin)
          .catch((e: any) => e.response)
        expect(res.status).toBe(422)
        expect(res.data.message).toContain("106540352242922")
      })

      it("rejects invalid input naming the bad field", async () => {
        const res = await api
          .post("/admin/whatsapp/accounts", { ...validAccount, phone_number_id: "+34 600" }, admin)
          .catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(res.data.message).toContain("phone_number_id")
      })

      it("deletes an account", async () => {
        const { data } = await api.post("/admin/whatsapp/accounts", validAccount, admin)
        const deleted = await api.delete(`/admin/whatsapp/accounts/${data.account.id}`, admin)
        expect(deleted.data).toEqual({ id: data.account.id, object: "whatsapp_account", deleted: true })
        const res = await api
          .get(`/admin/whatsapp/accounts/${data.account.id}`, admin)
          .catch((e: any) => e.response)
        expect(res.status).toBe(404)
      })
    })

    describe("migrations", () => {
      it("creates the module's tables with the constraints processing relies on", async () => {
        const tables = await dbConnection
          .raw(
            `select table_name from information_schema.tables
             where table_schema = 'public' and table_name like 'whatsapp_%' order by table_name`
          )
          .then((r: any) => r.rows.map((row: any) => row.table_name))
        expect(tables).toEqual(
          expect.arrayContaining([
            "whatsapp_account",
            "whatsapp_conversation",
            "whatsapp_message",
            "whatsapp_webhook_event",
          ])
        )
        const uniqueIndexes = await dbConnection
          .raw(
            `select indexname, indexdef from pg_indexes
             where tablename in ('whatsapp_message', 'whatsapp_account') and indexdef like 'CREATE UNIQUE%'`
          )
          .then((r: any) => r.rows.map((row: any) => row.indexdef))
        expect(uniqueIndexes.join("\n")).toMatch(/whatsapp_message.*\(wamid\)/)
        expect(uniqueIndexes.join("\n")).toMatch(/whatsapp_account.*\(phone_number_id\)/)
      })
    })
  },
})
