// End-to-end answered messages per second on this machine for (a) one shared
// instance (the local event bus, as a one-process shop runs) against (b) one
// server + one worker on Medusa's Redis modules (a private redis-server), in
// the same run, on copies of the same migrated database, with the same load:
// N customers' texts sent through the fake Meta (its own process), which
// signs each and POSTs it to the (server) instance. Timed from the first POST
// until every reply is recorded sent (outbound status in PostgreSQL). The
// account has no catalog, so each answer is the default reply: the measure is
// the pipeline (intake, events, claims, workflow, send), not search.
// Rounds alternate the order (ABBA); per message it also reports each
// process's CPU, PostgreSQL commits and row writes, Redis commands and the
// connections held, the inputs of docs/capacity.md.
const { execFileSync, fork } = require("node:child_process")
const fs = require("node:fs")
const path = require("node:path")
const { Client } = require("pg")
const { openPostgres, hostHelpers, root } = require("./_postgres")
const { startPrivateRedis } = require("../scripts/private-redis")
const { freePort } = require("../scripts/embedded-postgres")

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 800)
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 200)
const WARMUP = 20
/** Each round measures both topologies once. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)
/** Deliveries in flight at the fake Meta (each waits for the store's 200). */
const POSTERS = 16
/** Far above the load, so the number's pacing is not what is measured. */
const MESSAGES_PER_SECOND = 1000
/** Answers in flight per processing process: the plugin's default, unless BENCH_ANSWER_CONCURRENCY. */
const ANSWER_CONCURRENCY = Number(process.env.BENCH_ANSWER_CONCURRENCY ?? 2)
/** The hosts' first port (the next ones follow); unset, free ports. */
const BASE_PORT = Number(process.env.BENCH_HOST_PORT ?? 0)
const APP_SECRET = "integration-app-secret"
const ACCOUNT = { waba_id: "700000000000001", phone_number_id: "700000000000002", access_token: "bench-topology-token-01" }

async function seedTemplate(url) {
  const db = new Client({ connectionString: url })
  await db.connect()
  const built = path.join(root, ".medusa/server/src")
  const { SecretBox } = require(path.join(built, "lib/secret-box.js"))
  const { deriveKeys } = require(path.join(built, "lib/derived-keys.js"))
  const { TEST_ENCRYPTION_KEY } = require(path.join(root, "integration-tests/host/secrets.ts"))
  const box = new SecretBox(deriveKeys(Buffer.from(TEST_ENCRYPTION_KEY, "hex")).secrets)
  await db.query(
    `insert into whatsapp_account (id, name, waba_id, phone_number_id, access_token, language, settings, created_at, updated_at)
     values ('waacc_topology', 'Topology', $1, $2, $3, 'es', '{}', now(), now())`,
    [ACCOUNT.waba_id, ACCOUNT.phone_number_id, box.seal(ACCOUNT.access_token)]
  )
  await db.end()
}

/** The fake Graph API in its own process, posting signed webhooks to `webhookUrl`. */
async function startFakeMeta(webhookUrl) {
  const port = Number(process.env.BENCH_FAKE_PORT ?? 0) || (await freePort())
  const child = fork(path.join(root, "sandbox/start.js"), [], {
    env: { ...process.env, SANDBOX_PORT: String(port), SANDBOX_CONFIG: JSON.stringify({ accounts: [ACCOUNT], appSecret: APP_SECRET, sendStatuses: false, webhookUrl }) },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  })
  await new Promise((resolve, reject) => {
    child.once("message", resolve)
    child.once("exit", (code) => reject(new Error(`the fake Graph API exited (${code})`)))
  })
  const exited = new Promise((resolve) => child.on("exit", resolve))
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM")
      await exited
    },
  }
}

/** Sends `count` texts, customers round-robin, POSTERS at a time; throws unless every webhook was acknowledged. */
async function sendTexts(fakeUrl, from, count, tag) {
  let next = 0
  let failed = 0
  await Promise.all(
    Array.from({ length: POSTERS }, async () => {
      while (next < count) {
        const i = next++
        const res = await fetch(`${fakeUrl}/__sandbox/inbound`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ phone_number_id: ACCOUNT.phone_number_id, from: from(i), text: `hola, ¿tienen camisetas rojas? ${tag} ${i}` }),
        })
        const body = await res.json()
        if (body.webhook_status !== 200) failed++
      }
    })
  )
  if (failed) throw new Error(`${failed} of ${count} webhooks not acknowledged`)
}

