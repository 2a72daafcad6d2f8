// Webhook intake against Medusa's own GET /health on the same server, at the
// same concurrency: how close is our signed-POST ack to the cheapest route?
const autocannon = require("autocannon")
const crypto = require("node:crypto")
const { ensureDemo } = require("./_demo")

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const APP_SECRET = process.env.WHATSAPP_APP_SECRET ?? "sandbox-app-secret"
const PHONE_NUMBER_ID = process.env.WHATSAPP_PHONE_NUMBER_ID ?? "100000000000002"

/** Distinct, realistic, signed text-message deliveries (Meta's \\u escapes included). */
function signedBodies(count) {
  return Array.from({ length: count }, (_, i) => {
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [{ id: "100000000000001", changes: [{ field: "messages", value: {
        messaging_product: "whatsapp",
        metadata: { display_phone_number: "15550100000", phone_number_id: PHONE_NUMBER_ID },
        contacts: [{ profile: { name: "Bench" }, wa_id: `3469${String(i % 5000).padStart(7, "0")}` }],
        messages: [{ from: `3469${String(i % 5000).padStart(7, "0")}`, id: `wamid.BENCH${Date.now().toString(36)}${i}`, timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: `camiseta roja M \\u00bfla tienen? ${i}` } }],
      } }] }],
    })
    return { body, signature: `sha256=${crypto.createHmac("sha256", APP_SECRET).update(body).digest("hex")}` }
  })
}

function load(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts }, (error, result) => (error ? reject(error) : resolve(result)))
  })
}

/**
 * Seconds after the load until every acknowledged event was processed, and
 * until every message of the burst was answered and every reply sent (the
 * work queue's backlog, GET /admin/whatsapp/work).
 */
async function waitForBacklog(url) {
  const login = await fetch(`${url}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: process.env.DEMO_ADMIN_EMAIL ?? "admin@example.com", password: process.env.DEMO_ADMIN_PASSWORD ?? "supersecret" }),
  }).then((r) => r.json())
  const headers = { authorization: `Bearer ${login.token}` }
  const started = Date.now()
  const drained = {}
  const left = (work, kind) => {
    const k = work.find((w) => w.kind === kind)
    return k.due + k.in_progress
  }
  while (Date.now() - started < 600_000) {
    const { work } = await fetch(`${url}/admin/whatsapp/work`, { headers }).then((r) => r.json())
    const seconds = +((Date.now() - started) / 1000).toFixed(1)
    if (process.env.BENCH_VERBOSE) console.error(seconds, JSON.stringify(work))
    if (drained.events === undefined && left(work, "webhook_event") === 0) drained.events = seconds
    if (drained.events !== undefined && drained.answered === undefined && left(work, "inbound_message") === 0) drained.answered = seconds
    if (drained.answered !== undefined && left(work, "outbound_message") === 0) return { ...drained, sent: seconds }
    await new Promise((r) => setTimeout(r, 250))
  }
  return { ...drained, sent: null }
}

async function run() {
  const demo = await ensureDemo()
  try {
    const bodies = signedBodies(20_000)
    let next = 0
    const webhook = {
      url: `${demo.url}/whatsapp/webhook`,
      method: "POST",
      requests: [
        {
          method: "POST",
          path: "/whatsapp/webhook",
          setupRequest: (request) => {
            const { body, signature } = bodies[next++ % bodies.length]
            return { ...request, body, headers: { "content-type": "application/json", "x-hub-signature-256": signature } }
          },
        },
      ],
    }
    // Warm both routes, then measure them back to back.
    await load({ url: `${demo.url}/health`, duration: 2 })
    await load({ ...webhook, duration: 2 })
    const health = await load({ url: `${demo.url}/health` })
    const ingest = await load(webhook)
    const non2xx = ingest.non2xx + ingest.errors
    const drained = await waitForBacklog(demo.url)
    const figures = {
      connections: CONNECTIONS,
      duration_s: DURATION,
      health_rps: Math.round(health.requests.average),
      webhook_rps: Math.round(ingest.requests.average),
      health_p99_ms: health.latency.p99,
      webhook_p99_ms: ingest.latency.p99,
      throughput_ratio: +(ingest.requests.average / health.requests.average).toFixed(3),
      p99_ratio: +(ingest.latency.p99 / Math.max(1, health.latency.p99)).toFixed(3),
      webhook_non_2xx: non2xx,
      events_processed_after_s: drained.events ?? null,
      replies_answered_after_s: drained.answered ?? null,
      replies_sent_after_s: drained.sent,
    }
    console.log(`/health: ${figures.health_rps} req/s, p99 ${figures.health_p99_ms} ms`)
    console.log(`webhook: ${figures.webhook_rps} req/s, p99 ${figures.webhook_p99_ms} ms (${non2xx} non-2xx)`)
    const targets = { throughput_ratio: ">= 0.5", p99_ratio: "<= 3", webhook_non_2xx: "0" }
    const met = figures.throughput_ratio >= 0.5 && figures.p99_ratio <= 3 && non2xx === 0
    return { figures, targets, met }
  } finally {
    await demo.stop()
  }
}

module.exports = { run }
