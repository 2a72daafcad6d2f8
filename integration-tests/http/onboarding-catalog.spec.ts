import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { CatalogFixture, createCommerceBasics, createProducts } from "../helpers/catalog-fixtures"
import { TEST_ACCOUNT, useSandbox, waitFor } from "../helpers/whatsapp"

const cwd = path.join(__dirname, "../host")
// The business portfolio that owns the sandbox's WABAs and catalogs (sandbox/business.js).
const BUSINESS_ID = "100000000000900"
const MODA = "200000000000051"
const SECOND = { name: "Tienda Dos", waba_id: "200000000000061", phone_number_id: "200000000000062", access_token: "test-access-token-0002", display_phone_number: "+1 555 020 0062" }
const fake = useSandbox({ accounts: [TEST_ACCOUNT, SECOND], sendStatuses: false, pollsBeforeFinished: 1 })
const sandbox = fake.sandbox

/** The catalog step of onboarding and the account's Meta statuses, against the sandbox playing Meta's business side. */
medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let fixture: CatalogFixture
    let accountId: string
    const refusal = (promise: Promise<any>) => promise.then((r) => r, (e: any) => e.response)
    const wabaCatalog = (wabaId = TEST_ACCOUNT.waba_id) => [...sandbox.state.accounts.values()].find((a: any) => a.waba_id === wabaId).catalog_id
    const commerceAtMeta = () => sandbox.state.accounts.get(TEST_ACCOUNT.phone_number_id).commerce
    const stored = async (id = accountId) => (await api.get(`/admin/whatsapp/accounts/${id}`, admin)).data.account
    const createAccount = async (body: Record<string, unknown>) =>
      (
        await api.post(
          "/admin/whatsapp/accounts",
          { ...body, region_id: fixture.regionId, sales_channel_id: fixture.salesChannelId, settings: { text_auto_reply: false, product_url_template: "https://shop.example/products/{handle}" } },
          admin
        )
      ).data.account

    beforeEach(async () => {
      // Every test starts with WABAs connected to no catalog, one catalog in the business, and full-scope tokens.
      // (The sandbox's reset keeps its accounts as they are, so the statuses a test set go back too.)
      for (const account of sandbox.state.accounts.values()) {
        Object.assign(account, { catalog_id: null, name_status: "APPROVED", quality_rating: "GREEN", commerce: { is_cart_enabled: false, is_catalog_visible: false } })
        delete account.is_official_business_account
      }
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      await fake.control("catalog", { id: MODA, name: "Moda" })
      admin = await createAdminHeaders(getContainer())
      fixture = await createCommerceBasics(getContainer())
      accountId = (await createAccount(TEST_ACCOUNT)).id
    })

    it("lists the business's catalogs with the store's numbers on each, fills the business id, and creates a commerce catalog", async () => {
      expect((await stored()).business_id).toBeNull()
      const second = await createAccount({ ...SECOND, catalog_id: MODA })
      const { data } = await api.get(`/admin/whatsapp/accounts/${accountId}/meta-catalogs`, admin)
      expect(data).toEqual({
        business_id: BUSINESS_ID,
        catalogs: [
          { id: MODA, name: "Moda", vertical: "commerce", product_count: 0, connected: false, used_by: [{ id: second.id, name: SECOND.name, display_phone_number: SECOND.display_phone_number }] },
        ],
        waba_catalog_id: null,
      })
      // Read from Meta's owner_business_info once, then kept.
      expect((await stored()).business_id).toBe(BUSINESS_ID)

      const created = await api.post(`/admin/whatsapp/accounts/${accountId}/meta-catalogs`, { name: "Tienda WhatsApp" }, admin)
      expect(created.status).toBe(201)
      expect(created.data.catalog).toEqual({ id: expect.stringMatching(/^\d{15}$/), name: "Tienda WhatsApp", vertical: "commerce", product_count: 0, connected: false, used_by: [] })
      const atMeta = (await (await fetch(`${fake.url}/__sandbox/businesses`)).json()).businesses.find((b: any) => b.id === BUSINESS_ID)
      expect(atMeta.catalogs.map((c: any) => [c.name, c.vertical])).toEqual([
        ["Moda", "commerce"],
        ["Tienda WhatsApp", "commerce"],
      ])

      const unnamed = await refusal(api.post(`/admin/whatsapp/accounts/${accountId}/meta-catalogs`, { name: " " }, admin))
      expect(unnamed.status).toBe(400)
      expect(unnamed.data.message).toContain("Value for field 'name' too small")
      const hotels = await refusal(api.post(`/admin/whatsapp/accounts/${accountId}/meta-catalogs`, { name: "Hoteles", vertical: "hotels" }, admin))
      expect(hotels.status).toBe(400)
      expect(hotels.data.message).toContain("Expected: 'commerce' for field 'vertical'")
    })

    it("connects the catalog to the WABA at Meta, turns the commerce settings on and runs the first sync to the end", async () => {
      await createProducts(getContainer(), fixture, [{ title: "Polo", sizes: ["M", "L"], colors: ["Azul"], price: 30 }])
      const res = await api.post(`/admin/whatsapp/accounts/${accountId}/catalog`, { catalog_id: MODA, start_sync: true }, admin)
      expect(res.data).toMatchObject({
        catalog: { id: MODA, name: "Moda" },
        commerce_settings: { is_cart_enabled: true, is_catalog_visible: true },
        waba_catalog_id: MODA,
        replaced_catalog_id: null,
        sync_run: { id: expect.any(String) },
      })
      expect(res.data.account.catalog_id).toBe(MODA)
      expect(wabaCatalog()).toBe(MODA)
      expect(commerceAtMeta()).toEqual({ is_cart_enabled: true, is_catalog_visible: true })

      const run = await waitFor(async () => {
        const { run } = (await api.get(`/admin/whatsapp/catalog/runs/${res.data.sync_run.id}`, admin)).data
        return run.status !== "running" && run
      }, { timeoutMs: 120_000, what: "the first sync to finish" })
      expect(run).toMatchObject({ status: "completed", stats: expect.objectContaining({ created: 2 }) })
      expect(sandbox.state.catalogs.get(MODA).items.size).toBe(2)

      const { data } = await api.get(`/admin/whatsapp/accounts/${accountId}/meta-catalogs`, admin)
      expect(data.waba_catalog_id).toBe(MODA)
      expect(data.catalogs).toEqual([expect.objectContaining({ id: MODA, connected: true, product_count: 2, used_by: [] })])
    })

    it("asks before replacing the WABA's catalog (409 with the connected one), then replaces it when told to", async () => {
      await api.post(`/admin/whatsapp/accounts/${accountId}/catalog`, { catalog_id: MODA }, admin)
      const other = (await api.post(`/admin/whatsapp/accounts/${accountId}/meta-catalogs`, { name: "Rebajas" }, admin)).data.catalog.id

      const asked = await refusal(api.post(`/admin/whatsapp/accounts/${accountId}/catalog`, { catalog_id: other }, admin))
      expect(asked.status).toBe(409)
      expect(asked.data).toEqual({
        type: "waba_catalog_conflict",
        message: expect.stringContaining(`connected to catalog ${MODA}`),
        step: "catalog",
        next_step: expect.stringContaining('"replace": true'),
        meta_error: null,
        waba_catalog_id: MODA,
      })
      expect(wabaCatalog()).toBe(MODA)
      expect((await stored()).catalog_id).toBe(MODA)

      const replaced = await api.post(`/admin/whatsapp/accounts/${accountId}/catalog`, { catalog_id: other, replace: true }, admin)
      expect(replaced.data).toMatchObject({ waba_catalog_id: other, replaced_catalog_id: MODA, sync_run: null })
      expect(wabaCatalog()).toBe(other)
      expect((await stored()).catalog_id).toBe(other)
    })

    it("explains a token that cannot manage catalogs and a catalog of another business, and stores nothing", async () => {
      await fake.control("token-scopes", { token: TEST_ACCOUNT.access_token, scopes: ["whatsapp_business_management", "whatsapp_business_messaging"] })
      const listed = await refusal(api.get(`/admin/whatsapp/accounts/${accountId}/meta-catalogs`, admin))
      expect(listed.status).toBe(400)
      expect(listed.data).toEqual({
        type: "catalog_permission",
        message: expect.stringMatching(/^The business's catalogs could not be listed: The access token is not allowed to manage catalogs/),
        step: "catalog",
        next_step: expect.stringContaining("catalog_management"),
        meta_error: { code: 200, subcode: null, message: "(#200) Requires catalog_management permission to manage the object" },
      })
      const connect = await refusal(api.post(`/admin/whatsapp/accounts/${accountId}/catalog`, { catalog_id: MODA }, admin))
      expect(connect.status).toBe(400)
      expect(connect.data).toMatchObject({ type: "catalog_permission", step: "catalog", message: expect.stringContaining(`Catalog ${MODA} could not be reached`) })
      expect((await stored()).catalog_id).toBeNull()
      expect(wabaCatalog()).toBeNull()
      expect(commerceAtMeta()).toEqual({ is_cart_enabled: false, is_catalog_visible: false })

      await fake.control("token-scopes", { token: TEST_ACCOUNT.access_token, scopes: null })
      await fake.control("business", { id: "100000000000777", name: "Otra Empresa" })
      await fake.control("catalog", { id: "200000000000077", name: "Ajeno", business_id: "100000000000777" })
      const foreign = await refusal(api.post(`/admin/whatsapp/accounts/${accountId}/catalog`, { catalog_id: "200000000000077" }, admin))
      expect(foreign.status).toBe(400)
      expect(foreign.data).toMatchObject({ type: "catalog_unreachable", next_step: expect.stringContaining("Commerce Manager"), meta_error: { code: 100, subcode: 33 } })
      expect((await stored()).catalog_id).toBeNull()
      expect(wabaCatalog()).toBeNull()
    })

    describe("meta-status", () => {
      const status = async () => Object.fromEntries((await api.get(`/admin/whatsapp/accounts/${accountId}/meta-status`, admin)).data.items.map((i: any) => [i.key, i]))

      it("is green for a verified business whose number has the badge", async () => {
        await fake.control("business-verification", { status: "verified" })
        await fake.control("phone-status", { phone_number_id: TEST_ACCOUNT.phone_number_id, is_official_business_account: true })
        const items = await status()
        expect(Object.values(items).map((i: any) => [i.key, i.tone])).toEqual([
          ["business_verification", "ok"],
          ["display_name", "ok"],
          ["official_business_account", "ok"],
          ["quality_rating", "ok"],
          ["messaging_tier", "ok"],
          ["number_registration", "ok"],
        ])
        expect(items.business_verification).toMatchObject({ value: "verified", next_step: null, link: expect.stringContaining("developers.facebook.com") })
        expect(items.messaging_tier.value).toBe("TIER_2K")
      })

      it("explains a pending review: the starting limit, and no badge before verification", async () => {
        await fake.control("business-verification", { status: "pending" })
        const items = await status()
        expect(items.business_verification).toMatchObject({ value: "pending", tone: "attention", next_step: expect.stringContaining("Wait for Meta's decision") })
        expect(items.messaging_tier).toMatchObject({ value: "TIER_250", tone: "attention" })
        expect(items.official_business_account).toMatchObject({ value: "false", next_step: expect.stringContaining("Verify your business first") })
      })

      it("flags a rejected business and a declined display name as problems with what to do", async () => {
        await fake.control("business-verification", { status: "rejected" })
        await fake.control("phone-status", { phone_number_id: TEST_ACCOUNT.phone_number_id, name_status: "DECLINED", quality_rating: "RED" })
        const items = await status()
        expect(items.business_verification).toMatchObject({ value: "rejected", tone: "problem", next_step: expect.stringContaining("submit again") })
        expect(items.display_name).toMatchObject({ value: "DECLINED", tone: "problem", next_step: expect.stringContaining("Edit the display name") })
        expect(items.quality_rating).toMatchObject({ value: "RED", tone: "problem" })
      })
    })
  },
})