/** Waits until every inbound text is answered and no reply is left to send; returns the counts. */
async function settled(db, inbound, timeoutMs = 240_000) {
  const started = Date.now()
  let polls = 0
  let connections = 0
  while (Date.now() - started < timeoutMs) {
    const { rows: [row] } = await db.query(
      `select count(*) filter (where direction = 'inbound')::int inbound,
              count(*) filter (where direction = 'inbound' and handled_at is not null)::int handled,
              count(*) filter (where direction = 'outbound' and status in ('queued', 'sending'))::int unsent,
              count(*) filter (where direction = 'outbound' and status = 'sent')::int sent,
              count(*) filter (where direction = 'outbound' and status = 'failed')::int failed,
              (select count(*)::int - 1 from pg_stat_activity where datname = current_database()) connections
         from whatsapp_message`
    )
    polls++
    connections = Math.max(connections, row.connections)
    if (process.env.BENCH_VERBOSE) console.error(((Date.now() - started) / 1000).toFixed(1), JSON.stringify(row))
    if (row.inbound === inbound && row.handled === inbound && row.unsent === 0 && row.sent + row.failed >= inbound) return { ...row, polls, connections }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`not settled within ${timeoutMs / 1000} s`)
}

/** CPU seconds a process has used so far (user + system, from /proc). */
function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** The database's commits and row writes so far (pg_stat_database, flushed within a second). */
async function dbWrites(db) {
  await new Promise((r) => setTimeout(r, 1200))
  const { rows: [row] } = await db.query(
    `select xact_commit::int commits, tup_inserted::int inserted, tup_updated::int updated, tup_deleted::int deleted
       from pg_stat_database where datname = current_database()`
  )
  return row
}

/** Commands Redis has processed so far. */
function redisCommands(redis) {
  if (!redis) return 0
  const info = execFileSync("redis-cli", ["-p", String(redis.port), "info", "stats"], { encoding: "utf8" })
  return Number(/total_commands_processed:(\d+)/.exec(info)[1])
}

/** Boots the topology's processes, warms them, then times MESSAGES answered and sent. */
async function measure(pg, helpers, template, name, processes) {
  const database = await pg.createDatabase(`topology_${name}`, template)
  const hosts = []
  let fake = null
  let redis = null
  const db = new Client({ connectionString: pg.url(database) })
  await db.connect()
  try {
    if (processes.some((p) => p.redis)) redis = await startPrivateRedis()
    const env = (mode, redisToo) => ({
      DATABASE_URL: pg.url(database),
      MEDUSA_WORKER_MODE: mode,
      WHATSAPP_MESSAGES_PER_SECOND: String(MESSAGES_PER_SECOND),
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_ANSWER_CONCURRENCY: String(ANSWER_CONCURRENCY),
      ...(redisToo ? { WHATSAPP_IT_REDIS_URL: redis.url } : {}),
    })
    // The fake Meta must exist before the hosts (its URL is their Graph API); they answer on ports fixed in advance.
    const ports = await Promise.all(processes.map(async (_, i) => (BASE_PORT ? BASE_PORT + i : freePort())))
    fake = await startFakeMeta(`http://127.0.0.1:${ports[0]}/whatsapp/webhook`)
    const booted = await Promise.all(
      processes.map((p, i) => helpers.startHost(ports[i], { ...env(p.mode, p.redis), WHATSAPP_GRAPH_API_URL: fake.url }))
    )
    hosts.push(...booted)
    const customer = (i) => `3472${String(i % CUSTOMERS).padStart(7, "0")}`
    // Warm-up: other customers, every process's first workflow runs and connections open.
    await sendTexts(fake.url, (i) => `3473${String(i).padStart(7, "0")}`, WARMUP, "warm-up")
    await settled(db, WARMUP)
    const before = { cpu: hosts.map((h) => cpuSeconds(h.child.pid)), db: await dbWrites(db), redis: redisCommands(redis) }
    const started = performance.now()
    await sendTexts(fake.url, customer, MESSAGES, name)
    const postedMs = performance.now() - started
    const counts = await settled(db, WARMUP + MESSAGES)
    const seconds = (performance.now() - started) / 1000
    const cpu = hosts.map((h, i) => cpuSeconds(h.child.pid) - before.cpu[i])
    const writes = await dbWrites(db)
    // The poller's reads and the probe's own count as commits: not the plugin's.
    const own = { commits: counts.polls + 1 }
    const written = Object.fromEntries(Object.keys(writes).map((key) => [key, writes[key] - before.db[key] - (own[key] ?? 0)]))
    if (process.env.BENCH_VERBOSE) console.error(name, seconds.toFixed(2), "s")
    if (process.env.BENCH_VERBOSE && redis) console.error(execFileSync("redis-cli", ["-p", String(redis.port), "info", "commandstats"], { encoding: "utf8" }))
    return { seconds, posted: postedMs / 1000, cpu, written, redis: redisCommands(redis) - before.redis, failed: counts.failed, replies: counts.sent + counts.failed, connections: counts.connections }
  } finally {
    await Promise.all(hosts.map((h) => h.kill()))
    await fake?.stop()
    await redis?.stop()
    await db.end()
  }
}

