// Shared by benchmarks: use the demo at BENCH_URL if one answers, else start
// one (embedded PostgreSQL in .demo/, as `npm run demo` does) and stop it after.
const { spawn } = require("node:child_process")
const path = require("node:path")

async function healthy(url) {
  return fetch(`${url}/health`).then((r) => r.ok).catch(() => false)
}

async function ensureDemo() {
  const url = process.env.BENCH_URL ?? "http://127.0.0.1:9000"
  if (await healthy(url)) {
    return { url, stop: async () => {} }
  }
  const port = new URL(url).port || "9000"
  const child = spawn(process.execPath, [path.join(__dirname, "../demo/start.js")], {
    env: { ...process.env, PORT: port, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  })
  // Ready is when the demo says so: /health answers before its catalog is synced.
  let ready = false
  let out = ""
  child.stdout.on("data", (chunk) => {
    out = (out + chunk).slice(-4096)
    if (out.includes("Demo store ready")) ready = true
  })
  const started = Date.now()
  while (!ready || !(await healthy(url))) {
    if (child.exitCode !== null) throw new Error("the demo exited during start-up")
    if (Date.now() - started > 300_000) throw new Error("the demo did not start within 5 minutes")
    await new Promise((r) => setTimeout(r, 1000))
  }
  const exited = new Promise((resolve) => child.on("exit", resolve))
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM")
      await exited
    },
  }
}

/** The p-th percentile (nearest rank) of some timings. */
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const round = (n) => Math.round(n * 10) / 10

/** A JSON request that throws with the answer's status and body when it fails. */
async function json(url, init = {}) {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...(init.headers ?? {}) } })
  const body = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${url} → ${res.status}: ${JSON.stringify(body).slice(0, 300)}`)
  return body
}

module.exports = { ensureDemo, percentile, round, json }
