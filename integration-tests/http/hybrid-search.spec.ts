import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { CatalogFixture, createCommerceBasics } from "../helpers/catalog-fixtures"
import { postWebhook, TEST_ACCOUNT, textPayload, useSandbox, waitFor } from "../helpers/whatsapp"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createEmbeddingsSandbox } = require("../../sandbox/embeddings")

const cwd = path.join(__dirname, "../host")
const built = path.resolve(__dirname, "../../.medusa/server/src")
const CATALOG_ID = "200000000000031"
const CUSTOMER = "34611223344"
const API_KEY = "sk-it-hybrid-secret-key-5f1e2d3c4b5a"
const fake = useSandbox({ accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID }], sendStatuses: false, pollsBeforeFinished: 1 })
const sandbox = fake.sandbox

/** The fake OpenAI-compatible embeddings endpoint; the host app gets it through WHATSAPP_IT_AI_* (see host/medusa-config.ts). */
const embeddings = createEmbeddingsSandbox({ apiKey: API_KEY })
let embeddingsUrl = ""
beforeAll(async () => {
  embeddingsUrl = await embeddings.listen(0)
  process.env.WHATSAPP_IT_AI_URL = `${embeddingsUrl}/v1`
  process.env.WHATSAPP_IT_AI_KEY = API_KEY
  process.env.WHATSAPP_IT_AI_QUERY_TIMEOUT_MS = "400"
})
afterAll(async () => {
  await embeddings.close()
  for (const name of ["WHATSAPP_IT_AI_URL", "WHATSAPP_IT_AI_KEY", "WHATSAPP_IT_AI_QUERY_TIMEOUT_MS"]) delete process.env[name]
})
const faults = (body: Record<string, unknown>) =>
  fetch(`${embeddingsUrl}/__fake/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })

/** Everything the app logs or prints while a test runs: the key must appear nowhere. */
const output: string[] = []
const writes = [process.stdout, process.stderr].map((stream) => {
  const original = stream.write.bind(stream)
  stream.write = ((chunk: any, ...rest: any[]) => {
    output.push(String(chunk))
    return original(chunk, ...rest)
  }) as typeof stream.write
  return () => (stream.write = original as typeof stream.write)
})
afterAll(() => writes.forEach((restore) => restore()))

medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const { syncWhatsAppCatalogWorkflow } = require(path.join(built, "workflows/catalog/workflows/sync-whatsapp-catalog.js"))
    let fixture: CatalogFixture
    let accountId: string
    let admin: { headers: Record<string, string> }
    const logged: string[] = []
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    const search = async (q: string) => {
      const res = await api.get(`/admin/whatsapp/search?q=${encodeURIComponent(q)}`, admin)
      expect(res.status).toBe(200)
      return (res.data.matches as { title: string; product_id: string }[]).map((m) => m.title)
    }
    const createProduct = async (title: string, description: string, colors: string[]) =>
      (
        await api.post(
          "/admin/products",
          {
            title,
            description,
            status: "published",
            // Meta's catalog needs an image: without one the item is not synced and cannot be sent.
            images: [{ url: `http://127.0.0.1/static/${title.toLowerCase().replace(/\W+/g, "-")}.png` }],
            options: [{ title: "Color", values: colors }],
            variants: colors.map((color) => ({ title: color, options: { Color: color }, manage_inventory: false, prices: [{ amount: 20, currency_code: "eur" }] })),
            sales_channels: [{ id: fixture.salesChannelId }],
          },
          admin
        )
      ).data.product as { id: string }
    /** Rows of these products, once none is waiting for the drain. */
    const embedded = (ids: string[]) =>
      waitFor(
        async () => {
          const found = await rows(
            `select id, model, text_hash, dimensions, jsonb_array_length(vector) as length, embedded_at, sales_channel_ids, last_error
               from whatsapp_product_embedding where id = any(?) and queued_at is null and vector is not null`,
            [ids]
          )
          return found.length === ids.length && found
        },
        { what: "product embeddings stored", timeoutMs: 30_000 }
      )

    beforeEach(async () => {
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      await fetch(`${embeddingsUrl}/__fake/reset`, { method: "POST" })
      admin = await createAdminHeaders(getContainer())
      fixture = await createCommerceBasics(getContainer())
      const { data } = await api.post(
        "/admin/whatsapp/accounts",
        { ...TEST_ACCOUNT, catalog_id: CATALOG_ID, region_id: fixture.regionId, sales_channel_id: fixture.salesChannelId, language: "es" },
        admin
      )
      accountId = data.account.id
      await getContainer().resolve(Modules.SEARCH).reindex({ index: "whatsapp_product" })
      const logger = getContainer().resolve("logger") as any
      logged.length = 0
      for (const level of ["warn", "error", "info", "debug"]) {
        const original = logger[level].bind(logger)
        jest.spyOn(logger, level).mockImplementation((...args: unknown[]) => {
          logged.push(args.map(String).join(" "))
          return original(...args)
        })
      }
    })
    afterEach(() => {
      jest.restoreAllMocks()
      expect(logged.join("\n")).not.toContain(API_KEY)
      expect(output.join("")).not.toContain(API_KEY)
    })

    it("embeds products created through the admin API in the background, and again only when their text changes", async () => {
      const umbrella = await createProduct("Paraguas plegable", "Paraguas con apertura automática", ["Negro", "Rojo"])
      const mug = await createProduct("Taza de cerámica", "Taza de 350 ml", ["Blanco"])
      const stored = await embedded([umbrella.id, mug.id])
      for (const row of stored) {
        expect(row).toMatchObject({ model: "fake-embed-multilingual", dimensions: 384, length: 384, sales_channel_ids: [fixture.salesChannelId], last_error: null })
        expect(row.text_hash).toMatch(/^[0-9a-f]{32}$/)
      }
      const asked = embeddings.state.requests.length
      expect(asked).toBeGreaterThan(0)
      expect(embeddings.state.requests.every((r: any) => r.with_key)).toBe(true)

      // A change outside the embedded text (the product's weight): queued, read, not embedded again.
      const [before] = await rows(`select text_hash, embedded_at, updated_at from whatsapp_product_embedding where id = ?`, [umbrella.id])
      await api.post(`/admin/products/${umbrella.id}`, { weight: 400 }, admin)
      // Queuing and the run both touch updated_at; done once it is no longer queued.
      await waitFor(
        async () => (await rows(`select 1 from whatsapp_product_embedding where id = ? and queued_at is null and updated_at > ?`, [umbrella.id, before.updated_at])).length,
        { what: "the unchanged product processed" }
      )
      expect(embeddings.state.requests.length).toBe(asked)
      const [same] = await rows(`select text_hash, embedded_at from whatsapp_product_embedding where id = ?`, [umbrella.id])
      expect(same.text_hash).toBe(before.text_hash)
      expect(same.embedded_at.getTime()).toBe(before.embedded_at.getTime())

      // A new description: embedded again, with a new hash.
      await api.post(`/admin/products/${umbrella.id}`, { description: "Paraguas antiviento de viaje" }, admin)
      const [changed] = await waitFor(async () => {
        const found = await rows(`select text_hash from whatsapp_product_embedding where id = ? and queued_at is null and text_hash <> ?`, [umbrella.id, before.text_hash])
        return found.length && found
      }, { what: "the changed product embedded again" })
      expect(changed.text_hash).not.toBe(before.text_hash)
      expect(embeddings.state.requests.length).toBe(asked + 1)

      // The admin sees the kind in the work queue's summary (only with the option), nothing left due.
      const { data: work } = await api.get("/admin/whatsapp/work", admin)
      expect(work.work.find((w: any) => w.kind === "product_embedding")).toMatchObject({ due: 0, given_up: 0 })

      // Unpublished: its vector goes.
      await api.post(`/admin/products/${mug.id}`, { status: "draft" }, admin)
      await waitFor(async () => (await rows(`select 1 from whatsapp_product_embedding where id = ?`, [mug.id])).length === 0, { what: "the draft's vector removed" })
    })

    it("finds a product by a query that shares no word with it, through its embedding", async () => {
      const umbrella = await createProduct("Paraguas plegable", "Paraguas con apertura automática", ["Negro"])
      const backpack = await createProduct("Mochila de montaña", "Mochila de 30 litros", ["Verde"])
      await createProduct("Taza de cerámica", "Taza de 350 ml", ["Blanco"])
      await embedded([umbrella.id, backpack.id])
      await waitFor(async () => (await search("paraguas")).length, { what: "the discovery index" })

      expect((await search("umbrella"))[0]).toBe("Paraguas plegable")
      expect((await search("guarda-chuva"))[0]).toBe("Paraguas plegable")
      expect(await search("backpack")).toEqual(["Mochila de montaña"])
      // Lexical matches keep first place; nothing semantic comes of a word close to no product.
      expect((await search("taza"))[0]).toBe("Taza de cerámica")
      expect(await search("bicicleta eléctrica")).toEqual([])
    })

    it("answers with lexical results, and no error, when the provider rate-limits, fails or times out", async () => {
      const umbrella = await createProduct("Paraguas plegable", "Paraguas con apertura automática", ["Negro"])
      const backpack = await createProduct("Mochila de montaña", "Mochila de 30 litros", ["Verde"])
      await embedded([umbrella.id, backpack.id])
      await waitFor(async () => (await search("paraguas")).length, { what: "the discovery index" })

      await faults({ status: 429, times: 2 })
      expect(await search("paraguas negro")).toEqual(["Paraguas plegable"])
      // The semantic-only query finds nothing then (lexical only), without an error.
      expect(await search("sombrilla")).toEqual([])
      expect(logged.some((l) => /semantic search skipped, lexical results only \(embeddings endpoint answered 429 rate_limit_exceeded/.test(l))).toBe(true)

      await faults({ status: 500, times: 1 })
      expect(await search("mochila verde")).toEqual(["Mochila de montaña"])
      expect(logged.some((l) => /semantic search skipped.*answered 500/.test(l))).toBe(true)

      await faults({ delayMs: 3_000, times: 1 })
      expect(await search("mochila de montaña")).toEqual(["Mochila de montaña"])
      expect(logged.some((l) => /semantic search skipped.*timed out after 400 ms/.test(l))).toBe(true)

      // Once the provider answers again, the semantic match is back (this query was never embedded before).
      expect((await search("sombrilla"))[0]).toBe("Paraguas plegable")
    })

    it("a shopper's message gets the lexical product while the provider fails", async () => {
      const backpack = await createProduct("Mochila de montaña", "Mochila de 30 litros", ["Verde"])
      await embedded([backpack.id])
      await syncWhatsAppCatalogWorkflow(getContainer()).run({ input: { account_id: accountId } })
      await waitFor(async () => (await search("mochila")).length, { what: "the discovery index" })
      const [variant] = await rows(`select id from product_variant where product_id = ?`, [backpack.id])

      await faults({ status: 500, times: 5 })
      await postWebhook(api.defaults.baseURL!, textPayload({ from: CUSTOMER, text: "busco una mochila" }))
      const [reply] = await waitFor(async () => {
        const sent = sandbox.state.messages.filter((m: any) => m.to === CUSTOMER)
        return sent.length && sent
      }, { what: "the reply to the shopper" })
      expect(reply.body.interactive).toMatchObject({ type: "product", action: { catalog_id: CATALOG_ID, product_retailer_id: variant.id } })
      const [message] = await rows(`select handle_error from whatsapp_message where direction = 'inbound' and handled_at is not null order by created_at desc limit 1`)
      expect(message.handle_error).toBeNull()
    })
  },
})
