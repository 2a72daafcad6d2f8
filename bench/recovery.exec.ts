// Run by bench/recovery.js through `medusa exec` in the test host. Times the
// recovery workflow with 100 due carts among 10,000 and among 100,000 WhatsApp
// carts, then 1,000 due carts (1% of 100,000), and measures the rate at which
// those 1,000 reminders reach the fake Graph API at the configured 80 msg/s.
import { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { fork } from "node:child_process"
import path from "node:path"
import { createCommerceBasics, createProducts } from "../integration-tests/helpers/catalog-fixtures"

const root = path.resolve(__dirname, "..")
const DUE_SMALL = 100
const DUE_LARGE = 1000
const RUNS = 3

export default async function run({ container }: ExecArgs) {
  const { maxInWindow } = require(path.join(root, ".medusa/server/src/lib/outbound/pacing.js"))
  const { createWhatsAppAccountWorkflow, recoverAbandonedWhatsAppCartsWorkflow } = require(path.join(root, ".medusa/server/src/workflows/index.js"))
  const whatsapp: any = container.resolve("whatsapp")
  const pg = container.resolve("__pg_connection__") as { raw(sql: string, params: unknown[]): Promise<{ rows: any[] }> }
  const sql = async (text: string, params: unknown[] = []) => (await pg.raw(text, params)).rows
  const account = { waba_id: "500000000000001", phone_number_id: "500000000000002", access_token: "bench-token-000002" }
  // The fake runs in its own process, as Meta is remote: its clock and event
  // loop are not the store's, so the rate is measured where Meta measures it.
  const fakeUrl = process.env.WHATSAPP_GRAPH_API_URL!
  const fake = fork(path.join(root, "sandbox/start.js"), [], {
    env: { ...process.env, SANDBOX_PORT: new URL(fakeUrl).port, SANDBOX_CONFIG: JSON.stringify({ accounts: [account], sendStatuses: false }) },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  })
  // Never outlive this script: a fake left running holds the bench's output pipe open.
  process.once("exit", () => fake.kill("SIGTERM"))
  await new Promise((resolve) => fake.once("message", resolve))
  const fakeMessages = async () => ((await (await fetch(`${fakeUrl}/__sandbox/messages`)).json()) as any).messages as any[]

  const fixture = await createCommerceBasics(container)
  const { variants } = await createProducts(container, fixture, [{ title: "Camiseta", sizes: ["M"], colors: ["Rojo"], price: 19.9 }])
  const { result: created } = await createWhatsAppAccountWorkflow(container).run({
    input: { name: "Bench", ...account, region_id: fixture.regionId, sales_channel_id: fixture.salesChannelId, language: "es" },
  })
  const accountId = created.id

  // The due carts are real Medusa carts (one line each); the rest only need rows.
  const cartModule: any = container.resolve(Modules.CART)
  const carts: any[] = []
  for (let i = 0; i < DUE_LARGE; i += 250) {
    carts.push(
      ...(await cartModule.createCarts(
        Array.from({ length: 250 }, () => ({
          currency_code: "eur",
          region_id: fixture.regionId,
          sales_channel_id: fixture.salesChannelId,
          items: [{ title: "Camiseta", product_title: "Camiseta", variant_title: "M / Rojo", variant_id: variants[0].id, quantity: 2, unit_price: 19.9 }],
        }))
      ))
    )
  }
  await sql(
    `insert into whatsapp_conversation (id, account_id, wa_id, profile_name, last_inbound_at, created_at, updated_at)
     select 'waconv_bench_' || n, ?, '3470' || lpad(n::text, 7, '0'), 'Cliente ' || n, now(), now(), now()
       from generate_series(1, ?) n`,
    [accountId, DUE_LARGE]
  )
  await sql(
    `insert into whatsapp_cart (id, account_id, conversation_id, source_wamid, cart_id, status, currency_code, created_at, updated_at)
     select 'wacart_bench_due_' || c.n, ?, 'waconv_bench_' || c.n, 'wamid.bench.due.' || c.n, c.cart_id, 'paid', 'eur', now() - interval '2 hours', now()
       from jsonb_array_elements_text(?::jsonb) with ordinality as c(cart_id, n)`,
    [accountId, JSON.stringify(carts.map((c) => c.id))]
  )

  /** Completed history: paid, recovered, ordered, abandoned and rejected carts over 90 days. */
  const addHistory = async (from: number, count: number) => {
    await sql(
      `insert into whatsapp_cart (id, account_id, conversation_id, source_wamid, status, currency_code, total, created_at, updated_at)
       select 'wacart_bench_' || n, ?, 'waconv_bench_' || (1 + n % ?::int), 'wamid.bench.' || n,
              (array['paid','paid','paid','recovered','ordered','abandoned','abandoned','rejected'])[1 + n % 8]::text,
              'eur', 20 + n % 50, now() - (n % 129600) * interval '1 minute', now()
         from generate_series(?::int, ?::int) n`,
      [accountId, DUE_LARGE, from, from + count - 1]
    )
    await sql(`analyze whatsapp_cart`)
  }

  /** Makes the first `due` carts unpaid again and forgets their earlier reminders. */
  const arm = async (due: number) => {
    await sql(`delete from whatsapp_message where idempotency_key like 'cart-recovery:wacart_bench_due_%'`)
    await sql(`update whatsapp_rate_limit set tat = now(), recent_sends = null`)
    await sql(
      `update whatsapp_cart set status = case when (substring(id from 18))::int <= ? then 'link_sent' else 'paid' end,
              abandoned_at = null, recovery_sent_at = null, recovery_channel = null, recovery_message_id = null, recovery_skipped_reason = null
        where id like 'wacart_bench_due_%'`,
      [due]
    )
  }

  /** Sends what the run queued, as the dispatch subscriber does, and waits until the queue is empty. */
  const drain = async () => {
    const queued = await sql(`select id from whatsapp_message where status = 'queued' and idempotency_key like 'cart-recovery:%'`)
    await Promise.all(queued.map((m: any) => whatsapp.dispatchOutboundMessage(m.id).catch(() => null)))
    for (;;) {
      const [left] = await sql(`select count(*)::int as n from whatsapp_message where status in ('queued', 'sending')`)
      if (!left.n) return
      const due = await sql(`select id from whatsapp_message where status = 'queued' and next_attempt_at <= now()`)
      await Promise.all(due.map((m: any) => whatsapp.dispatchOutboundMessage(m.id).catch(() => null)))
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  const timedRun = async (due: number) => {
    await arm(due)
    const started = performance.now()
    const { result } = await recoverAbandonedWhatsAppCartsWorkflow(container).run({ input: {} })
    const ms = performance.now() - started
    if (result.reminded !== due) throw new Error(`expected ${due} reminders, got ${result.reminded}`)
    await drain()
    return ms
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

  await addHistory(1, 10_000 - DUE_LARGE)
  await timedRun(DUE_SMALL) // warm-up
  const small: number[] = []
  for (let i = 0; i < RUNS; i++) small.push(await timedRun(DUE_SMALL))

  await addHistory(10_000 - DUE_LARGE + 1, 90_000)
  const [{ n: total }] = await sql(`select count(*)::int as n from whatsapp_cart`)
  await timedRun(DUE_SMALL) // warm-up on the larger table
  const large: number[] = []
  for (let i = 0; i < RUNS; i++) large.push(await timedRun(DUE_SMALL))

  // 1% of 100,000 due: the run, then the 1,000 sends at the fake.
  await arm(DUE_LARGE)
  const sentBefore = (await fakeMessages()).length
  const started = performance.now()
  const { result } = await recoverAbandonedWhatsAppCartsWorkflow(container).run({ input: {} })
  const runLargeMs = performance.now() - started
  await drain()
  const sends = (await fakeMessages()).slice(sentBefore).map((m: any) => m.at as number).sort((a: number, b: number) => a - b)
  const peak = maxInWindow(sends, 1000)
  if (process.env.BENCH_VERBOSE) {
    const perSecond = new Map<number, number>()
    for (const t of sends) perSecond.set(Math.floor((t - sends[0]) / 1000), (perSecond.get(Math.floor((t - sends[0]) / 1000)) ?? 0) + 1)
    const gaps = sends.slice(1).map((t: number, i: number) => t - sends[i])
    console.log(`sends per second from the first: ${[...perSecond.values()].join(" ")}; first 20 gaps (ms): ${gaps.slice(0, 20).join(" ")}`)
    let worst = 0
    for (let i = 0, j = 0; i < sends.length; i++) {
      while (sends[i] - sends[j] >= 1000) j++
      if (i - j + 1 === peak && !worst) worst = sends[j] - sends[0]
    }
    console.log(`first window holding ${peak} sends starts ${worst} ms after the first send`)
  }
  const rate = ((sends.length - 1) * 1000) / (sends[sends.length - 1] - sends[0])
  const [failed] = await sql(`select count(*)::int as n from whatsapp_message where status = 'failed'`)
  fake.kill("SIGTERM")

  const configured = whatsapp.getOptions().messagesPerSecond
  console.log(
    `BENCH_RESULT ${JSON.stringify({
      carts_small: 10_000,
      carts_large: total,
      due_per_run: DUE_SMALL,
      run_ms_10k: Math.round(median(small)),
      run_ms_100k: Math.round(median(large)),
      ratio_100k_to_10k: +(median(large) / median(small)).toFixed(2),
      due_1pct_of_100k: result.reminded,
      run_ms_1pct_of_100k: Math.round(runLargeMs),
      reminders_sent: sends.length,
      reminders_failed: failed.n,
      configured_rate: configured,
      achieved_rate: +rate.toFixed(1),
      rate_share: +(rate / configured).toFixed(3),
      peak_in_any_second: peak,
    })}`
  )
}
