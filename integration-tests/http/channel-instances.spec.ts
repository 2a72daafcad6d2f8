import path from "node:path"
import { Client } from "pg"
import { TEST_ENCRYPTION_KEY } from "../host/secrets"
import { createDatabase, databaseUrl, dropDatabase, HostProcess, migrate, startHost } from "../helpers/host-process"
import { APP_SECRET, createSandbox, expectSendsBookedOnOneSchedule, inParallel, NO_AUTO_REPLY, numberSchedule, TEST_ACCOUNT, waitFor } from "../helpers/whatsapp"

/**
 * Real processes on one database: a Medusa instance killed right after
 * acknowledging webhooks, then two instances that share the recovery and the
 * outbound queue. Nothing acknowledged is lost, nothing is done twice, and
 * the shared pacing holds across instances.
 */
const built = path.resolve(__dirname, "../../.medusa/server/src")
const database = `wa_instances_${process.pid}`
// No status webhooks: this test is about recovery and shared pacing, and the
// fake shares its event loop with the test's timestamps.
const sandbox = createSandbox({ accounts: [TEST_ACCOUNT], appSecret: APP_SECRET, sendStatuses: false })
const hosts: HostProcess[] = []
let db: Client

async function count(sql: string, params: unknown[] = []) {
  return (await db.query(sql, params)).rows[0].c as number
}

beforeAll(async () => {
  const sandboxUrl = await sandbox.listen(0)
  await createDatabase(database)
  const env = { DATABASE_URL: databaseUrl(database), WHATSAPP_GRAPH_API_URL: sandboxUrl }
  migrate(env)
  db = new Client({ connectionString: databaseUrl(database) })
  await db.connect()
  const { SecretBox } = require(path.join(built, "lib/secret-box.js"))
  const { deriveKeys } = require(path.join(built, "lib/derived-keys.js"))
  const box = new SecretBox(deriveKeys(Buffer.from(TEST_ENCRYPTION_KEY, "hex")).secrets)
  await db.query(
    `insert into whatsapp_account (id, name, waba_id, phone_number_id, access_token, settings, created_at, updated_at)
     values ('waacc_instances', 'Instances', $1, $2, $3, $4, now(), now())`,
    [TEST_ACCOUNT.waba_id, TEST_ACCOUNT.phone_number_id, box.seal(TEST_ACCOUNT.access_token), JSON.stringify(NO_AUTO_REPLY)]
  )
  ;(globalThis as any).__hostEnv = env
}, 240_000)

afterAll(async () => {
  await Promise.all(hosts.map((h) => h.kill("SIGKILL")))
  await db?.end()
  await sandbox.close()
  await dropDatabase(database)
})

it("loses nothing acknowledged by a killed instance, and two instances share the work exactly once", async () => {
  const env = (globalThis as any).__hostEnv
  const first = await startHost(19700 + (process.pid % 100), env)
  hosts.push(first)
  sandbox.config.webhookUrl = `${first.url}/whatsapp/webhook`

  // 300 customers write; the instance acknowledges every POST, then dies at once.
  const customers = Array.from({ length: 300 }, (_, i) => `3468${String(i).padStart(7, "0")}`)
  const acks = await inParallel(customers, 30, async (from) => {
    const res = await fetch(`http://127.0.0.1:${(sandbox.server.address() as any).port}/__sandbox/inbound`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone_number_id: TEST_ACCOUNT.phone_number_id, from, text: `hola desde ${from}` }),
    })
    return (await res.json()).webhook_status
  })
  await first.kill("SIGKILL")
  expect(acks.every((s) => s === 200)).toBe(true)
  expect(await count(`select count(*)::int c from whatsapp_webhook_event`)).toBe(300)
  const unprocessed = await count(`select count(*)::int c from whatsapp_webhook_event where status <> 'processed'`)
  expect(unprocessed).toBeGreaterThan(0)

  // Two fresh instances recover the backlog between them.
  const [second, third] = await Promise.all([
    startHost(19800 + (process.pid % 100), env),
    startHost(19900 + (process.pid % 100), env),
  ])
  hosts.push(second, third)
  sandbox.config.webhookUrl = `${second.url}/whatsapp/webhook`
  await waitFor(async () => (await count(`select count(*)::int c from whatsapp_webhook_event where status <> 'processed'`)) === 0, {
    timeoutMs: 90_000,
    intervalMs: 500,
    what: "the killed instance's backlog",
  }).catch(async (error) => {
    const states = (await db.query(`select status, locked_until is not null as locked, count(*)::int c from whatsapp_webhook_event group by 1, 2`)).rows
    throw new Error(`${error.message}\n${JSON.stringify(states)}\n${second.output().slice(-2000)}`)
  })
  expect(await count(`select count(*)::int c from whatsapp_message where direction = 'inbound'`)).toBe(300)
  expect(await count(`select sum(unread_count)::int c from whatsapp_conversation`)).toBe(300)

  // Outbound queued for both instances' dispatchers: each sent once, the number's pace shared.
  await db.query(`delete from whatsapp_rate_limit where id = $1`, [numberSchedule(TEST_ACCOUNT.phone_number_id)])
  await db.query(
    `insert into whatsapp_message (id, conversation_id, direction, type, text, payload, status, idempotency_key, created_at, updated_at)
     select 'wamsg_out_' || c.wa_id, c.id, 'outbound', 'text', 'respuesta ' || c.wa_id,
            jsonb_build_object('type', 'text', 'text', jsonb_build_object('body', 'respuesta ' || c.wa_id)),
            'queued', 'out-' || c.wa_id, now() - interval '1 minute', now()
     from whatsapp_conversation c order by c.wa_id limit 100`
  )
  await waitFor(async () => (await count(`select count(*)::int c from whatsapp_message where direction = 'outbound' and status = 'sent'`)) === 100, {
    timeoutMs: 90_000,
    intervalMs: 500,
    what: "100 replies sent",
  })
  const sent = sandbox.state.messages.map((m: any) => m.body.text.body)
  expect(sent).toHaveLength(100)
  expect(new Set(sent).size).toBe(100)
  let n = 0
  await expectSendsBookedOnOneSchedule(async (sql, params) => (await db.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows, {
    phoneNumberId: TEST_ACCOUNT.phone_number_id,
    sends: 100,
    messagesPerSecond: 20,
  })
}, 400_000)
