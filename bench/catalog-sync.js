// Full catalog sync of 10,000 variants against Medusa's own read of the same
// variants with prices and stock, plus a no-change re-sync. Runs the test
// host on a fresh database (embedded PostgreSQL unless DATABASE_URL is set).
const { spawnSync } = require("node:child_process")
const fs = require("node:fs")
const path = require("node:path")
const { startEmbeddedPostgres, tempDataDir, freePort } = require("../scripts/embedded-postgres")

const root = path.resolve(__dirname, "..")
const host = path.join(root, "integration-tests/host")
const medusa = path.join(root, "node_modules/.bin/medusa")

async function run() {
  let stop = async () => {}
  let databaseUrl = process.env.DATABASE_URL
  const dbName = `wa_bench_catalog_${Date.now()}`
  if (databaseUrl) {
    const url = new URL(databaseUrl)
    url.pathname = `/${dbName}`
    databaseUrl = url.toString()
  } else {
    const dir = tempDataDir("wa-bench-pg-")
    const pg = await startEmbeddedPostgres({ dir, persistent: false, fast: true })
    stop = async () => {
      await pg.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    }
    databaseUrl = pg.url(dbName)
  }
  try {
    const { Client } = require("pg")
    const admin = new URL(databaseUrl)
    admin.pathname = "/postgres"
    const client = new Client({ connectionString: admin.toString() })
    await client.connect()
    await client.query(`create database "${dbName}"`)
    await client.end()

    const env = { ...process.env, DATABASE_URL: databaseUrl, WHATSAPP_GRAPH_API_URL: `http://127.0.0.1:${await freePort()}`, LOG_LEVEL: "warn", NODE_OPTIONS: "" }
    if (!fs.existsSync(path.join(root, ".medusa/server/src"))) {
      spawnSync(medusa, ["plugin:build"], { cwd: root, stdio: "inherit" })
    }
    const migrate = spawnSync(medusa, ["db:migrate", "--skip-scripts"], { cwd: host, env, stdio: ["ignore", "ignore", "inherit"] })
    if (migrate.status !== 0) throw new Error("migrations failed")
    const exec = spawnSync(medusa, ["exec", path.join(root, "bench/catalog-sync.exec.ts")], { cwd: host, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
    const line = `${exec.stdout}`.split("\n").find((l) => l.startsWith("BENCH_RESULT "))
    if (!line) throw new Error(`the benchmark script failed:\n${exec.stdout?.slice(-3000)}\n${exec.stderr?.slice(-3000)}`)
    const figures = JSON.parse(line.slice("BENCH_RESULT ".length))
    const targets = { batch_calls: "<= 4", sync_to_read_ratio: "<= 3", resync_items_sent: "0" }
    const met = figures.batch_calls <= 4 && figures.sync_to_read_ratio <= 3 && figures.resync_items_sent === 0 && figures.items_in_fake_catalog === figures.variants
    return { figures, targets, met }
  } finally {
    await stop()
  }
}

module.exports = { run }
