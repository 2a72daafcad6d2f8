// Shared by the benchmarks that boot host processes themselves
// (queue-capacity, topology): a PostgreSQL server (DATABASE_URL's if set,
// else the one on 127.0.0.1:5432 if it answers, else an embedded one), fresh
// databases on it, and the test harness's host helpers (TypeScript, loaded
// through ts-node without type checks).
const fs = require("node:fs")
const path = require("node:path")
const { Client } = require("pg")
const { startEmbeddedPostgres, tempDataDir } = require("../scripts/embedded-postgres")

const root = path.resolve(__dirname, "..")
/** Database names start with this (BENCH_DB_PREFIX), so parallel runs keep apart. */
const DB_PREFIX = process.env.BENCH_DB_PREFIX ?? "wa_bench_"

async function answers(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

/** { url(db), source, settings, stop() }: the server the benchmark runs on. */
async function openPostgres() {
  let base = process.env.DATABASE_URL
  let source = "DATABASE_URL"
  let stop = async () => {}
  if (!base && (await answers("postgres://postgres@127.0.0.1:5432/postgres"))) {
    base = "postgres://postgres@127.0.0.1:5432/postgres"
    source = "127.0.0.1:5432"
  }
  if (!base) {
    const dir = tempDataDir("wa-bench-pg-")
    const pg = await startEmbeddedPostgres({ dir, persistent: false, fast: true })
    base = pg.url("postgres")
    source = "embedded (fsync off)"
    stop = async () => {
      await pg.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  const url = (database) => {
    const u = new URL(base)
    u.pathname = `/${database}`
    return u.toString()
  }
  const admin = new Client({ connectionString: url("postgres") })
  await admin.connect()
  const setting = async (name) => (await admin.query(`select current_setting($1) v`, [name])).rows[0].v
  const settings = {
    version: (await setting("server_version")).split(" ")[0],
    fsync: await setting("fsync"),
    synchronous_commit: await setting("synchronous_commit"),
    max_connections: Number(await setting("max_connections")),
  }
  const created = []
  return {
    url,
    source,
    settings,
    /** A new empty database (or a copy of `template`), dropped by stop(). */
    async createDatabase(suffix, template) {
      const name = `${DB_PREFIX}${suffix}_${process.pid}`
      await admin.query(`drop database if exists "${name}" with (force)`)
      await admin.query(`create database "${name}"${template ? ` template "${template}"` : ""}`)
      created.push(name)
      return name
    },
    async stop() {
      for (const name of created.reverse()) await admin.query(`drop database if exists "${name}" with (force)`).catch(() => {})
      await admin.end()
      await stop()
    },
  }
}

/** integration-tests/helpers/host-process.ts (migrate, startHost), compiled on the fly. */
function hostHelpers() {
  require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } })
  if (!fs.existsSync(path.join(root, ".medusa/server/src"))) throw new Error("build the plugin first: npm run build")
  return require(path.join(root, "integration-tests/helpers/host-process.ts"))
}

/**
 * The plugin's SqlRunner over a pg client: the module service runs its SQL
 * through MikroORM's `execute`, with knex-style `?` placeholders; pg wants $n.
 */
function sqlRunner(client) {
  return {
    async execute(sql, params = []) {
      let n = 0
      return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows
    },
  }
}

module.exports = { openPostgres, hostHelpers, sqlRunner, root }