async function run() {
  const pg = await openPostgres()
  try {
    const helpers = hostHelpers()
    const template = await pg.createDatabase("topology_template")
    helpers.migrate({ DATABASE_URL: pg.url(template) })
    await seedTemplate(pg.url(template))
    // Rounds in ABBA order (shared, split, split, shared…), so a machine getting busier or quieter during the run favours neither.
    const runs = { shared: [], split: [] }
    const topologies = {
      shared: [{ mode: "shared" }],
      split: [{ mode: "server", redis: true }, { mode: "worker", redis: true }],
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of round % 2 ? ["split", "shared"] : ["shared", "split"]) {
        runs[name].push(await measure(pg, helpers, template, name, topologies[name]))
      }
    }
    const total = (name, pick) => runs[name].reduce((n, r) => n + pick(r), 0)
    const messages = MESSAGES * ROUNDS
    const rate = (name) => messages / total(name, (r) => r.seconds)
    const per = (name, pick, scale = 1) => +((total(name, pick) * scale) / messages).toFixed(1)
    const shared = { failed: total("shared", (r) => r.failed), replies: total("shared", (r) => r.replies) }
    const split = { failed: total("split", (r) => r.failed), replies: total("split", (r) => r.replies) }
    const figures = {
      postgres: `${pg.source}, ${pg.settings.version}, fsync ${pg.settings.fsync}`,
      messages_per_round: MESSAGES,
      rounds: ROUNDS,
      customers: CUSTOMERS,
      answer_concurrency: ANSWER_CONCURRENCY,
      shared_answered_per_s: +rate("shared").toFixed(1),
      split_answered_per_s: +rate("split").toFixed(1),
      split_over_shared: +(rate("split") / rate("shared")).toFixed(3),
      shared_rounds_per_s: runs.shared.map((r) => +(MESSAGES / r.seconds).toFixed(1)),
      split_rounds_per_s: runs.split.map((r) => +(MESSAGES / r.seconds).toFixed(1)),
      shared_intake_per_s: +(messages / total("shared", (r) => r.posted)).toFixed(1),
      split_intake_per_s: +(messages / total("split", (r) => r.posted)).toFixed(1),
      // Per answered message: CPU of each Medusa process, and what reached PostgreSQL and Redis.
      shared_cpu_ms_per_msg: per("shared", (r) => r.cpu[0], 1000),
      split_server_cpu_ms_per_msg: per("split", (r) => r.cpu[0], 1000),
      split_worker_cpu_ms_per_msg: per("split", (r) => r.cpu[1], 1000),
      shared_commits_per_msg: per("shared", (r) => r.written.commits),
      split_commits_per_msg: per("split", (r) => r.written.commits),
      shared_inserts_per_msg: per("shared", (r) => r.written.inserted),
      shared_updates_per_msg: per("shared", (r) => r.written.updated),
      shared_deletes_per_msg: per("shared", (r) => r.written.deleted),
      split_inserts_per_msg: per("split", (r) => r.written.inserted),
      split_updates_per_msg: per("split", (r) => r.written.updated),
      split_redis_commands_per_msg: per("split", (r) => r.redis),
      // PostgreSQL connections the topology's processes held at most (Medusa's pool: up to 10 per process by default).
      shared_connections_peak: Math.max(...runs.shared.map((r) => r.connections)),
      split_connections_peak: Math.max(...runs.split.map((r) => r.connections)),
      replies_failed: shared.failed + split.failed,
      shared_replies: shared.replies,
      split_replies: split.replies,
    }
    const expected = (MESSAGES + WARMUP) * ROUNDS
    const targets = { split_over_shared: ">= 0.8", replies_failed: "0", replies: `${expected} each (warm-ups included)` }
    const met = figures.split_over_shared >= 0.8 && figures.replies_failed === 0 && shared.replies === expected && split.replies === expected
    return { figures, targets, met }
  } finally {
    await pg.stop()
  }
}

module.exports = { run }
