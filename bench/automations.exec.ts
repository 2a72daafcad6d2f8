// Run by bench/automations.js through `medusa exec` in the test host (see there).
import { ExecArgs } from "@medusajs/framework/types"
import path from "node:path"
import { createCommerceBasics } from "../integration-tests/helpers/catalog-fixtures"

const root = path.resolve(__dirname, "..")
const EVENTS = Number(process.env.BENCH_AUTOMATION_EVENTS ?? 10_000)
const RULES = 20
/** Events handled at once in both arms (the automation lane's concurrency). */
const CONCURRENCY = 8

export default async function run({ container }: ExecArgs) {
  const { createWhatsAppAccountWorkflow, sendWhatsAppMessageWorkflow, createWhatsAppAutomationWorkflow } = require(path.join(root, ".medusa/server/src/workflows/index.js"))
  const { bookAutomationRuns, enqueueAutomationRuns } = require(path.join(root, ".medusa/server/src/workflows/automations/enqueue-automation-runs.js"))
  const { runClaimedAutomation } = require(path.join(root, ".medusa/server/src/workflows/automations/run-automations.js"))
  const { whatsappWork } = require(path.join(root, ".medusa/server/src/workflows/work/whatsapp-work.js"))
  // This script plays the subscriber and the automation lane itself (book and claim, run), so the process's drain must not race it for
  // the runs; stopped, it sends nothing either, so both arms measure queueing only.
  whatsappWork(container).stop()
  const pg = container.resolve("__pg_connection__") as { raw(sql: string, params: unknown[]): Promise<{ rows: any[] }> }
  const sql = async (text: string, params: unknown[] = []) => (await pg.raw(text, params)).rows

  const fixture = await createCommerceBasics(container)
  const account = { waba_id: "600000000000001", phone_number_id: "600000000000002", access_token: "bench-token-000003" }
  const { result: created } = await createWhatsAppAccountWorkflow(container).run({
    input: { name: "Bench", ...account, region_id: fixture.regionId, sales_channel_id: fixture.salesChannelId, language: "es" },
  })
  const accountId = created.id
  await sql(
    `insert into whatsapp_conversation (id, account_id, wa_id, profile_name, language, last_inbound_at, created_at, updated_at)
     select 'waconv_bench_' || n, ?, '3480' || lpad(n::text, 7, '0'), 'Cliente ' || n, 'es', now(), now(), now()
       from generate_series(1, ?) n`,
    [accountId, EVENTS]
  )
  for (let r = 1; r <= RULES; r++) {
    await createWhatsAppAutomationWorkflow(container).run({
      input: {
        name: `Rule ${r}`,
        account_id: accountId,
        trigger: { type: "message_received", keywords: [`clave${r}`], match: "contains" },
        conditions: [{ field: "language", op: "in", value: ["es", "pt"] }],
        actions: [{ type: "send_text", text: `Hola {{customer_name}}, respuesta ${r} de {{store_name}}.` }],
      },
    })
  }

  const eventOf = (n: number) => ({
    type: "message_received",
    key: `message_received:wamsg_bench_${n}`,
    account_id: accountId,
    conversation_id: `waconv_bench_${n}`,
    text: `hola, una pregunta sobre clave${1 + (n % RULES)} por favor`,
    occurred_at: new Date().toISOString(),
  })

  /**
   * The engine's path as the subscriber takes it (runAutomationsFor): book the run and claim it in one statement,
   * then run it (as the lane does with what the subscriber hands it).
   */
  const phases = { book_and_claim: 0, run: 0 }
  const viaEngine = async (n: number) => {
    let t = performance.now()
    const { claimed } = await bookAutomationRuns(container, eventOf(n), { claim: true })
    if (claimed.length !== 1) throw new Error(`event ${n}: expected one run claimed with its booking, got ${claimed.length}`)
    phases.book_and_claim += performance.now() - t
    t = performance.now()
    await runClaimedAutomation(container, claimed[0])
    phases.run += performance.now() - t
  }
  /** The baseline: the same text queued directly. */
  const direct = async (n: number) => {
    await sendWhatsAppMessageWorkflow(container).run({
      input: { conversation_id: `waconv_bench_${n}`, message: { type: "text", text: { body: `Hola Cliente ${n}, respuesta directa.` } }, idempotency_key: `bench-direct:${n}` },
    })
  }

  const engineMs: number[] = []
  const directMs: number[] = []
  // Warm-up of both paths (JIT, connection pool), not measured.
  for (let n = 1; n <= 20; n++) {
    await sendWhatsAppMessageWorkflow(container).run({ input: { conversation_id: `waconv_bench_${n}`, message: { type: "text", text: { body: "warm-up" } }, idempotency_key: `bench-warm:${n}` } })
  }
  // Both arms interleaved in one pool, so they share the same load and the same table sizes.
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (;;) {
        const n = ++next
        if (n > EVENTS * 2) return
        const event = Math.ceil(n / 2)
        const t0 = performance.now()
        if (n % 2) await viaEngine(event)
        else await direct(event)
        ;(n % 2 ? engineMs : directMs).push(performance.now() - t0)
      }
    })
  )
  const totalMs = performance.now() - started

  // Replay every event: no new run, no second message.
  let replayedRuns = 0
  for (let n = 1; n <= EVENTS; n++) replayedRuns += (await enqueueAutomationRuns(container, eventOf(n), { nudge: false })).length
  const [{ runs }] = await sql(`select count(*)::int as runs from whatsapp_automation_run`)
  const [{ messages, distinct_keys }] = await sql(
    `select count(*)::int as messages, count(distinct conversation_id)::int as distinct_keys from whatsapp_message where idempotency_key like 'automation:%'`
  )
  const [{ failed }] = await sql(`select count(*)::int as failed from whatsapp_automation_run where status <> 'succeeded'`)

  const pct = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b)
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
  }
  const round = (v: number) => Math.round(v * 100) / 100
  const figures = {
    events: EVENTS,
    rules: RULES,
    concurrency: CONCURRENCY,
    engine_p50_ms: round(pct(engineMs, 50)),
    engine_p95_ms: round(pct(engineMs, 95)),
    direct_p50_ms: round(pct(directMs, 50)),
    direct_p95_ms: round(pct(directMs, 95)),
    p50_ratio: round(pct(engineMs, 50) / pct(directMs, 50)),
    p95_ratio: round(pct(engineMs, 95) / pct(directMs, 95)),
    total_s: round(totalMs / 1000),
    runs_after_replay: runs,
    runs_booked_by_replay: replayedRuns,
    runs_not_succeeded: failed,
    automation_messages: messages,
    duplicate_actions: messages - distinct_keys + replayedRuns,
  }
  if (process.env.BENCH_VERBOSE) console.log(`phases (mean ms): ${JSON.stringify(Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(v / EVENTS)])))}`)
  console.log(`BENCH_RESULT ${JSON.stringify(figures)}`)
}
