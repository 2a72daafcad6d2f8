// Shared by benchmarks that run a script inside the test host (`medusa exec`)
// on a fresh database: embedded PostgreSQL unless DATABASE_URL is set. The
// script prints `BENCH_RESULT <json>`; that JSON is returned.
const { spawnSync } = require("node:child_process")
const fs = require("node:fs")
const path = require("node:path")
const { startEmbeddedPostgres, tempDataDir, freePort } = require("../scripts/embedded-postgres")

const root = path.resolve(__dirname, "..")
const host = path.join(root, "integration-tests/host")
const medusa = path.join(root, "node_modules/.bin/medusa")

async function runInHost(script, name) {
  let stop = async () => {}
  let databaseUrl = process.env.DATABASE_URL
  const dbName = `wa_bench_${name}_${Date.now()}`
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
    const exec = spawnSync(medusa, ["exec", path.join(root, "bench", script)], { cwd: host, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
    const lines = `${exec.stdout}`.split("\n")
    if (process.env.BENCH_VERBOSE) console.error(lines.filter((l) => !l.startsWith("BENCH_RESULT ") && !/^\s*$/.test(l) && !l.includes("info")).join("\n"))
    const line = lines.find((l) => l.startsWith("BENCH_RESULT "))
    if (!line) throw new Error(`the benchmark script failed:\n${exec.stdout?.slice(-3000)}\n${exec.stderr?.slice(-3000)}`)
    return { figures: JSON.parse(line.slice("BENCH_RESULT ".length)), output: lines }
  } finally {
    await stop()
  }
}

module.exports = { runInHost }
