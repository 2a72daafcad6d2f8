// The team inbox's reads on a small and a 10× larger inbox in one run
// (conversations with 10 messages each, varied phones, usernames and words,
// as autovacuum leaves them), through the plugin's own SQL (its build):
// - changed-since (a range on change_xid) must not grow with the inbox:
//   ratio large/small of the median;
// - search (name, phone, username, message text through trigram indexes)
//   against the same queries with index scans switched off (what an
//   unindexed ILIKE costs): ratio indexed/sequential at the large size.
// Trigram search costs what the query's trigrams cost: a fragment shared by
// many rows reads their posting lists, so search is compared with the scan,
// not held flat.
const path = require("node:path")
const { Client } = require("pg")
const { openPostgres, hostHelpers, sqlRunner, root } = require("./_postgres")

const SMALL = Number(process.env.INBOX_BENCH_SMALL ?? 5000)
const RUNS = 15
const QUERIES = ["María Pérez 17", "+34 6 5472 0917", "@u4711c0de", "chaqueta impermeable azul", "zapatillas trail"]

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
  // Phones, usernames and words spread like real ones: not one shared prefix per row.
  await client.query(
    `insert into whatsapp_conversation (id, account_id, wa_id, username, profile_name, created_at, updated_at, last_message_at)
     select 'waconv_b' || n, $1, (346 || lpad(((n::bigint * 7919) % 100000000)::text, 8, '0')), 'u' || substr(md5(n::text), 1, 8),
            (array['Ana','Luis','Marta','João','Pedro','Lucía','Sofia','Diego','Carmen','Tiago'])[1 + n % 10] || ' ' || substr(md5('s' || n), 1, 5),
            now(), now(), now() - (n || ' seconds')::interval
       from generate_series($2::int, $3::int) n`,
    [accountId, from, to]
  )
  await client.query(
    `insert into whatsapp_message (id, conversation_id, direction, type, text, status, created_at, updated_at)
     select 'wamsg_b' || n || '_' || k, 'waconv_b' || n, 'inbound', 'text',
            (array['hola','precio','talla','envío','camiseta','tienen','gracias','disponible','color','mañana','cuánto','tarda'])[1 + (n * k) % 12] || ' ' ||
            (array['la','una','el','mi','de','para','con','sin'])[1 + (n + k) % 8] || ' ' ||
            (array['sudadera','pantalón','vestido','gorra','bolso','camisa','falda','abrigo','calcetines','sandalias'])[1 + (n * 3 + k) % 10] || ' ' || substr(md5(n || '_' || k), 1, 6),
            'received', now(), now()
       from generate_series($1::int, $2::int) n, generate_series(1, 10) k`,
    [from, to]
  )
  await client.query(`update whatsapp_conversation set profile_name = 'María Pérez 17' where id = 'waconv_b17'`)
  await client.query(`update whatsapp_conversation set username = 'u4711c0de' where id = 'waconv_b4711'`)
  await client.query(`update whatsapp_conversation set wa_id = '34654720917' where id = 'waconv_b99'`)
  await client.query(`update whatsapp_message set text = 'busco una chaqueta impermeable azul' where id = 'wamsg_b4711_3'`)
  await client.query(`update whatsapp_message set text = 'tenéis zapatillas trail en 42?' where id = 'wamsg_b123_2'`)
  await client.query(`vacuum analyze whatsapp_conversation`)
  await client.query(`vacuum analyze whatsapp_message`)
}

async function searchTimes(db, sql, client, indexed) {
  await client.query(`set enable_indexscan = ${indexed}; set enable_bitmapscan = ${indexed}`)
  const perQuery = {}
  for (const q of QUERIES) {
    const ids = await sql.searchConversations(db, q)
    if (ids.length !== 1) throw new Error(`search "${q}" found ${ids.length} conversations, not 1`)
    perQuery[q] = +(await timed(() => sql.searchConversations(db, q))).toFixed(2)
  }
  await client.query(`reset enable_indexscan; reset enable_bitmapscan`)
  return perQuery
}

async function measure(db, sql, client, withScan) {
  const perQuery = await searchTimes(db, sql, client, true)
  const search = median(Object.values(perQuery))
  const scanned = withScan ? median(Object.values(await searchTimes(db, sql, client, false))) : null
  // One conversation changes, then the poll from just before it: the answer is that one row.
  const changes = await timed(async (i) => {
    const [{ horizon }] = await db.execute(`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon`)
    await db.execute(`update whatsapp_conversation set unread_count = unread_count + 1 where id = ?`, [`waconv_b${1 + i}`])
    const answer = await sql.listConversationChanges(db, horizon, 200)
    if (answer.changed_ids.length !== 1) throw new Error(`changed-since answered ${answer.changed_ids.length} rows for one change`)
  })
  return { search, changes, perQuery, scanned }
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
      const small = await measure(db, sql, client, false)
      await fill(client, "waacc_bench", SMALL + 1, SMALL * 10)
      const large = await measure(db, sql, client, true)
      const figures = {
        postgres: pg.source,
        conversations: [SMALL, SMALL * 10],
        messages: [SMALL * 10, SMALL * 100],
        search_ms_p50: [small.search, large.search].map((v) => +v.toFixed(2)),
        changes_ms_p50: [small.changes, large.changes].map((v) => +v.toFixed(2)),
        search_ms_p50_by_query: { small: small.perQuery, large: large.perQuery },
        search_scan_ms_p50_large: +large.scanned.toFixed(2),
        search_vs_scan_large: +(large.search / large.scanned).toFixed(3),
        search_ratio: +(large.search / small.search).toFixed(2),
        changes_ratio: +(large.changes / small.changes).toFixed(2),
      }
      const targets = { search_vs_scan_large: "<= 0.1", changes_ratio: "<= 2 for 10× the rows" }
      return { figures, targets, met: figures.search_vs_scan_large <= 0.1 && figures.changes_ratio <= 2 }
    } finally {
      await client.end()
    }
  } finally {
    await pg.stop()
  }
}

module.exports = { run }
