// The team inbox's two reads that must not grow with the inbox: search (by
// name, phone, username or message text, through trigram indexes) and the
// changed-since poll (a range on change_xid). Each is timed on a small and a
// 10× larger inbox in one run (conversations with 10 messages each, as
// autovacuum leaves them); the figure is the ratio large/small of the
// median. The plugin's own SQL (its build) runs through a pg client.
const path = require("node:path")
const { Client } = require("pg")
const { openPostgres, hostHelpers, sqlRunner, root } = require("./_postgres")

const SMALL = Number(process.env.INBOX_BENCH_SMALL ?? 5000)
const RUNS = 30
const QUERIES = ["María Pérez 17", "612 000 47", "@fan_4711", "chaqueta impermeable azul", "pedido 4711"]

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function timed(fn) {
  const times = []
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint()
    await fn(i)
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return median(times)
}

/** Adds conversations `from`..`to` with 10 messages each, then lets statistics and GIN pending lists settle. */
async function fill(client, accountId, from, to) {
  await client.query(
    `insert into whatsapp_conversation (id, account_id, wa_id, username, profile_name, created_at, updated_at, last_message_at)
     select 'waconv_b' || n, $1, (34612000000 + n)::text, 'fan_' || n, 'Cliente ' || n, now(), now(), now() - (n || ' seconds')::interval
       from generate_series($2::int, $3::int) n`,
    [accountId, from, to]
  )
  await client.query(
    `insert into whatsapp_message (id, conversation_id, direction, type, text, status, created_at, updated_at)
     select 'wamsg_b' || n || '_' || k, 'waconv_b' || n, 'inbound', 'text', 'pedido ' || n || ' talla ' || k || ' color rojo', 'received', now(), now()
       from generate_series($1::int, $2::int) n, generate_series(1, 10) k`,
    [from, to]
  )
  await client.query(`update whatsapp_conversation set profile_name = 'María Pérez ' || substr(id, 9) where id = 'waconv_b17'`)
  await client.query(`update whatsapp_message set text = 'busco una chaqueta impermeable azul' where id = 'wamsg_b4711_3'`)
  await client.query(`vacuum analyze whatsapp_conversation`)
  await client.query(`vacuum analyze whatsapp_message`)
}

async function measure(db, sql) {
  const search = await timed((i) => sql.searchConversations(db, QUERIES[i % QUERIES.length]))
  // One conversation changes, then the poll from just before it: the answer is that one row.
  const changes = await timed(async (i) => {
    const [{ horizon }] = await db.execute(`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon`)
    await db.execute(`update whatsapp_conversation set unread_count = unread_count + 1 where id = ?`, [`waconv_b${1 + i}`])
    const answer = await sql.listConversationChanges(db, horizon, 200)
    if (answer.changed_ids.length !== 1) throw new Error(`changed-since answered ${answer.changed_ids.length} rows for one change`)
  })
  return { search, changes }
}

async function run() {
  const built = (file) => require(path.join(root, ".medusa/server/src/modules/whatsapp/sql", file))
  hostHelpers() // fails early without a build
  const { findConversationIds } = built("conversations.js")
  const { listConversationChanges } = built("conversation-changes.js")
  const sql = { searchConversations: (db, q) => findConversationIds(db, q, 50), listConversationChanges }
  const pg = await openPostgres()
  try {
    const name = await pg.createDatabase("inbox")
    hostHelpers().migrate({ DATABASE_URL: pg.url(name) })
    const client = new Client({ connectionString: pg.url(name) })
    await client.connect()
    try {
      const db = sqlRunner(client)
      await client.query(
        `insert into whatsapp_account (id, name, waba_id, phone_number_id, access_token, created_at, updated_at) values ('waacc_bench', 'Bench', '1', '2', 'x', now(), now())`
      )
      await fill(client, "waacc_bench", 1, SMALL)
      const small = await measure(db, sql)
      await fill(client, "waacc_bench", SMALL + 1, SMALL * 10)
      const large = await measure(db, sql)
      const figures = {
        postgres: pg.source,
        conversations: [SMALL, SMALL * 10],
        messages: [SMALL * 10, SMALL * 100],
        search_ms_p50: [small.search, large.search].map((v) => +v.toFixed(2)),
        changes_ms_p50: [small.changes, large.changes].map((v) => +v.toFixed(2)),
        search_ratio: +(large.search / small.search).toFixed(2),
        changes_ratio: +(large.changes / small.changes).toFixed(2),
      }
      const targets = { search_ratio: "<= 3 for 10× the rows", changes_ratio: "<= 2 for 10× the rows" }
      return { figures, targets, met: figures.search_ratio <= 3 && figures.changes_ratio <= 2 }
    } finally {
      await client.end()
    }
  } finally {
    await pg.stop()
  }
}

module.exports = { run }
