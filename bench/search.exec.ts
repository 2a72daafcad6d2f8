// Runs inside `medusa exec` (see bench/search.js): fills the discovery index
// with the 20,000-product evaluation catalog, then runs the labelled queries
// through the plugin's search and through a plain ILIKE on product titles.
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import path from "node:path"

const root = path.resolve(__dirname, "..")
const built = path.join(root, ".medusa/server/src")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { generateCatalog } = require(path.join(root, "bench/search-data/catalog.js"))
// eslint-disable-next-line @typescript-eslint/no-var-requires
const queries = require(path.join(root, "bench/search-data/queries.json"))

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const round = (n: number) => Math.round(n * 100) / 100

export default async function run({ container }: ExecArgs) {
  const { toDocuments, WHATSAPP_PRODUCT_INDEX } = require(path.join(built, "search/whatsapp-product.js"))
  const { searchWhatsAppProducts } = require(path.join(built, "workflows/selling/search-products.js"))
  const search = container.resolve(Modules.SEARCH) as any
  const db = (container.resolve("__pg_connection__") as any)

  const catalog = generateCatalog()
  const variantsById = new Map<string, Record<string, string>>()
  const rows = catalog.map((p: any, i: number) => ({
    id: `prod_bench_${i}`,
    title: p.title,
    description: p.description,
    handle: p.handle,
    status: "published",
    sales_channels: [{ id: `sc_${p.language}` }],
    collection: p.collection ? { title: p.collection } : null,
    categories: [{ name: p.category }],
    tags: p.tags.map((value: string) => ({ value })),
    variants: p.variants.map((v: any, k: number) => {
      const id = `variant_bench_${i}_${k}`
      variantsById.set(id, v.options)
      return { id, title: v.title, options: Object.values(v.options).map((value) => ({ value })) }
    }),
  }))

  await search.reindex({ index: WHATSAPP_PRODUCT_INDEX })
  const started = Date.now()
  for (let i = 0; i < rows.length; i += 1000) {
    await search.upsertDocuments({ index: WHATSAPP_PRODUCT_INDEX, documents: toDocuments(rows.slice(i, i + 1000)) })
  }
  const indexSeconds = (Date.now() - started) / 1000
  // `npm run bench -- search-hybrid`: the same run with product embeddings from the fake AI provider.
  const hybrid = process.env.BENCH_SEARCH_HYBRID ? await require(path.join(root, "bench/_hybrid-embeddings.js")).embedCatalog(container, rows, db) : null

  // Baseline: the same titles in a plain table, queried with ILIKE (every word of the query must appear).
  await db.raw(`drop table if exists bench_product_title`)
  await db.raw(`create table bench_product_title (id text primary key, handle text, title text, language text)`)
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000)
    await db.raw(
      `insert into bench_product_title (id, handle, title, language) values ${chunk.map(() => "(?, ?, ?, ?)").join(", ")}`,
      chunk.flatMap((r: any, k: number) => [r.id, r.handle, r.title, catalog[i + k].language])
    )
  }
  await db.raw(`analyze bench_product_title`)

  const handleOf = new Map(rows.map((r: any) => [r.id, r.handle]))
  const ours: number[] = []
  const ilike: number[] = []
  let oursHits = 0
  let ilikeHits = 0
  const byLanguage: Record<string, { n: number; hits: number }> = {}
  const byKind: Record<string, { n: number; hits: number }> = {}
  const misses: string[] = []

  // Warm both paths once so the first query does not pay for connections and caches.
  await searchWhatsAppProducts(container, { sales_channel_id: "sc_es", text: "camiseta", limit: 3 })
  await db.raw(`select id from bench_product_title where title ilike ? limit 3`, ["%camiseta%"])

  for (const query of queries) {
    let t = performance.now()
    const { matches } = await searchWhatsAppProducts(container, { sales_channel_id: `sc_${query.language}`, text: query.q, limit: 3 })
    ours.push(performance.now() - t)
    const hit = matches.slice(0, 3).some((m: any) => {
      if (handleOf.get(m.product_id) !== query.expect.handle) return false
      if (!query.expect.options) return true
      const options = variantsById.get(m.variant_id) ?? {}
      return Object.entries(query.expect.options).every(([k, v]) => options[k] === v)
    })
    if (hit) oursHits++
    else misses.push(`${query.language}: ${query.q} → ${matches.map((m: any) => handleOf.get(m.product_id)).join(", ") || "(nothing)"}`)
    ;(byLanguage[query.language] ??= { n: 0, hits: 0 }).n++
    if (hit) byLanguage[query.language].hits++
    for (const kind of query.kind) {
      ;(byKind[kind] ??= { n: 0, hits: 0 }).n++
      if (hit) byKind[kind].hits++
    }

    const words = String(query.q).split(/\s+/).filter(Boolean)
    t = performance.now()
    const { rows: found } = await db.raw(
      `select handle from bench_product_title where language = ? and ${words.map(() => "title ilike ?").join(" and ")} limit 3`,
      [query.language, ...words.map((w: string) => `%${w}%`)]
    )
    ilike.push(performance.now() - t)
    // Titles cannot name a variant: the baseline scores on the product alone, which favours it.
    if (found.some((r: any) => r.handle === query.expect.handle)) ilikeHits++
  }
  await db.raw(`drop table if exists bench_product_title`)

  const rate = (o: { n: number; hits: number }) => round(o.hits / o.n)
  const figures = {
    products: rows.length,
    variants: variantsById.size,
    queries: queries.length,
    index_seconds: round(indexSeconds),
    hit_at_3: round(oursHits / queries.length),
    ilike_hit_at_3: round(ilikeHits / queries.length),
    hit_at_3_by_language: Object.fromEntries(Object.entries(byLanguage).map(([k, v]) => [k, rate(v)])),
    hit_at_3_by_kind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, rate(v)])),
    p50_ms: round(percentile(ours, 50)),
    p95_ms: round(percentile(ours, 95)),
    ilike_p50_ms: round(percentile(ilike, 50)),
    ilike_p95_ms: round(percentile(ilike, 95)),
    p95_ratio_to_ilike: round(percentile(ours, 95) / percentile(ilike, 95)),
  }
  if (hybrid) Object.assign(figures, await hybrid.figures(queries))
  console.log(`BENCH_MISSES ${JSON.stringify(misses)}`)
  console.log(`BENCH_RESULT ${JSON.stringify(figures)}`)
}
