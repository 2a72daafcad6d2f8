// Discovery search with the optional AI provider (hybrid): the same catalog,
// queries and figures as `npm run bench -- search`, with the plugin's `ai`
// option pointing at the fake embeddings endpoint (sandbox/embeddings.js: a
// deterministic stand-in with a small synonym map, not a language model, so
// its hit rates say nothing of a real model's), plus what embeddings cost:
// embedding the catalog, the query's round trip and the in-memory scan.
// The default search bench runs without the option and keeps its targets.
const { fork } = require("node:child_process")
const path = require("node:path")
const { runInHost } = require("./_host-exec")

/** The fake in its own process: the host script runs under spawnSync, which blocks this one. */
function startFake() {
  const child = fork(path.join(__dirname, "../sandbox/embeddings.js"), [], { env: { ...process.env, NODE_OPTIONS: "", EMBEDDINGS_PORT: "0" }, stdio: ["ignore", "ignore", "inherit", "ipc"] })
  return new Promise((resolve, reject) => {
    child.once("message", (info) => resolve({ ...info, stop: () => child.kill() }))
    child.once("exit", (code) => reject(new Error(`the fake embeddings endpoint exited (${code})`)))
  })
}

async function run() {
  const fake = await startFake()
  const env = { WHATSAPP_IT_AI_URL: `${fake.url}/v1`, WHATSAPP_IT_AI_KEY: fake.apiKey, BENCH_SEARCH_HYBRID: "1" }
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
    fake.stop()
  }
}

module.exports = { run }
