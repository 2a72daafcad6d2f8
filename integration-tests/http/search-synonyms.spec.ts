import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { CatalogFixture, createCommerceBasics, createProducts } from "../helpers/catalog-fixtures"
import { TEST_ACCOUNT, useSandbox, waitFor } from "../helpers/whatsapp"

const cwd = path.join(__dirname, "../host")
const fake = useSandbox({ accounts: [TEST_ACCOUNT], sendStatuses: false })

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    let fixture: CatalogFixture
    let admin: { headers: Record<string, string> }
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    const search = async (q: string) =>
      (await api.get(`/admin/whatsapp/search?q=${encodeURIComponent(q)}`, admin)).data as { matches: any[]; understood: any }
    const titles = async (q: string) => (await search(q)).matches.map((m) => m.title)

    beforeEach(async () => {
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      admin = await createAdminHeaders(getContainer())
      fixture = await createCommerceBasics(getContainer())
      await api.post(
        "/admin/whatsapp/accounts",
        { ...TEST_ACCOUNT, region_id: fixture.regionId, sales_channel_id: fixture.salesChannelId, language: "es" },
        admin
      )
      await getContainer().resolve(Modules.SEARCH).reindex({ index: "whatsapp_product" })
      await createProducts(getContainer(), fixture, [
        { title: "Camiseta Básica", sizes: ["S", "M"], colors: ["Rojo", "Azul"], price: 19.9 },
        { title: "Tapete Kilim", sizes: ["Único"], colors: ["Beige"], price: 59 },
        { title: "Caja Regalo", sizes: ["Único"], colors: ["Negro"], price: 15 },
        { title: "Taza Esmaltada", sizes: ["Único"], colors: ["Verde"], price: 12 },
      ])
      // The index follows product events: wait until the last product is searchable.
      await waitFor(async () => (await titles("taza esmaltada")).length)
    })

    it("finds products across languages through the built-in vocabulary", async () => {
      const red = await search("red t-shirt")
      expect(red.matches[0]).toMatchObject({ title: "Camiseta Básica", matched_variant: true })
      const [variant] = await rows(`select title from product_variant where id = ?`, [red.matches[0].variant_id])
      expect(variant.title).toMatch(/Rojo$/)
      expect(red.understood.units.map((u: any) => u.kind)).toEqual(["color", "product"])
      expect(await titles("gracias, ¿cuánto cuesta el envío?")).toEqual([])
    })

    it("applies a merchant's synonym groups from the next search on, without a restart", async () => {
      expect(await titles("alfombra")).toEqual([])

      const created = await api.post("/admin/whatsapp/search/synonyms", { terms: ["alfombra", "tapete"] }, admin)
      expect(created.status).toBe(201)
      expect(created.data.synonym).toMatchObject({ mode: "two_way", source: null, terms: ["alfombra", "tapete"] })
      expect(await titles("alfombra")).toEqual(["Tapete Kilim"])
      expect(await titles("alfombras")).toEqual(["Tapete Kilim"])

      // One way: "regalo" also finds mugs, but "taza" does not find the gift box.
      const oneWay = await api.post("/admin/whatsapp/search/synonyms", { mode: "one_way", source: "regalo", terms: ["taza"] }, admin)
      expect(await titles("regalo")).toEqual(expect.arrayContaining(["Caja Regalo", "Taza Esmaltada"]))
      expect(await titles("taza")).toEqual(["Taza Esmaltada"])

      const listed = await api.get("/admin/whatsapp/search/synonyms", admin)
      expect(listed.data.synonyms.map((s: any) => s.id)).toEqual([created.data.synonym.id, oneWay.data.synonym.id])

      // Changing the group changes results at once too.
      const updated = await api.post(`/admin/whatsapp/search/synonyms/${created.data.synonym.id}`, { terms: ["moqueta", "tapete"] }, admin)
      expect(updated.data.synonym.terms).toEqual(["moqueta", "tapete"])
      expect(await titles("alfombra")).toEqual([])
      expect(await titles("moqueta")).toEqual(["Tapete Kilim"])

      const removed = await api.delete(`/admin/whatsapp/search/synonyms/${created.data.synonym.id}`, admin)
      expect(removed.data).toEqual({ id: created.data.synonym.id, object: "whatsapp_search_synonym", deleted: true })
      expect(await titles("moqueta")).toEqual([])
      const [row] = await rows(`select deleted_at from whatsapp_search_synonym where id = ?`, [created.data.synonym.id])
      expect(row.deleted_at).not.toBeNull()
    })

    it("refuses groups that cannot work, with the reason", async () => {
      const fail = (body: unknown, url = "/admin/whatsapp/search/synonyms") => api.post(url, body, admin).catch((e) => e.response)
      const lonely = await fail({ terms: ["alfombra"] })
      expect(lonely.status).toBe(400)
      expect(lonely.data.message).toContain("a two-way group needs at least two terms")
      const sourceless = await fail({ mode: "one_way", terms: ["taza"] })
      expect(sourceless.status).toBe(400)
      expect(sourceless.data.message).toContain("a one-way group needs the word")
      const empty = await fail({ terms: ["alfombra", " "] })
      expect(empty.status).toBe(400)
      // Medusa words length errors itself; it names the field and the position.
      expect(empty.data.message).toContain("'terms, 1' too small")

      const group = await api.post("/admin/whatsapp/search/synonyms", { terms: ["alfombra", "tapete"] }, admin)
      const shrunk = await fail({ terms: ["tapete"] }, `/admin/whatsapp/search/synonyms/${group.data.synonym.id}`)
      expect(shrunk.status).toBe(400)
      expect(shrunk.data.message).toContain("a two-way group needs at least two terms")
      const missing = await api.delete("/admin/whatsapp/search/synonyms/wasyn_missing", admin).catch((e) => e.response)
      expect(missing.status).toBe(404)
      expect(await titles("alfombra")).toEqual(["Tapete Kilim"])
    })
  },
})
