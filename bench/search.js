// Discovery search over 20,000 products (es/pt/en): hit@3 on 200 labelled
// shopper queries and p95 latency, against a plain ILIKE on product titles
// over the same data, in the same run. See bench/search-data/README.md.
const { runInHost } = require("./_host-exec")

async function run() {
  const { figures, output } = await runInHost("search.exec.ts", "search")
  const misses = output.find((l) => l.startsWith("BENCH_MISSES "))
  if (misses && process.env.BENCH_VERBOSE) console.error(JSON.parse(misses.slice("BENCH_MISSES ".length)).join("\n"))
  const targets = { hit_at_3: ">= 0.9" }
  return { figures, targets, met: figures.hit_at_3 >= 0.9 }
}

module.exports = { run }
