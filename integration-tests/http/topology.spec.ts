import path from "node:path"
import { Client } from "pg"
import { Browser, submitCheckout } from "../helpers/checkout-browser"
import { PROVIDERS, whatsappOrder } from "../helpers/checkout-fixtures"
import { createDatabase, databaseUrl, dropDatabase, migrate } from "../helpers/host-process"
import { PAYMENT_SECRETS } from "../host/secrets"
import { execInHost, startTestRedis, startTopology, TestRedis, Topology } from "../helpers/topology"
import {
  APP_SECRET,
  createSandbox,
  expectSendsBookedOnOneSchedule,
  inParallel,
  numberSchedule,
  postWebhook,
  statusPayload,
  TEST_ACCOUNT,
  textPayload,
  waitFor,
  wamid,
} from "../helpers/whatsapp"

/**
 * Production topology: two API servers and two workers (Medusa's
 * workerMode) on one PostgreSQL and one real Redis (event bus, workflow
 * engine, locking). Servers take webhooks, the checkout page and the admin
 * API; everything that processes runs on the workers. Nothing acknowledged
 * is lost, nothing is done twice, whichever process dies.
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createPaymentSandbox } = require(path.resolve(__dirname, "../../sandbox/payments/index.js"))

const database = `wa_topology_${process.pid}`
const CATALOG_ID = "900000000000077"
const MESSAGES_PER_SECOND = 40
const STRIPE_HOOK = "/hooks/payment/stripe-checkout_stripe-checkout"

const sandbox = createSandbox({ accounts: [{ ...TEST_ACCOUNT, catalog_id: CATALOG_ID }], appSecret: APP_SECRET, sendStatuses: false })
const payments = createPaymentSandbox({ ...PAYMENT_SECRETS, deliverWebhooks: false })
let redis: TestRedis
let topology: Topology
let db: Client
let seed: {
  adminHeaders: Record<string, string>
  accountId: string
  shippingOptionId: string
  products: { id: string; title: string }[]
  variants: { id: string; product_id: string }[]
}
let env: Record<string, string>
let paymentsUrl = ""

const rows = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows
const count = async (sql: string, params: unknown[] = []) => Number((await rows(sql, params))[0].c)
const sentTo = (waId: string) => sandbox.state.messages.filter((m: any) => m.to === waId)
const deadlocks = async () => count(`select deadlocks c from pg_stat_database where datname = current_database()`)
const customer = (prefix: string, i: number) => `${prefix}${String(i).padStart(6, "0")}`

/** Posts each body to the servers in turn; every POST must be acknowledged. */
async function postRoundRobin(bodies: object[], servers = topology.servers) {
  const answers = await inParallel(bodies, 24, (body, i) => postWebhook(servers[i % servers.length].url, body))
  expect(answers.filter((a) => a.status !== 200)).toEqual([])
}

/** Waits until every inbound message of these customers is handled and its one reply sent. */
async function expectEachAnsweredOnce(customers: string[], what: string, timeoutMs = 240_000) {
  await waitFor(
    async () =>
      (await count(
        `select count(*)::int c from whatsapp_message m join whatsapp_conversation c on c.id = m.conversation_id
          where c.wa_id = any($1) and m.direction = 'outbound' and m.status in ('sent', 'delivered', 'read')`,
        [customers]
      )) >= customers.length,
    { timeoutMs, intervalMs: 500, what }
  ).catch(async (error) => {
    const work = await rows(`select status, count(*)::int c from whatsapp_webhook_event group by 1`)
    throw new Error(`${error.message}\nevents: ${JSON.stringify(work)}\n${topology.workers.map((w) => w.output().slice(-1500)).join("\n---\n")}`)
  })
  const perCustomer = await rows(
    `select c.wa_id,
            count(*) filter (where m.direction = 'inbound')::int as inbound,
            count(*) filter (where m.direction = 'outbound')::int as outbound
       from whatsapp_conversation c join whatsapp_message m on m.conversation_id = c.id
      where c.wa_id = any($1) group by c.wa_id`,
    [customers]
  )
  expect(perCustomer).toHaveLength(customers.length)
  expect(perCustomer.filter((r) => r.inbound !== 1 || r.outbound !== 1)).toEqual([])
  // Exactly one send per customer reached Meta.
  const sends = customers.map((c) => sentTo(c).length)
  expect(sends.filter((n) => n !== 1)).toEqual([])
}

