// The hybrid mode of the search bench (`npm run bench -- search-hybrid`),
// inside `medusa exec`: embeds the bench catalog through the plugin's own
// client against the fake provider the bench started (sandbox/embeddings.js,
// a deterministic stand-in, not a language model), stores the vectors as
// the background work would, and measures what the semantic half adds:
// the provider round trip per query and the in-memory nearest-neighbour scan.
const path = require("node:path")

const built = path.resolve(__dirname, "../.medusa/server/src")
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const round = (n) => Math.round(n * 100) / 100

async function embedCatalog(container, rows, db) {
  const { WHATSAPP_MODULE } = require(path.join(built, "modules/whatsapp/index.js"))
  const { productEmbeddingText, embeddingTextHash } = require(path.join(built, "lib/ai/product-text.js"))
  const whatsapp = container.resolve(WHATSAPP_MODULE)
  const client = whatsapp.embeddingsClient()
  if (!client) throw new Error("the host has no `ai` option: set WHATSAPP_IT_AI_URL")
  const texts = rows.map((row) => productEmbeddingText(row))
  const started = performance.now()
  const { vectors, promptTokens } = await client.embed(texts, { timeoutMs: 60_000, retries: 3 })
  const embedSeconds = (performance.now() - started) / 1000
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((row, k) => ({
      id: row.id,
      model: client.model,
      text_hash: embeddingTextHash(texts[i + k], client.model),
      vector: vectors[i + k],
      sales_channel_ids: row.sales_channels.map((s) => s.id),
    }))
    await db.raw(
      `insert into whatsapp_product_embedding (id, model, text_hash, dimensions, vector, sales_channel_ids, embedded_at, created_at, updated_at)
       select v.id, v.model, v.text_hash, jsonb_array_length(v.vector), v.vector, v.sales_channel_ids, now(), now(), now()
       from jsonb_to_recordset(?::jsonb) as v(id text, model text, text_hash text, vector jsonb, sales_channel_ids jsonb)`,
      [JSON.stringify(chunk)]
    )
  }
  // The first search loads the vectors into memory: timed here, not in the queries' latency.
  const loadStarted = performance.now()
  const index = await whatsapp.productVectorCache().current()
  const loadSeconds = (performance.now() - loadStarted) / 1000

  return {
    async figures(queries) {
      const { unitVector } = require(path.join(built, "lib/search/hybrid.js"))
      const roundTrips = []
      const scans = []
      for (const query of queries) {
        let t = performance.now()
        const { vectors: [vector] } = await client.embed([query.q], { timeoutMs: 10_000, retries: 0 })
        roundTrips.push(performance.now() - t)
        t = performance.now()
        index.scan(unitVector(vector), { channel: `sc_${query.language}`, k: 20, minSimilarity: whatsapp.getOptions().ai.minSimilarity })
        scans.push(performance.now() - t)
      }
      return {
        embedding_model: client.model,
        embedding_dimensions: vectors[0].length,
        catalog_embed_seconds: round(embedSeconds),
        catalog_prompt_tokens: promptTokens,
        vectors_load_seconds: round(loadSeconds),
        vectors_in_memory: index.size,
        query_embed_p50_ms: round(percentile(roundTrips, 50)),
        query_embed_p95_ms: round(percentile(roundTrips, 95)),
        scan_p50_ms: round(percentile(scans, 50)),
        scan_p95_ms: round(percentile(scans, 95)),
      }
    },
  }
}

module.exports = { embedCatalog }
