// Discovery search with the optional AI provider (hybrid): the same catalog,
// queries and figures as `npm run bench -- search`, with the plugin's `ai`
// option pointing at the fake embeddings endpoint (sandbox/embeddings.js: a
// deterministic stand-in with a small synonym map, not a language model, so
// its hit rates say nothing of a real model's), plus what embeddings cost:
// embedding the catalog, the query's round trip and the in-memory scan.
// The default search bench runs without the option and keeps its targets.
const { runInHost } = require("./_host-exec")
const { createEmbeddingsSandbox } = require("../sandbox/embeddings")

async function run() {
  const fake = createEmbeddingsSandbox()
  const url = await fake.listen(0)
  const env = { WHATSAPP_IT_AI_URL: `${url}/v1`, WHATSAPP_IT_AI_KEY: fake.apiKey, BENCH_SEARCH_HYBRID: "1" }
  Object.assign(process.env, env)
  try {
    const { figures, output } = await runInHost("search.exec.ts", "search_hybrid")
    const misses = output.find((l) => l.startsWith("BENCH_MISSES "))
    if (misses && process.env.BENCH_VERBOSE) console.error(JSON.parse(misses.slice("BENCH_MISSES ".length)).join("\n"))
    // Semantic search must not cost what it finds: hit@3 at least the default bench's target, the scan well under a query's budget.
    const targets = { hit_at_3: ">= 0.9", scan_p95_ms: "<= 50" }
    return { figures, targets, met: figures.hit_at_3 >= 0.9 && figures.scan_p95_ms <= 50 }
  } finally {
    for (const name of Object.keys(env)) delete process.env[name]
    await fake.close()
  }
}

module.exports = { run }