beforeAll(async () => {
  const sandboxUrl = await sandbox.listen(0)
  paymentsUrl = await payments.listen(0)
  redis = await startTestRedis()
  await createDatabase(database)
  env = {
    DATABASE_URL: databaseUrl(database),
    WHATSAPP_GRAPH_API_URL: sandboxUrl,
    PAYMENTS_API_BASE: paymentsUrl,
    WHATSAPP_IT_REDIS_URL: redis.url,
    WHATSAPP_MESSAGES_PER_SECOND: String(MESSAGES_PER_SECOND),
    TOPOLOGY_CATALOG_ID: CATALOG_ID,
  }
  migrate(env)
  db = new Client({ connectionString: env.DATABASE_URL })
  await db.connect()
  seed = await execInHost(path.resolve(__dirname, "../helpers/topology-seed.exec.ts"), env, "SEED_RESULT")
  // One public URL for every process, as behind a load balancer: links are built on workers.
  const { freePort } = require(path.resolve(__dirname, "../../scripts/embedded-postgres.js"))
  env.WHATSAPP_PUBLIC_URL = `http://127.0.0.1:${await freePort()}`
  topology = await startTopology({ servers: 2, workers: 2 }, env)
}, 420_000)

afterAll(async () => {
  await Promise.all((topology?.all() ?? []).map((p) => p.kill("SIGKILL")))
  await db?.end()
  await redis?.stop()
  await sandbox.close()
  await payments.close()
  await dropDatabase(database)
})

it("stores and answers 500 messages once each, posted round-robin to two servers with 20% delivered twice, at the number's pace", async () => {
  const customers = Array.from({ length: 500 }, (_, i) => customer("3461", i))
  const bodies = customers.map((from) => textPayload({ from, text: "hola" }))
  // Meta redelivers: every fifth body arrives again, at the other server.
  const redeliveries = bodies.filter((_, i) => i % 5 === 0)
  await postRoundRobin([...bodies, ...redeliveries])
  expect(await count(`select count(*)::int c from whatsapp_webhook_event`)).toBe(600)

  await expectEachAnsweredOnce(customers, "500 answers")
  expect(await count(`select count(*)::int c from whatsapp_message where direction = 'inbound'`)).toBe(500)

  // The two workers booked every send on the number's one shared schedule.
  await expectSendsBookedOnOneSchedule(async (sql, params) => {
    let n = 0
    return rows(sql.replace(/\?/g, () => `$${++n}`), params)
  }, { phoneNumberId: TEST_ACCOUNT.phone_number_id, sends: 500, messagesPerSecond: MESSAGES_PER_SECOND })
}, 420_000)

it("applies interleaved statuses for the same messages on both workers without a deadlock", async () => {
  const sent: { id: string; recipient: string }[] = (
    await rows(
      `select m.wamid id, c.wa_id recipient from whatsapp_message m join whatsapp_conversation c on c.id = m.conversation_id
        where m.direction = 'outbound' and m.wamid is not null order by m.wamid`
    )
  )
  expect(sent.length).toBeGreaterThanOrEqual(500)
  const before = await deadlocks()
  // Each body carries 20 statuses; the same statuses come in opposite orders, through both servers, so
  // two workers' batches lock the same message rows from opposite ends.
  const bodies: object[] = []
  for (const status of ["delivered", "read"]) {
    for (let i = 0; i < sent.length; i += 20) {
      const chunk = sent.slice(i, i + 20).map((m) => ({ ...m, status }))
      bodies.push(statusPayload(chunk), statusPayload([...chunk].reverse()))
    }
  }
  const reversed = [...bodies].reverse()
  await Promise.all([postRoundRobin(bodies, [topology.servers[0]]), postRoundRobin(reversed, [topology.servers[1]])])
  await waitFor(async () => (await count(`select count(*)::int c from whatsapp_webhook_event where status not in ('processed', 'ignored')`)) === 0, {
    timeoutMs: 180_000,
    intervalMs: 500,
    what: "every status event processed",
  })
  expect(await count(`select count(*)::int c from whatsapp_message where direction = 'outbound' and status = 'read'`)).toBe(sent.length)
  // A backend reports its counters once idle for 10 s (PostgreSQL's cumulative statistics).
  await new Promise((r) => setTimeout(r, 12_000))
  expect(await deadlocks()).toBe(before)
  // 40P01 is PostgreSQL's deadlock_detected, as the workers log a failed batch.
  for (const worker of topology.workers) expect(worker.output()).not.toMatch(/deadlock detected|40P01/i)
  // No event needed a second attempt.
  expect(await rows(`select id, attempts, last_error from whatsapp_webhook_event where attempts > 1`)).toEqual([])
}, 300_000)

