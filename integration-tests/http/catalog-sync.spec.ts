import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  createRegionsWorkflow,
  deleteProductVariantsWorkflow,
  linkProductsToSalesChannelWorkflow,
  updateProductsWorkflow,
  updateProductVariantsWorkflow,
} from "@medusajs/medusa/core-flows"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { CatalogFixture, createCommerceBasics, createProducts } from "../helpers/catalog-fixtures"
import { TEST_ACCOUNT, useSandbox, waitFor } from "../helpers/whatsapp"

const cwd = path.join(__dirname, "../host")
const built = path.resolve(__dirname, "../../.medusa/server/src")
const CATALOG_ID = "200000000000009"
// Every batch answers scheduled, dispatched and started before it finishes, like Meta's.
const fake = useSandbox({ accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID }], sendStatuses: false, pollsBeforeFinished: 3 })
const sandbox = fake.sandbox

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const { syncWhatsAppCatalogWorkflow } = require(path.join(built, "workflows/catalog/workflows/sync-whatsapp-catalog.js"))
    let fixture: CatalogFixture
    let accountId: string
    let admin: { headers: Record<string, string> }
    const catalog = () => sandbox.state.catalogs.get(CATALOG_ID)
    const sync = async () => (await syncWhatsAppCatalogWorkflow(getContainer()).run({ input: { account_id: accountId } })).result

    beforeEach(async () => {
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      admin = await createAdminHeaders(getContainer())
      fixture = await createCommerceBasics(getContainer())
      const { data } = await api.post(
        "/admin/whatsapp/accounts",
        { ...TEST_ACCOUNT, catalog_id: CATALOG_ID, region_id: fixture.regionId, sales_channel_id: fixture.salesChannelId, settings: { product_url_template: "https://shop.example/products/{handle}" } },
        admin
      )
      accountId = data.account.id
    })

    it("pushes one item per variant with the right fields and grouping, then nothing when nothing changed", async () => {
      const { products, variants } = await createProducts(getContainer(), fixture, [
        { title: "Camiseta Básica", sizes: ["S", "M"], colors: ["Rojo", "Azul"], price: 19.99, stock: 5 },
        { title: "Gorra", sizes: ["Única"], colors: ["Negro"], price: 12, stock: 0 },
        { title: "Borrador", sizes: ["M"], colors: ["Gris"], price: 9, status: "draft" },
        { title: "Solo Web", sizes: ["M"], colors: ["Gris"], price: 9, channel: "web" },
      ])
      const first = await sync()
      expect(first.stats).toMatchObject({ created: 5, updated: 0, deleted: 0, invalid: 0, rejected: 0, pending: 0, batch_calls: 1 })
      const items = [...catalog().items.values()]
      expect(items).toHaveLength(5)
      const red = variants.find((v) => v.sku.endsWith("-M-ROJO"))!
      expect(catalog().items.get(red.id)).toMatchObject({
        id: red.id,
        title: "Camiseta Básica - M / Rojo",
        description: "Camiseta Básica de algodón",
        availability: "in stock",
        condition: "new",
        price: "19.99 EUR",
        link: "https://shop.example/products/camiseta-b%C3%A1sica",
        item_group_id: products[0].id,
        size: "M",
        color: "Rojo",
        brand: TEST_ACCOUNT.name,
        inventory: 5,
      })
      expect(items.find((i: any) => i.title.startsWith("Gorra"))).toMatchObject({ availability: "out of stock" })

      const second = await sync()
      expect(second.stats).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: 5, batch_calls: 0 })
      expect(catalog().itemsReceived).toBe(5)
    })

    it("updates exactly the edited item and removes a deleted variant", async () => {
      const { variants } = await createProducts(getContainer(), fixture, [{ title: "Sudadera", sizes: ["S", "M", "L"], colors: ["Gris"], price: 40 }])
      await sync()
      const [small, medium] = [variants.find((v) => v.sku.endsWith("-S-GRIS"))!, variants.find((v) => v.sku.endsWith("-M-GRIS"))!]
      await updateProductVariantsWorkflow(getContainer()).run({
        input: { selector: { id: small.id }, update: { prices: [{ amount: 35, currency_code: "eur" }] } },
      })
      const edited = await sync()
      expect(edited.stats).toMatchObject({ created: 0, updated: 1, deleted: 0, unchanged: 2 })
      expect(catalog().items.get(small.id).price).toBe("35.00 EUR")

      await deleteProductVariantsWorkflow(getContainer()).run({ input: { ids: [medium.id] } })
      const removed = await sync()
      expect(removed.stats).toMatchObject({ created: 0, updated: 0, deleted: 1 })
      expect(catalog().items.has(medium.id)).toBe(false)
      expect(catalog().items.size).toBe(2)
    })

    it("removes the items of an unpublished product and of one taken out of the sales channel", async () => {
      const { products } = await createProducts(getContainer(), fixture, [
        { title: "Temporada", sizes: ["M", "L"], colors: ["Rojo"], price: 20 },
        { title: "Exclusiva", sizes: ["M"], colors: ["Azul"], price: 20 },
        { title: "Fija", sizes: ["M"], colors: ["Negro"], price: 20 },
      ])
      await sync()
      expect(catalog().items.size).toBe(4)
      await updateProductsWorkflow(getContainer()).run({ input: { selector: { id: products[0].id }, update: { status: "draft" } } })
      await linkProductsToSalesChannelWorkflow(getContainer()).run({ input: { id: fixture.salesChannelId, remove: [products[1].id] } })
      const run = await sync()
      expect(run.stats).toMatchObject({ deleted: 3, created: 0, updated: 0 })
      expect([...catalog().items.values()].map((i: any) => i.title)).toEqual(["Fija - M / Negro"])
    })

    it("reports a variant with no image or no price and syncs the others", async () => {
      await createProducts(getContainer(), fixture, [
        { title: "Buena", sizes: ["M"], colors: ["Azul"], price: 10 },
        { title: "Sin Imagen", sizes: ["M"], colors: ["Azul"], price: 10, image: false },
        { title: "Sin Precio", sizes: ["M"], colors: ["Azul"] },
      ])
      const run = await sync()
      expect(run.stats).toMatchObject({ created: 1, invalid: 2 })
      const service: any = getContainer().resolve("whatsapp")
      const invalid = await service.listWhatsappCatalogItems({ sync_status: "invalid" })
      expect(invalid.map((i: any) => i.errors).sort()).toEqual([["no image"], ["no price in EUR"]])
      expect(catalog().items.size).toBe(1)
    })

    it("sends the images in the merchant's order: the first by rank is Meta's main image", async () => {
      const { products, variants } = await createProducts(getContainer(), fixture, [{ title: "Mochila", sizes: ["Única"], colors: ["Verde"], price: 35 }])
      const [front, back] = ["http://127.0.0.1/static/mochila-frente.png", "http://127.0.0.1/static/mochila-espalda.png"]
      await updateProductsWorkflow(getContainer()).run({ input: { selector: { id: products[0].id }, update: { images: [{ url: front }, { url: back }], thumbnail: null } } })
      // The merchant moves the back view first: rank now disagrees with the order the images were created in.
      await dbConnection.raw(`update image set rank = case when url = ? then 0 else 1 end where product_id = ?`, [back, products[0].id])
      await sync()
      expect(catalog().items.get(variants[0].id)).toMatchObject({ image_link: back, additional_image_link: [front] })
    })

    it("pauses on a 429 from Meta and then resumes", async () => {
      await createProducts(getContainer(), fixture, [{ title: "Camisa", sizes: ["M"], colors: ["Blanco"], price: 30 }])
      sandbox.state.faults.catalog429 = 1
      const run = await sync()
      expect(run.stats.paused_ms).toBeGreaterThan(0)
      expect(run.stats).toMatchObject({ created: 1, batch_calls: 2 })
      expect(catalog().items.size).toBe(1)
    })

    describe("batches as Meta runs them", () => {
      const itemsWith = async (status: string) => (await api.get(`/admin/whatsapp/catalog/items?status=${status}&limit=100`, admin)).data.items
      const sixVariants = async () =>
        (await createProducts(getContainer(), fixture, [
          { title: "Camisa", sizes: ["S", "M", "L"], colors: ["Azul"], price: 30 },
          { title: "Falda", sizes: ["S", "M", "L"], colors: ["Negro"], price: 25 },
        ])).variants

      it("polls scheduled → dispatched → started → finished; of 3 refused items only 1 in Meta's sample, exactly those 3 end invalid", async () => {
        const variants = await sixVariants()
        const refused = variants.slice(0, 3).map((v) => v.id)
        sandbox.state.faults.catalogItemErrors = Object.fromEntries(refused.map((id) => [id, "Image at image_link could not be downloaded"]))
        sandbox.state.faults.catalogErrorSample = 1
        const run = await sync()

        expect([...catalog().batches.values()].map((b: any) => b.history)).toEqual([["scheduled", "dispatched", "started", "finished"]])
        expect(run.stats).toMatchObject({ created: 3, rejected: 3, pending: 0, polls: 4, batch_calls: 1 })
        expect(run.stats.batches).toEqual([expect.objectContaining({ status: "finished", errors_total_count: 3, invalid: 3, synced: 3 })])
        const invalid = await itemsWith("invalid")
        expect(invalid.map((i: any) => i.variant_id).sort()).toEqual([...refused].sort())
        // One came with Meta's message; Meta named the other two only in ids_of_invalid_requests.
        expect(invalid.map((i: any) => i.errors[0]).sort()).toEqual([
          "Image at image_link could not be downloaded",
          "rejected by Meta (no detail in Meta's error sample)",
          "rejected by Meta (no detail in Meta's error sample)",
        ])
        const synced = await itemsWith("synced")
        expect(synced.map((i: any) => i.variant_id).sort()).toEqual(variants.slice(3).map((v) => v.id).sort())
        expect(catalog().items.size).toBe(3)
      })

      it("reads validation_status when Meta ingests nothing (empty handles): the named item invalid, the rest pending, then synced next run", async () => {
        const variants = await sixVariants()
        sandbox.state.faults.catalogIntakeErrors = { [variants[0].id]: "Invalid value for price" }
        const first = await sync()
        expect(first.stats).toMatchObject({ created: 0, rejected: 1, pending: 5, polls: 0 })
        expect(first.stats.batches).toEqual([expect.objectContaining({ handle: null, status: "not_ingested", invalid: 1, pending: 5 })])
        expect((await itemsWith("invalid"))[0]).toMatchObject({ variant_id: variants[0].id, errors: ["Invalid value for price"] })
        expect(await itemsWith("pending")).toHaveLength(5)
        expect(catalog().items.size).toBe(0)

        sandbox.state.faults.catalogIntakeErrors = {}
        const second = await sync()
        expect(second.stats).toMatchObject({ created: 6, rejected: 0, pending: 0 })
        expect(await itemsWith("synced")).toHaveLength(6)
      })

      it("backs off when a status poll answers 80009, then finishes the batch", async () => {
        await sixVariants()
        sandbox.state.faults.catalog80009 = 1
        const run = await sync()
        expect(run.stats).toMatchObject({ created: 6, pending: 0, polls: 5 })
        expect(run.stats.paused_ms).toBeGreaterThan(0)
        expect(sandbox.state.faults.catalog80009).toBe(0)
        expect(await itemsWith("synced")).toHaveLength(6)
      })

      it("leaves the items of a canceled or errored batch pending, visible on the run, and the next runs sync them without duplicates", async () => {
        const variants = await sixVariants()
        sandbox.state.faults.catalogBatchEnds = ["canceled", "error"]
        const canceled = await sync()
        expect(canceled.stats).toMatchObject({ created: 0, pending: 6 })
        const { run } = (await api.get(`/admin/whatsapp/catalog/runs/${canceled.id}`, admin)).data
        expect(run.stats.batches).toEqual([expect.objectContaining({ status: "canceled", pending: 6, note: "batch canceled at Meta; sent again next run" })])
        expect((await itemsWith("pending")).map((i: any) => i.errors)).toEqual(Array(6).fill(["batch canceled at Meta; sent again next run"]))
        expect(catalog().items.size).toBe(0)

        // Meta applied half of this one before its error: the next run's UPDATEs upsert, none fails on "already exists".
        const errored = await sync()
        expect(errored.stats).toMatchObject({ pending: 6, rejected: 0 })
        expect(catalog().items.size).toBe(3)

        const next = await sync()
        expect(next.stats).toMatchObject({ created: 6, rejected: 0, pending: 0 })
        expect((await itemsWith("synced")).map((i: any) => i.variant_id).sort()).toEqual(variants.map((v) => v.id).sort())
        expect(catalog().items.size).toBe(6)
        expect((await sync()).stats).toMatchObject({ created: 0, updated: 0, unchanged: 6, batch_calls: 0 })
      })

      it("retries a catalog change whose incremental run left items pending", async () => {
        const [variant] = (await createProducts(getContainer(), fixture, [{ title: "Gorro", sizes: ["M"], colors: ["Rojo"], price: 15 }])).variants
        sandbox.state.faults.catalogBatchEnds = ["canceled"]
        // The catalog_change handler itself (the drain job calls it with what it claimed); product events re-queue this
        // variant on their own schedule, so its answer is read rather than the queue row.
        const { syncCatalogChanges } = require(path.join(built, "workflows/catalog/sync-catalog-changes.js"))
        const canceled = await syncCatalogChanges(getContainer(), [{ id: variant.id, attempts: 1 }])
        expect(canceled.retryInMs).toBeGreaterThan(0)
        const service: any = getContainer().resolve("whatsapp")
        const [run] = await service.listWhatsappCatalogSyncRuns({ trigger: "incremental" }, { order: { started_at: "DESC" }, take: 1 })
        expect(run.stats).toMatchObject({ pending: 1, created: 0 })

        const synced = await syncCatalogChanges(getContainer(), [{ id: variant.id, attempts: 2 }])
        expect(synced.retryInMs).toBeNull()
        expect(catalog().items.has(variant.id)).toBe(true)
        await dbConnection.raw(`delete from whatsapp_catalog_queue where id = ?`, [variant.id])
      })
    })

    describe("admin API", () => {
      it("connects a catalog after checking it through the Graph API, and turns commerce settings on", async () => {
        const res = await api.post(`/admin/whatsapp/accounts/${accountId}/catalog`, { catalog_id: CATALOG_ID }, admin)
        expect(res.data.catalog).toMatchObject({ id: CATALOG_ID })
        expect(res.data.commerce_settings).toEqual({ is_cart_enabled: true, is_catalog_visible: true })
        const account = sandbox.state.accounts.get(TEST_ACCOUNT.phone_number_id)
        expect(account.commerce).toEqual({ is_cart_enabled: true, is_catalog_visible: true })

        const missing = await api
          .post(`/admin/whatsapp/accounts/${accountId}/catalog`, { catalog_id: "999999999999" }, admin)
          .catch((e: any) => e.response)
        expect(missing.status).toBe(400)
        expect(missing.data.message).toContain("Catalog 999999999999 could not be reached")
      })

      it("starts a sync that answers with a run id, and lists items by status", async () => {
        await createProducts(getContainer(), fixture, [
          { title: "Polo", sizes: ["M", "L"], colors: ["Azul"], price: 30 },
          { title: "Sin Foto", sizes: ["M"], colors: ["Azul"], price: 30, image: false },
        ])
        const started = await api.post("/admin/whatsapp/catalog/sync", { account_id: accountId }, admin)
        expect(started.status).toBe(202)
        const runId = started.data.run.id
        const run = await waitFor(async () => {
          const { run } = (await api.get(`/admin/whatsapp/catalog/runs/${runId}`, admin)).data
          return run.status === "completed" && run
        }, { timeoutMs: 120_000, what: "the sync run to complete" })
        expect(run).toMatchObject({ status: "completed", stats: expect.objectContaining({ created: 2, invalid: 1 }) })
        const synced = await api.get(`/admin/whatsapp/catalog/items?status=synced`, admin)
        expect(synced.data.count).toBe(2)
        const invalid = await api.get(`/admin/whatsapp/catalog/items?status=invalid`, admin)
        expect(invalid.data.items[0]).toMatchObject({ errors: ["no image"] })
      })

      it("maps a variant to a content ID from Commerce Manager and refuses duplicates", async () => {
        const { variants } = await createProducts(getContainer(), fixture, [{ title: "Falda", sizes: ["S", "M"], colors: ["Negro"], price: 25 }])
        const first = variants.find((v) => v.sku.endsWith("-S-NEGRO"))!
        const second = variants.find((v) => v.sku.endsWith("-M-NEGRO"))!
        const mapped = await api.post(`/admin/whatsapp/catalog/items/${first.id}`, { retailer_id: "SKU-FALDA-S" }, admin)
        expect(mapped.data.item).toMatchObject({ variant_id: first.id, retailer_id: "SKU-FALDA-S", retailer_id_source: "manual", catalog_id: CATALOG_ID })
        const duplicate = await api
          .post(`/admin/whatsapp/catalog/items/${second.id}`, { retailer_id: "SKU-FALDA-S" }, admin)
          .catch((e: any) => e.response)
        expect(duplicate.status).toBe(422)
        expect(duplicate.data.message).toContain(`already mapped to variant ${first.id}`)

        // The merchant's existing item is updated in place, never created twice.
        catalog().items.set("SKU-FALDA-S", { retailer_id: "SKU-FALDA-S", id: "SKU-FALDA-S", title: "old" })
        const run = await sync()
        expect(run.stats).toMatchObject({ created: 1, updated: 1, rejected: 0 })
        expect(catalog().items.get("SKU-FALDA-S").title).toBe("Falda - S / Negro")
      })

      it("remapping a synced variant moves its item to the merchant's content ID and deletes the old one", async () => {
        const { variants } = await createProducts(getContainer(), fixture, [{ title: "Blusa", sizes: ["M"], colors: ["Blanco"], price: 33 }])
        const [variant] = variants
        await sync()
        expect(catalog().items.has(variant.id)).toBe(true)
        catalog().items.set("CM-BLUSA-M", { retailer_id: "CM-BLUSA-M", id: "CM-BLUSA-M", title: "Blusa (Commerce Manager)" })
        await api.post(`/admin/whatsapp/catalog/items/${variant.id}`, { retailer_id: "CM-BLUSA-M" }, admin)
        const run = await sync()
        expect(run.stats).toMatchObject({ updated: 1, deleted: 1, rejected: 0 })
        expect(catalog().items.has(variant.id)).toBe(false)
        expect(catalog().items.get("CM-BLUSA-M").title).toBe("Blusa - M / Blanco")
        const again = await sync()
        expect(again.stats).toMatchObject({ created: 0, updated: 0, deleted: 0 })
      })

      it("imports an existing catalog: matches by SKU, lists what it cannot match", async () => {
        const { variants } = await createProducts(getContainer(), fixture, [{ title: "Chaqueta", sizes: ["M", "L"], colors: ["Azul"], price: 80 }])
        const skus = variants.map((v) => v.sku)
        for (const sku of skus) catalog().items.set(sku, { retailer_id: sku, id: sku, title: `Old ${sku}`, price: "1.00 EUR" })
        catalog().items.set("LEGACY-123", { retailer_id: "LEGACY-123", id: "LEGACY-123", title: "Producto antiguo" })
        const { data } = await api.post("/admin/whatsapp/catalog/import", { account_id: accountId }, admin)
        expect(data.import.total).toBe(3)
        expect(data.import.matched.map((m: any) => m.retailer_id).sort()).toEqual([...skus].sort())
        expect(data.import.matched.every((m: any) => m.by === "sku")).toBe(true)
        expect(data.import.unmatched).toEqual([{ retailer_id: "LEGACY-123", name: "Producto antiguo" }])

        // The next sync updates the merchant's items under their own content IDs.
        const run = await sync()
        expect(run.stats).toMatchObject({ created: 0, updated: 2, rejected: 0 })
        expect(catalog().items.get(skus[0]).price).toBe("80.00 EUR")
      })

      it("keeps typed search and catalog visibility apart: search switches never hide items, the catalog switch does", async () => {
        const { products, variants } = await createProducts(getContainer(), fixture, [
          { title: "Vestido", sizes: ["S", "M"], colors: ["Rojo"], price: 45 },
          { title: "Pantalón", sizes: ["M"], colors: ["Azul"], price: 35 },
        ])
        // The account's typed search off, and one product not searchable: the catalog still shows everything.
        await api.post(`/admin/whatsapp/accounts/${accountId}`, { settings: { search_enabled: false } }, admin)
        const notSearchable = await api.post(`/admin/whatsapp/products/${products[1].id}/settings`, { searchable: false }, admin)
        const first = await sync()
        expect(first.stats).toMatchObject({ created: 3 })
        expect([...catalog().items.values()].map((i: any) => i.visibility)).toEqual(["published", "published", "published"])
        expect(notSearchable.data.settings).toEqual({ product_id: products[1].id, searchable: false, hidden_in_catalog: false })

        // The widget reads how many items hiding will take away before it saves.
        const before = await api.get(`/admin/whatsapp/products/${products[0].id}/settings`, admin)
        expect(before.data).toEqual({ settings: { product_id: products[0].id, searchable: true, hidden_in_catalog: false }, catalog_item_count: 2 })

        const hidden = await api.post(`/admin/whatsapp/products/${products[0].id}/settings`, { hidden_in_catalog: true }, admin)
        expect(hidden.data).toEqual({ settings: { product_id: products[0].id, searchable: true, hidden_in_catalog: true }, catalog_item_count: 2 })
        const { default: changesJob } = require(path.join(built, "jobs/drain-whatsapp-work.js"))
        const dress = variants.filter((v) => v.product_id === products[0].id)
        await waitFor(async () => {
          await changesJob(getContainer())
          return dress.every((v) => catalog().items.get(v.id).visibility === "staging")
        }, { timeoutMs: 120_000, intervalMs: 500, what: "the product hidden in the catalog" })
        // Meta's visibility values are published and staging (hidden from shops).
        expect(dress.map((v) => catalog().items.get(v.id).visibility)).toEqual(["staging", "staging"])
        const trousers = variants.find((v) => v.product_id === products[1].id)!
        expect(catalog().items.get(trousers.id).visibility).toBe("published")

        const refused = await api.post(`/admin/whatsapp/products/${products[0].id}/settings`, {}, admin).catch((e: any) => e.response)
        expect(refused.status).toBe(400)
      })

      it("the migration to a separate catalog switch leaves products that were only unsearchable visible", async () => {
        const { products, variants } = await createProducts(getContainer(), fixture, [{ title: "Chaleco", sizes: ["M"], colors: ["Negro"], price: 50 }])
        await sync()
        const { Migration20261123100000 } = require(path.join(built, "modules/whatsapp/migrations/Migration20261123100000.js"))
        const migration = new Migration20261123100000(null, null)
        const sql = { execute: async (q: string, params: unknown[] = []) => (await dbConnection.raw(q, params)).rows }
        // Back to the old schema, with the product switched off for search the old way.
        await migration.down()
        for (const q of migration.getQueries()) await sql.execute(q)
        await sql.execute(`insert into whatsapp_product_setting (id, product_id, searchable) values ('waprod_old', ?, false)`, [products[0].id])
        await sql.execute(`delete from whatsapp_catalog_queue`)
        migration.reset()
        await migration.up()
        for (const q of migration.getQueries()) await sql.execute(q)
        const [row] = await sql.execute(`select searchable, hidden_in_catalog from whatsapp_product_setting where id = 'waprod_old'`)
        expect(row).toEqual({ searchable: false, hidden_in_catalog: false })
        // Its items, hidden at Meta by the old code, are queued to be published again.
        const queued = await sql.execute(`select id from whatsapp_catalog_queue`)
        expect(queued.map((r: any) => r.id)).toEqual([variants[0].id])
      })
    })

    describe("a catalog shared by several numbers", () => {
      const regions = async () => {
        const { result } = await createRegionsWorkflow(getContainer()).run({
          input: { regions: [{ name: "India", currency_code: "inr", countries: ["in"] }, { name: "Portugal", currency_code: "eur", countries: ["pt"] }] },
        })
        return { india: result[0].id, portugal: result[1].id }
      }
      const second = { name: "Store 2", waba_id: "200000000000101", phone_number_id: "200000000000102", access_token: "test-access-token-0002", display_phone_number: "+1 555 020 0102" }
      const refusal = (promise: Promise<any>) => promise.then(() => ({ status: 200, data: {} as any }), (e: any) => e.response)

      it("is shared by a number in the same currency and refused to one in another currency, sales channel or on a WABA with another catalog", async () => {
        const { india, portugal } = await regions()
        const base = { ...second, catalog_id: CATALOG_ID, sales_channel_id: fixture.salesChannelId }

        const inr = await refusal(api.post("/admin/whatsapp/accounts", { ...base, region_id: india }, admin))
        expect(inr.status).toBe(400)
        expect(inr.data.message).toBe(
          `Catalog ${CATALOG_ID} is already synced in EUR for sales channel "WhatsApp" by account "${TEST_ACCOUNT.name}"; this account's region uses INR`
        )
        const web = await refusal(api.post("/admin/whatsapp/accounts", { ...base, region_id: portugal, sales_channel_id: fixture.otherChannelId }, admin))
        expect(web.status).toBe(400)
        expect(web.data.message).toContain(`this account uses sales channel "Web"`)
        const sameWaba = await refusal(api.post("/admin/whatsapp/accounts", { ...base, waba_id: TEST_ACCOUNT.waba_id, catalog_id: "200000000000077", region_id: portugal }, admin))
        expect(sameWaba.status).toBe(400)
        expect(sameWaba.data.message).toContain(`WhatsApp Business Account ${TEST_ACCOUNT.waba_id} already uses catalog ${CATALOG_ID}`)

        // Same currency, another region: shares the catalog as it is, and the admin says so.
        const shared = await api.post("/admin/whatsapp/accounts", { ...base, region_id: portugal }, admin)
        expect(shared.status).toBe(201)
        const { data } = await api.get(`/admin/whatsapp/accounts/${shared.data.account.id}`, admin)
        expect(data.catalog_sharing).toEqual({
          catalog_id: CATALOG_ID,
          source: { id: accountId, name: TEST_ACCOUNT.name, display_phone_number: TEST_ACCOUNT.display_phone_number },
          currency_code: "eur",
          region: { id: fixture.regionId, name: "Europe" },
          sales_channel: { id: fixture.salesChannelId, name: "WhatsApp" },
          shared_with: [{ id: accountId, name: TEST_ACCOUNT.name, display_phone_number: TEST_ACCOUNT.display_phone_number }],
        })
        const moved = await refusal(api.post(`/admin/whatsapp/accounts/${shared.data.account.id}`, { region_id: india }, admin))
        expect(moved.status).toBe(400)
        expect(moved.data.message).toContain("this account's region uses INR")

        // Connecting the catalog later is held to the same rule, before anything is changed at Meta.
        const later = await api.post("/admin/whatsapp/accounts", { ...second, phone_number_id: "200000000000103", waba_id: "200000000000104", region_id: india, sales_channel_id: fixture.salesChannelId }, admin)
        const connect = await refusal(api.post(`/admin/whatsapp/accounts/${later.data.account.id}/catalog`, { catalog_id: CATALOG_ID }, admin))
        expect(connect.status).toBe(400)
        expect(connect.data.message).toContain("this account's region uses INR")
        expect((await api.get(`/admin/whatsapp/accounts/${later.data.account.id}`, admin)).data.account.catalog_id).toBeNull()
      })

      it("is synced from one configuration whichever number asks, and once per job run", async () => {
        const { india } = await regions()
        const { variants } = await createProducts(getContainer(), fixture, [{ title: "Camisa", sizes: ["M"], colors: ["Blanco"], price: 30 }])
        await sync()
        expect(catalog().items.get(variants[0].id).price).toBe("30.00 EUR")
        // A number stored before the rules existed (same business token), on the same catalog with a region in INR.
        const service: any = getContainer().resolve("whatsapp")
        const legacy = await service.createWhatsappAccounts(
          service.sealSecrets({ ...second, access_token: TEST_ACCOUNT.access_token, catalog_id: CATALOG_ID, region_id: india, sales_channel_id: fixture.salesChannelId })
        )
        const viaLegacy = (await syncWhatsAppCatalogWorkflow(getContainer()).run({ input: { account_id: legacy.id } })).result
        expect(viaLegacy.stats).toMatchObject({ created: 0, updated: 0, deleted: 0, invalid: 0, unchanged: 1 })
        expect(catalog().items.get(variants[0].id).price).toBe("30.00 EUR")

        const { default: reconcileJob } = require(path.join(built, "jobs/reconcile-whatsapp-catalogs.js"))
        await reconcileJob(getContainer())
        const scheduled = await service.listWhatsappCatalogSyncRuns({ trigger: "scheduled" })
        expect(scheduled).toHaveLength(1)
        expect(scheduled[0]).toMatchObject({ account_id: accountId, catalog_id: CATALOG_ID, status: "completed" })
      })
    })

    it("follows product edits on its own: a price edit reaches the catalog through events and the debounced job", async () => {
      const { variants } = await createProducts(getContainer(), fixture, [{ title: "Bermuda", sizes: ["M"], colors: ["Verde"], price: 29 }])
      await sync()
      const variant = variants[0]
      await updateProductVariantsWorkflow(getContainer()).run({
        input: { selector: { id: variant.id }, update: { prices: [{ amount: 24, currency_code: "eur" }] } },
      })
      const { default: changesJob } = require(path.join(built, "jobs/drain-whatsapp-work.js"))
      await waitFor(async () => {
        await changesJob(getContainer())
        return catalog().items.get(variant.id).price === "24.00 EUR"
      }, { timeoutMs: 120_000, intervalMs: 500, what: "the new price in the catalog" })
      expect(catalog().items.get(variant.id).price).toBe("24.00 EUR")
      const service: any = getContainer().resolve("whatsapp")
      const runs = await service.listWhatsappCatalogSyncRuns({ trigger: "incremental" })
      expect(runs.length).toBeGreaterThan(0)
      expect(runs[0].stats).toMatchObject({ updated: 1, created: 0 })
      // The change leaves the work queue once synced, not when it is taken.
      await waitFor(async () => (await dbConnection.raw(`select count(*)::int c from whatsapp_catalog_queue where id = ?`, [variant.id])).rows[0].c === 0, {
        what: "the synced change off the queue",
      })
    })

    it("keeps a catalog change whose sync failed, retries it with backoff, and gives it up visibly at the cap", async () => {
      const { variants } = await createProducts(getContainer(), fixture, [{ title: "Polo", sizes: ["L"], colors: ["Gris"], price: 35 }])
      await sync()
      const variant = variants[0]
      // An account whose stored token cannot be opened: every sync run for it throws.
      await dbConnection.raw(`update whatsapp_account set access_token = 'v2:broken' where id = ?`, [accountId])
      try {
        await dbConnection.raw(`insert into whatsapp_catalog_queue (id, queued_at) values (?, now() - interval '1 minute')
          on conflict (id) do update set queued_at = excluded.queued_at`, [variant.id])
        const { default: drainJob } = require(path.join(built, "jobs/drain-whatsapp-work.js"))
        await drainJob(getContainer())
        const [kept] = (await dbConnection.raw(`select attempts, last_error, next_attempt_at, failed_at from whatsapp_catalog_queue where id = ?`, [variant.id])).rows
        expect(kept).toMatchObject({ attempts: 1, failed_at: null })
        expect(kept.last_error).toMatch(/^incremental sync failed for /)
        expect(kept.next_attempt_at).not.toBeNull()

        // At the cap (as if every retry had failed), the next claim gives it up with its reason.
        await dbConnection.raw(`update whatsapp_catalog_queue set attempts = 10, next_attempt_at = null where id = ?`, [variant.id])
        await drainJob(getContainer())
        const [given] = (await dbConnection.raw(`select attempts, last_error, failed_at from whatsapp_catalog_queue where id = ?`, [variant.id])).rows
        expect(given.failed_at).not.toBeNull()
        expect(given.last_error).toMatch(/^gave up after 10 attempts: incremental sync failed for /)
        const { data } = await api.get("/admin/whatsapp/work", admin)
        expect(data.work.find((w: any) => w.kind === "catalog_change").given_up).toBeGreaterThanOrEqual(1)
      } finally {
        await dbConnection.raw(`delete from whatsapp_catalog_queue where id = ?`, [variant.id])
      }
    })
  },
})
