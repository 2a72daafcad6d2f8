// Run by bench/catalog-sync.js through `medusa exec` in the test host: seeds
// 10,000 variants once, then times Medusa's own read of them (query.graph
// with prices and stock) against a full catalog sync and a no-change re-sync.
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, getVariantAvailability, QueryContext } from "@medusajs/framework/utils"
import path from "node:path"
import { createCommerceBasics, createProducts } from "../integration-tests/helpers/catalog-fixtures"

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 1000)
const root = path.resolve(__dirname, "..")

export default async function run({ container }: ExecArgs) {
  const { createSandbox } = require(path.join(root, "sandbox/graph-api.js"))
  const { syncWhatsAppCatalogWorkflow, createWhatsAppAccountWorkflow } = require(path.join(root, ".medusa/server/src/workflows/index.js"))
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const account = { waba_id: "400000000000001", phone_number_id: "400000000000002", access_token: "bench-token-000001", catalog_id: "400000000000003" }
  const sandbox = createSandbox({ accounts: [account], sendStatuses: false, pollsBeforeFinished: 1 })
  await sandbox.listen(Number(new URL(process.env.WHATSAPP_GRAPH_API_URL!).port))

  const fixture = await createCommerceBasics(container)
  const sizes = ["XS", "S", "M", "L", "XL"]
  const colors = ["Rojo", "Azul"]
  for (let i = 0; i < PRODUCTS; i += 100) {
    await createProducts(
      container,
      fixture,
      Array.from({ length: Math.min(100, PRODUCTS - i) }, (_, k) => ({ title: `Producto ${i + k}`, sizes, colors, price: 10 + ((i + k) % 50) }))
    )
  }
  const { result } = await createWhatsAppAccountWorkflow(container).run({
    input: { name: "Bench", ...account, region_id: fixture.regionId, sales_channel_id: fixture.salesChannelId },
  })
  const { data: [region] } = await query.graph({ entity: "region", fields: ["currency_code"], filters: { id: fixture.regionId } })

  // Baseline: the same variants with prices and stock, read the way Medusa reads them
  // (the second of two reads, so neither side pays for cold caches).
  const readAll = async () => {
  const variants: any[] = []
  for (let skip = 0; ; skip += 2000) {
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "title", "sku", "options.value", "options.option.title", "product.id", "product.title", "product.handle", "product.description", "product.status", "product.images.url", "product.sales_channels.id", "calculated_price.calculated_amount"],
      pagination: { skip, take: 2000, order: { id: "ASC" } },
      context: { calculated_price: QueryContext({ region_id: fixture.regionId, currency_code: region.currency_code }) },
    })
    variants.push(...data)
    if (data.length < 2000) break
  }
  await getVariantAvailability(query, { variant_ids: variants.map((v) => v.id), sales_channel_id: fixture.salesChannelId })
  return variants
  }
  await readAll()
  const readStarted = performance.now()
  const variants = await readAll()
  const readMs = performance.now() - readStarted

  const syncStarted = performance.now()
  const full = await syncWhatsAppCatalogWorkflow(container).run({ input: { account_id: result.id } })
  const syncMs = performance.now() - syncStarted
  const again = await syncWhatsAppCatalogWorkflow(container).run({ input: { account_id: result.id } })
  const catalog = sandbox.state.catalogs.get(account.catalog_id)
  await sandbox.close()

  const figures = {
    variants: variants.length,
    items_in_fake_catalog: catalog.items.size,
    batch_calls: full.result.stats.batch_calls,
    polls: full.result.stats.polls,
    query_graph_ms: Math.round(readMs),
    full_sync_ms: Math.round(syncMs),
    sync_to_read_ratio: +(syncMs / readMs).toFixed(2),
    resync_items_sent: again.result.stats.created + again.result.stats.updated + again.result.stats.deleted,
    resync_batch_calls: again.result.stats.batch_calls,
  }
  console.log(`BENCH_RESULT ${JSON.stringify(figures)}`)
}