it("sends a product edited through server A's admin API to Meta's catalog from a worker", async () => {
  const product = seed.products[0]
  const variant = seed.variants.find((v) => v.product_id === product.id)!
  const catalog = () => sandbox.state.catalogs.get(CATALOG_ID)
  expect(catalog().items.get(variant.id)?.title).toContain(product.title)
  const res = await fetch(`${topology.servers[0].url}/admin/products/${product.id}`, {
    method: "POST",
    headers: { ...seed.adminHeaders, "content-type": "application/json" },
    body: JSON.stringify({ title: "Camiseta Orgánica" }),
  })
  expect(res.status).toBe(200)
  await waitFor(async () => catalog().items.get(variant.id)?.title?.includes("Camiseta Orgánica"), { timeoutMs: 60_000, what: "the edited title at Meta" })
})

describe("carts", () => {
  const buyers = [customer("3462", 1), customer("3462", 2), customer("3462", 3)]
  let carts: { waId: string; id: string; cart_id: string; link: string }[] = []

  beforeAll(async () => {
    const variant = seed.variants[0]
    await postRoundRobin(buyers.map((waId, i) => whatsappOrder({ wa_id: waId, name: `Cliente ${i}` }, CATALOG_ID, [{ id: variant.id, quantity: 1, price: 19.9 }])))
    carts = await Promise.all(
      buyers.map(async (waId) => {
        const summary = await waitFor(async () => sentTo(waId).find((m: any) => m.body.interactive?.type === "cta_url"), { timeoutMs: 60_000, what: "the cart summary" })
        const [cart] = await rows(
          `select w.id, w.cart_id from whatsapp_cart w join whatsapp_conversation c on c.id = w.conversation_id where c.wa_id = $1`,
          [waId]
        )
        return { waId, ...cart, link: summary.body.interactive.action.parameters.url }
      })
    )
  }, 120_000)

  it("builds every link on the one public URL, whichever worker built it", () => {
    for (const cart of carts) expect(cart.link.startsWith(`${env.WHATSAPP_PUBLIC_URL}/whatsapp/checkout/`)).toBe(true)
  })

  it("completes the order on a worker when the Stripe webhook reaches a server, and confirms it once", async () => {
    const [cart] = carts
    // The shopper's browser talks to server B; Stripe's webhook lands on server A.
    const browser = new Browser(topology.servers[1].url)
    const location = await submitCheckout(browser, new URL(cart.link).pathname, seed.shippingOptionId, PROVIDERS.stripe)
    expect(location).toMatch(/\/stripe\/pay\/cs_test_/)
    const [session] = await rows(
      `select ps.data from payment_session ps join cart_payment_collection cpc on cpc.payment_collection_id = ps.payment_collection_id
        where cpc.cart_id = $1 and ps.deleted_at is null order by ps.created_at desc limit 1`,
      [cart.cart_id]
    )
    const paid = await (await fetch(`${paymentsUrl}/__payments/stripe/sessions/${session.data.remote_id}/pay`, { method: "POST" })).json()
    const [completed] = paid.events
    // Stripe retries: three deliveries, across both servers.
    for (const server of [topology.servers[0], topology.servers[1], topology.servers[0]]) {
      const res = await fetch(server.url + STRIPE_HOOK, { method: "POST", headers: { ...completed.headers, "content-type": "application/json" }, body: completed.body })
      expect(res.status).toBe(200)
    }
    await waitFor(async () => (await rows(`select order_id from whatsapp_cart where id = $1`, [cart.id]))[0]?.order_id, { timeoutMs: 90_000, what: "the order" })
    expect(await count(`select count(*)::int c from order_cart where cart_id = $1 and deleted_at is null`, [cart.cart_id])).toBe(1)
    const confirmations = () => sentTo(cart.waId).filter((m: any) => /pedido #\d+/i.test(m.body.text?.body ?? ""))
    await waitFor(async () => confirmations().length > 0, { timeoutMs: 60_000, what: "the confirmation" })
    // Give a duplicate time to show up: the recovery job and the event both run on workers.
    await new Promise((r) => setTimeout(r, 3_000))
    expect(confirmations()).toHaveLength(1)
  }, 180_000)

  it("reminds each unpaid cart once, with both workers running the recovery job", async () => {
    const unpaid = carts.slice(1)
    await db.query(`update whatsapp_cart set created_at = created_at - interval '2 hours' where id = any($1)`, [unpaid.map((c) => c.id)])
    // The job runs every minute, once per tick across the workers (Redis workflow engine); claims keep it once anyway.
    await waitFor(
      async () => (await count(`select count(*)::int c from whatsapp_cart where id = any($1) and recovery_sent_at is not null`, [unpaid.map((c) => c.id)])) === unpaid.length,
      { timeoutMs: 150_000, intervalMs: 1_000, what: "both reminders" }
    )
    const reminders = (waId: string) => sentTo(waId).filter((m: any) => m.body.interactive?.type === "cta_url").length
    await waitFor(async () => unpaid.every((c) => reminders(c.waId) >= 2), { timeoutMs: 30_000, what: "the reminders at Meta" })
    // The job's next tick (every minute, at :00) passes: still one reminder each (summary + reminder).
    const now = new Date()
    await new Promise((r) => setTimeout(r, (60 - now.getSeconds()) * 1_000 + 5_000))
    expect(unpaid.map((c) => reminders(c.waId))).toEqual([2, 2])
  }, 300_000)
})

it("acknowledges webhooks while Redis is down and answers them once it is back", async () => {
  const customers = Array.from({ length: 40 }, (_, i) => customer("3463", i))
  // Stop Redis and keep it down while Meta delivers.
  const down = redis.restart(8_000)
  await new Promise((r) => setTimeout(r, 500))
  await postRoundRobin(customers.map((from) => textPayload({ from, text: "hola" })))
  await down
  await expectEachAnsweredOnce(customers, "the messages taken while Redis was down")
  for (const p of topology.all()) expect(p.child.exitCode).toBeNull()
}, 300_000)

it("finishes a burst on the other worker when one is SIGKILLed mid-burst", async () => {
  const customers = Array.from({ length: 200 }, (_, i) => customer("3464", i))
  const posting = postRoundRobin(customers.map((from) => textPayload({ from, text: "hola" })))
  await waitFor(
    async () => (await count(`select count(*)::int c from whatsapp_message m join whatsapp_conversation c on c.id = m.conversation_id where c.wa_id = any($1) and m.direction = 'inbound'`, [customers])) >= 20,
    { timeoutMs: 60_000, intervalMs: 100, what: "the burst under way" }
  )
  await topology.workers[0].kill("SIGKILL")
  await posting
  await expectEachAnsweredOnce(customers, "the burst, on the surviving worker")
}, 300_000)

it("loses nothing a server acknowledged right before it was SIGKILLed", async () => {
  const customers = Array.from({ length: 60 }, (_, i) => customer("3465", i))
  const server = topology.servers[1]
  await postRoundRobin(customers.map((from) => textPayload({ from, text: "hola" })), [server])
  await server.kill("SIGKILL")
  await expectEachAnsweredOnce(customers, "what the killed server acknowledged")
}, 300_000)
