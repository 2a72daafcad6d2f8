// Runs inside `medusa exec` (see bench/search.js): fills the discovery index
// with the 20,000-product evaluation catalog, then runs the labelled queries
// through the plugin's search and through a plain ILIKE on product titles.
// Two sets: queries.json (200 shopper queries in the product's language) and
// queries-vocabulary.json (cross-language, synonym and typo queries, searched
// in the channel of the product's language, plus messages that must find
// nothing). See bench/search-data/README.md.
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import path from "node:path"

const root = path.resolve(__dirname, "..")
const built = path.join(root, ".medusa/server/src")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { generateCatalog } = require(path.join(root, "bench/search-data/catalog.js"))
// eslint-disable-next-line @typescript-eslint/no-var-requires
const shopperQueries = require(path.join(root, "bench/search-data/queries.json"))
// eslint-disable-next-line @typescript-eslint/no-var-requires
const vocabularyQueries = require(path.join(root, "bench/search-data/queries-vocabulary.json"))

type Query = {
  q: string
  language: string
  channel?: string
  expect: { handle: string; options?: Record<string, string> } | null
  kind: string[]
}

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { searchBefore, BEFORE_COMMIT } = require(path.join(root, "bench/_search-before.js"))

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const round = (n: number) => Math.round(n * 100) / 100

/** Counts per group: queries, hits in first place, hits in the first 3, right variants among found ones. */
type Tally = { n: number; hit1: number; hit3: number; variantN: number; variantOk: number; none: number }
const tally = (): Tally => ({ n: 0, hit1: 0, hit3: 0, variantN: 0, variantOk: 0, none: 0 })
const rates = (t: Tally, nothing: boolean) =>
  nothing
    ? { n: t.n, no_product_rate: round(t.none / t.n) }
    : {
        n: t.n,
        hit_at_1: round(t.hit1 / t.n),
        hit_at_3: round(t.hit3 / t.n),
        ...(t.variantN ? { variant_accuracy: round(t.variantOk / t.variantN) } : {}),
      }
const group = (groups: Record<string, Tally>, nothing: boolean) =>
  Object.fromEntries(Object.entries(groups).map(([k, t]) => [k, rates(t, nothing)]))

