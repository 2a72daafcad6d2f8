import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import path from "node:path"
import { createAdminHeaders } from "../helpers/admin"
import { createCommerceBasics, createProducts } from "../helpers/catalog-fixtures"
import { postWebhook, TEST_ACCOUNT, textPayload, useSandbox, waitFor, wamid } from "../helpers/whatsapp"

jest.setTimeout(120_000)

const cwd = path.join(__dirname, "../host")
const built = path.resolve(__dirname, "../../.medusa/server/src")
const CATALOG_ID = "200000000000023"
const CUSTOMER = "34655443322"
const fake = useSandbox({ accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID }], sendStatuses: false, pollsBeforeFinished: 1 })

/**
 * Issue 22: the keyword auto-replies became automation rules. The migration
 * runs at boot on an empty table; here its up() and down() run again against
 * old-style rows inserted into the restored table, as on a shop upgrading.
 */
medusaIntegrationTestRunner({
  cwd,
  medusaConfigFile: cwd,
  testSuite: ({ api, getContainer, dbConnection }) => {
    const { syncWhatsAppCatalogWorkflow } = require(path.join(built, "workflows/catalog/workflows/sync-whatsapp-catalog.js"))
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    const migrate = async (direction: "up" | "down") => {
      const { Migration20261222010000 } = require(path.join(built, "modules/whatsapp/migrations/Migration20261222010000.js"))
      const migration = new Migration20261222010000(null, null)
      await migration[direction]()
      for (const sql of migration.getQueries()) await dbConnection.raw(sql)
    }
    const table = async (name: string) => (await rows(`select to_regclass(?) as t`, [name]))[0].t
    const answers = (conversationId: string) =>
      rows(`select text, type from whatsapp_message where direction = 'outbound' and conversation_id = ? order by created_at, id`, [conversationId])
    let admin: { headers: Record<string, string> }
    let accountId: string

    beforeEach(async () => {
      await fetch(`${fake.url}/__sandbox/reset`, { method: "POST" })
      admin = await createAdminHeaders(getContainer())
      const fixture = await createCommerceBasics(getContainer())
      const { data } = await api.post(
        "/admin/whatsapp/accounts",
        { ...TEST_ACCOUNT, catalog_id: CATALOG_ID, region_id: fixture.regionId, sales_channel_id: fixture.salesChannelId, language: "es" },
        admin
      )
      accountId = data.account.id
      await createProducts(getContainer(), fixture, [
        { title: "Camiseta Básica", sizes: ["M"], colors: ["Rojo", "Azul"], price: 19.9 },
        { title: "Sudadera con Capucha", sizes: ["L"], colors: ["Gris"], price: 39 },
      ])
      await syncWhatsAppCatalogWorkflow(getContainer()).run({ input: { account_id: accountId } })
      await getContainer().resolve(Modules.SEARCH).reindex({ index: "whatsapp_product" })
    })

    /** A customer text, handled: the stored message, once its conversation has `total` answers and the work queue is idle. */
    async function customerWrites(text: string, total: number) {
      const id = wamid()
      await postWebhook(api.defaults.baseURL!, textPayload({ from: CUSTOMER, text, name: "Ana López", id }))
      const [message] = await waitFor(
        () => rows(`select id, conversation_id from whatsapp_message where wamid = ? and handled_at is not null`, [id]).then((r) => r.length && r),
        { what: `"${text}" handled` }
      )
      await waitFor(async () => (await answers(message.conversation_id)).length >= total, { what: `${total} answer(s)` })
      // Required after boot: it imports the search index file, which must first be imported by Medusa's loader to be registered.
      const { whatsappWork } = require(path.join(built, "workflows/work/whatsapp-work.js"))
      await whatsappWork(getContainer()).idle(15_000)
      return message as { id: string; conversation_id: string }
    }

    it("turns each old keyword rule into an automation rule, answers a matching text with it once and no search, and rolls back", async () => {
      // The boot ran the migration on an empty table; the shop's old table comes back, with its rules, as before the upgrade.
      expect(await table("whatsapp_auto_reply_rule")).toBeNull()
      await migrate("down")
      expect(await table("whatsapp_auto_reply_rule")).toBe("whatsapp_auto_reply_rule")
      const [hoodie] = await rows(`select v.id from product_variant v join product p on p.id = v.product_id where p.title = 'Sudadera con Capucha'`)
      const old = [
        ["warule_ship", "Envío", "contains", ["envío", "envios"], "text", "Enviamos en 24-48 h.", null, null, 5, true, null],
        ["warule_ship_low", "Envío (antigua)", "contains", ["envio"], "text", "Respuesta que pierde.", null, null, 0, true, null],
        ["warule_deals", "Ofertas", "exact", ["ofertas"], "products", "Mira esto", null, [hoodie.id], 0, true, null],
        ["warule_off", "Apagada", "exact", ["hola"], "text", "Hola", null, null, 0, false, null],
        ["warule_gone", "Borrada", "exact", ["adios"], "text", "Adiós", null, null, 0, true, new Date().toISOString()],
      ]
      for (const [id, name, match, keywords, type, text, products, variants, priority, active, deleted] of old) {
        await rows(
          `insert into whatsapp_auto_reply_rule (id, account_id, name, match, keywords, reply_type, reply_text, product_ids, variant_ids, priority, active, deleted_at)
           values (?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)`,
          [id, accountId, name, match, JSON.stringify(keywords), type, text, products && JSON.stringify(products), variants && JSON.stringify(variants), priority, active, deleted]
        )
      }
      await migrate("up")
      await migrate("up")

      expect(await table("whatsapp_auto_reply_rule")).toBeNull()
      expect(await rows(`select count(*)::int as n from whatsapp_auto_reply_rule_migrated`)).toEqual([{ n: 5 }])
      const migrated = await rows(`select id from whatsapp_automation_rule where deleted_at is null order by id`)
      expect(migrated.map((r: any) => r.id)).toEqual(["warule_deals", "warule_off", "warule_ship", "warule_ship_low"])
      const ship = (await api.get(`/admin/whatsapp/automations/warule_ship`, admin)).data.automation
      expect(ship).toMatchObject({
        name: "Envío",
        enabled: true,
        account_id: accountId,
        priority: 5,
        trigger: { type: "message_received", match: "contains", keywords: ["envío", "envios"] },
        conditions: [],
        delay_minutes: 0,
        actions: [{ type: "send_text", text: "Enviamos en 24-48 h." }],
      })
      const deals = (await api.get(`/admin/whatsapp/automations/warule_deals`, admin)).data.automation
      expect(deals).toMatchObject({ trigger: { match: "exact", keywords: ["ofertas"] }, actions: [{ type: "send_products", product_ids: [], variant_ids: [hoodie.id], text: "Mira esto" }] })
      expect((await api.get(`/admin/whatsapp/automations/warule_off`, admin)).data.automation.enabled).toBe(false)
      // The deprecated API reads the same rules in its old shape.
      const { auto_replies } = (await api.get(`/admin/whatsapp/accounts/${accountId}/auto-replies`, admin)).data
      expect(auto_replies.map((r: any) => [r.id, r.reply_type, r.priority, r.active])).toEqual([
        ["warule_ship", "text", 5, true],
        ["warule_ship_low", "text", 0, true],
        ["warule_deals", "products", 0, true],
        ["warule_off", "text", 0, false],
      ])

      // A matching text: the highest-priority rule answers, once; neither the other rule nor the search answers.
      const asked = await customerWrites("¿Cuánto tarda el ENVIO de una camiseta?", 1)
      expect(await answers(asked.conversation_id)).toEqual([{ text: "Enviamos en 24-48 h.", type: "text" }])
      const runs = (id: string) => rows(`select status from whatsapp_automation_run where rule_id = ?`, [id])
      expect(await runs("warule_ship")).toEqual([{ status: "succeeded" }])
      expect(await runs("warule_ship_low")).toEqual([])

      // A text no rule matches gets the search answer, as before.
      await customerWrites("camiseta azul", 2)
      const afterSearch = await answers(asked.conversation_id)
      expect(afterSearch).toHaveLength(2)
      expect(afterSearch[1].type).toBe("interactive")
      expect(fake.sandbox.state.messages.filter((m: any) => m.to === CUSTOMER).at(-1).body.interactive.type).toBe("product")

      // The products rule sends its variant; the disabled one answers nothing, so "hola" gets the usual greeting.
      await customerWrites("Ofertas!", 3)
      const offer = fake.sandbox.state.messages.filter((m: any) => m.to === CUSTOMER).at(-1)
      expect(offer.body.interactive).toMatchObject({ type: "product", body: { text: "Mira esto" } })
      await customerWrites("hola", 4)
      expect(await runs("warule_off")).toEqual([])
      expect(await answers(asked.conversation_id)).toHaveLength(4)

      // Rolled back: the old rows are back as they were, and the rules that came from them are gone.
      await migrate("down")
      expect(await rows(`select count(*)::int as n from whatsapp_auto_reply_rule where deleted_at is null`)).toEqual([{ n: 4 }])
      expect(await rows(`select id from whatsapp_automation_rule where id like 'warule_%'`)).toEqual([])
      await migrate("up")
      expect(await rows(`select count(*)::int as n from whatsapp_automation_rule where id like 'warule_%' and deleted_at is null`)).toEqual([{ n: 4 }])
    })
  },
})