export default async function run({ container }: ExecArgs) {
  const { toDocuments, WHATSAPP_PRODUCT_INDEX } = require(path.join(built, "search/whatsapp-product.js"))
  const { searchWhatsAppProducts } = require(path.join(built, "workflows/selling/search-products.js"))
  const { WHATSAPP_MODULE } = require(path.join(built, "modules/whatsapp/index.js"))
  const search = container.resolve(Modules.SEARCH) as any
  const before = searchBefore(WHATSAPP_PRODUCT_INDEX, WHATSAPP_MODULE)
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
  const misses: string[] = []

  // Warm both paths once so the first query does not pay for connections and caches.
  await searchWhatsAppProducts(container, { sales_channel_id: "sc_es", text: "camiseta", limit: 3 })
  await db.raw(`select id from bench_product_title where title ilike ? limit 3`, ["%camiseta%"])

  async function runSet(queries: Query[], timeBefore = false) {
    const ours = { all: tally(), byLanguage: {} as Record<string, Tally>, byKind: {} as Record<string, Tally> }
    const ilike = { all: tally(), byLanguage: {} as Record<string, Tally>, byKind: {} as Record<string, Tally> }
    const nothing = { all: tally(), byLanguage: {} as Record<string, Tally>, byKind: {} as Record<string, Tally> }
    const ilikeNothing = { all: tally(), byLanguage: {} as Record<string, Tally>, byKind: {} as Record<string, Tally> }
    const latency: number[] = []
    const beforeLatency: number[] = []
    const ilikeLatency: number[] = []
    for (const [n, query] of queries.entries()) {
      const channel = query.channel ?? query.language
      const input = { sales_channel_id: `sc_${channel}`, text: query.q, limit: 3 }
      // The search before this change runs on the same query, alternately first and second, so both share the machine's noise.
      const timeOld = async () => {
        const t0 = performance.now()
        await before(container, search, input)
        beforeLatency.push(performance.now() - t0)
      }
      if (timeBefore && n % 2 === 0) await timeOld()
      let t = performance.now()
      const { matches } = await searchWhatsAppProducts(container, input)
      latency.push(performance.now() - t)
      if (timeBefore && n % 2 === 1) await timeOld()

      const words = String(query.q).split(/\s+/).filter(Boolean)
      t = performance.now()
      const { rows: found } = await db.raw(
        `select handle from bench_product_title where language = ? and ${words.map(() => "title ilike ?").join(" and ")} limit 3`,
        [channel, ...words.map((w: string) => `%${w}%`)]
      )
      ilikeLatency.push(performance.now() - t)

      const kinds = query.kind.filter((k) => k !== "nothing")
      if (!query.expect) {
        const add = (target: typeof nothing, none: boolean) => {
          for (const g of [target.all, (target.byLanguage[query.language] ??= tally()), ...kinds.map((k) => (target.byKind[k] ??= tally()))]) {
            g.n++
            if (none) g.none++
          }
        }
        add(nothing, matches.length === 0)
        add(ilikeNothing, found.length === 0)
        if (matches.length) misses.push(`${query.language}: ${query.q} → should find nothing, found ${matches.map((m: any) => handleOf.get(m.product_id)).join(", ")}`)
        continue
      }
      const expect = query.expect
      const position = matches.slice(0, 3).findIndex((m: any) => handleOf.get(m.product_id) === expect.handle)
      const variantOk =
        position >= 0 && (!expect.options || Object.entries(expect.options).every(([k, v]) => (variantsById.get(matches[position].variant_id) ?? {})[k] === v))
      // A hit is the product, and when the query names options, the variant too.
      const hit3 = position >= 0 && variantOk
      const hit1 = position === 0 && variantOk
      const ilikeHit = found.findIndex((r: any) => r.handle === expect.handle)
      const groups = (target: typeof ours) => [target.all, (target.byLanguage[query.language] ??= tally()), ...kinds.map((k) => (target.byKind[k] ??= tally()))]
      for (const g of groups(ours)) {
        g.n++
        if (hit1) g.hit1++
        if (hit3) g.hit3++
        if (expect.options && position >= 0) {
          g.variantN++
          if (variantOk) g.variantOk++
        }
      }
      // Titles cannot name a variant: the baseline scores on the product alone, which favours it.
      for (const g of groups(ilike)) {
        g.n++
        if (ilikeHit === 0) g.hit1++
        if (ilikeHit >= 0) g.hit3++
      }
      if (!hit3) misses.push(`${query.language}→${channel}: ${query.q} → ${matches.map((m: any) => handleOf.get(m.product_id)).join(", ") || "(nothing)"}`)
    }
    return { ours, ilike, nothing, ilikeNothing, latency, beforeLatency, ilikeLatency }
  }

  await before(container, search, { sales_channel_id: "sc_es", text: "camiseta", limit: 3 })
  const shopper = await runSet(shopperQueries, true)
  const vocabulary = await runSet(vocabularyQueries)
  await db.raw(`drop table if exists bench_product_title`)

  const crossOrSynonym = tally()
  for (const k of ["cross-language", "synonym"]) {
    // A query can be both a synonym and have a typo; count each query once.
    const t = vocabulary.ours.byKind[k]
    if (!t) continue
    for (const key of Object.keys(crossOrSynonym) as (keyof Tally)[]) crossOrSynonym[key] += t[key]
  }
  const productQueries = shopper.ours.all.n + vocabulary.ours.all.n
  const latency = [...shopper.latency, ...vocabulary.latency]
  const figures = {
    products: rows.length,
    variants: variantsById.size,
    queries: shopperQueries.length + vocabularyQueries.length,
    index_seconds: round(indexSeconds),
    hit_at_3: round((shopper.ours.all.hit3 + vocabulary.ours.all.hit3) / productQueries),
    hit_at_1: round((shopper.ours.all.hit1 + vocabulary.ours.all.hit1) / productQueries),
    ilike_hit_at_3: round((shopper.ilike.all.hit3 + vocabulary.ilike.all.hit3) / productQueries),
    shopper_queries: {
      ...rates(shopper.ours.all, false),
      ilike: rates(shopper.ilike.all, false),
      by_language: group(shopper.ours.byLanguage, false),
      by_kind: group(shopper.ours.byKind, false),
      ilike_by_language: group(shopper.ilike.byLanguage, false),
    },
    vocabulary_queries: {
      ...rates(vocabulary.ours.all, false),
      ilike: rates(vocabulary.ilike.all, false),
      cross_language_or_synonym_hit_at_3: round(crossOrSynonym.hit3 / crossOrSynonym.n),
      by_language: group(vocabulary.ours.byLanguage, false),
      by_kind: group(vocabulary.ours.byKind, false),
      ilike_by_language: group(vocabulary.ilike.byLanguage, false),
      ilike_by_kind: group(vocabulary.ilike.byKind, false),
    },
    must_find_nothing: {
      ...rates(vocabulary.nothing.all, true),
      ilike: rates(vocabulary.ilikeNothing.all, true),
      by_language: group(vocabulary.nothing.byLanguage, true),
      by_kind: group(vocabulary.nothing.byKind, true),
      ilike_by_language: group(vocabulary.ilikeNothing.byLanguage, true),
    },
    // The latency target compares the 200 shopper queries with the same queries before this change.
    shopper_p50_ms: round(percentile(shopper.latency, 50)),
    shopper_p95_ms: round(percentile(shopper.latency, 95)),
    before_commit: BEFORE_COMMIT,
    before_shopper_p50_ms: round(percentile(shopper.beforeLatency, 50)),
    before_shopper_p95_ms: round(percentile(shopper.beforeLatency, 95)),
    shopper_p95_ratio_to_before: round(percentile(shopper.latency, 95) / percentile(shopper.beforeLatency, 95)),
    p50_ms: round(percentile(latency, 50)),
    p95_ms: round(percentile(latency, 95)),
    ilike_p50_ms: round(percentile([...shopper.ilikeLatency, ...vocabulary.ilikeLatency], 50)),
    ilike_p95_ms: round(percentile([...shopper.ilikeLatency, ...vocabulary.ilikeLatency], 95)),
  }
  if (hybrid) Object.assign(figures, await hybrid.figures(queries))
  console.log(`BENCH_MISSES ${JSON.stringify(misses)}`)
  console.log(`BENCH_RESULT ${JSON.stringify(figures)}`)
}
