#!/usr/bin/env node
// `npm run demo`: build the plugin, start PostgreSQL (embedded unless
// DATABASE_URL is set), migrate, seed once, build the store and its admin for
// production when they changed (demo/app-build.js), and start the demo store
// with `medusa start` in production mode.
// `npm run demo -- --reset` throws the demo's data away first.
// `npm run demo -- --fresh-onboarding` starts with no WhatsApp account (try the onboarding wizard).
// `npm run demo -- --workers M [--servers N] [--verbose]` runs it as API
// servers and workers on Redis behind one port (demo/split.js).
const { spawn, spawnSync } = require("node:child_process")
const crypto = require("node:crypto")
const fs = require("node:fs")
const path = require("node:path")
const { startEmbeddedPostgres } = require("../scripts/embedded-postgres")
const { ensureProductImages } = require("./product-images")
const { startSandbox, startPaymentSandbox } = require("../sandbox/start")
const { ensureAppBuild, appDir } = require("./app-build")
const { parseSplitArgs } = require("./split-args")
const { internalPorts, redisForSplit, startSplit } = require("./split")

const root = path.resolve(__dirname, "..")
const stateDir = process.env.DEMO_STATE_DIR ? path.resolve(process.env.DEMO_STATE_DIR) : path.join(root, ".demo")
const pgDir = path.join(stateDir, "pgdata")
const medusaBin = path.join(root, "node_modules/.bin/medusa")
const args = process.argv.slice(2)
const PORT = process.env.PORT ?? "9000"
const HOST = process.env.HOST ?? "127.0.0.1"
// One public address for every process (checkout links, catalog item links,
// CORS): in split mode the proxy's, never a process's own port.
const PUBLIC_URL = process.env.WHATSAPP_PUBLIC_URL ?? `http://localhost:${PORT}`

const children = new Set()
let postgres = null
let sandbox = null
let paymentSandbox = null
let redis = null
let split = null
let stopping = false

/** A child process to stop with the demo. */
function track(child) {
  children.add(child)
  child.on("exit", () => children.delete(child))
}

function log(message) {
  console.log(`[demo] ${message}`)
}

/** Secrets the demo invents once and keeps, so restarts can read old data. */
function demoSecrets() {
  const file = path.join(stateDir, "secrets.json")
  if (fs.existsSync(file)) {
    return JSON.parse(fs.readFileSync(file, "utf8"))
  }
  const secrets = {
    encryptionKey: crypto.randomBytes(32).toString("hex"),
    jwtSecret: crypto.randomBytes(24).toString("hex"),
    cookieSecret: crypto.randomBytes(24).toString("hex"),
  }
  fs.mkdirSync(stateDir, { recursive: true })
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}

function run(command, commandArgs, options) {
  const result = spawnSync(command, commandArgs, { stdio: "inherit", ...options })
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} ${commandArgs.join(" ")} failed (exit ${result.status})`)
  }
}

/** A postgres left running by a demo that was killed outright would hold the data dir. */
function stopStalePostgres() {
  const pidFile = path.join(pgDir, "postmaster.pid")
  if (!fs.existsSync(pidFile)) return
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
  try {
    process.kill(pid, 0)
    log(`stopping a PostgreSQL (pid ${pid}) left over from an earlier run`)
    process.kill(pid, "SIGINT")
    for (let i = 0; i < 50 && isAlive(pid); i++) spawnSync("sleep", ["0.2"])
  } catch {
    // not running: the pid file is stale and postgres removes it itself
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function ensureDatabase(url) {
  const { Client } = require("pg")
  const target = new URL(url)
  const name = target.pathname.slice(1)
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name])
    if (!rowCount) {
      await client.query(`create database "${name.replace(/"/g, '""')}"`)
      log(`created database ${name}`)
    }
  } finally {
    await client.end()
  }
}

async function waitForHealth(url, child, timeoutMs = 180_000) {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error("Medusa exited during start-up")
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`Medusa did not answer ${url} within ${timeoutMs / 1000}s`)
}

/**
 * With the sandbox standing in for Meta, the demo does at every start what a
 * merchant does once in Settings → WhatsApp: subscribes the app to the WABA's
 * webhooks (the sandbox forgets it, like everything else, at each start),
 * connects the catalog and syncs it (only changes are sent), then prints the
 * connection check, so the phone simulator and the sandbox see the store's
 * products at once and the admin shows every line green.
 */
async function connectDemoAccounts(baseUrl) {
  const request = (method, path, body, headers = {}) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (r) => {
      const json = await r.json()
      if (!r.ok) throw new Error(json.message ?? `HTTP ${r.status}`)
      return json
    })
  const { token } = await request("POST", "/auth/user/emailpass", {
    email: process.env.DEMO_ADMIN_EMAIL ?? "admin@example.com",
    password: process.env.DEMO_ADMIN_PASSWORD ?? "supersecret",
  })
  const auth = { authorization: `Bearer ${token}` }
  const { accounts } = await request("GET", "/admin/whatsapp/accounts", undefined, auth)
  for (const account of accounts) {
    // The admin's "Subscribe" button.
    await request("POST", `/admin/whatsapp/accounts/${account.id}/subscribe`, {}, auth)
    if (account.catalog_id) {
      await request("POST", `/admin/whatsapp/accounts/${account.id}/catalog`, { catalog_id: account.catalog_id }, auth)
      const { run } = await request("POST", "/admin/whatsapp/catalog/sync", { account_id: account.id }, auth)
      for (let i = 0; i < 120; i++) {
        const { run: current } = await request("GET", `/admin/whatsapp/catalog/runs/${run.id}`, undefined, auth)
        if (current.status !== "running") {
          log(`catalog ${account.catalog_id}: ${current.status}, ${JSON.stringify(current.stats)}`)
          break
        }
        await new Promise((r) => setTimeout(r, 500))
      }
    }
    const health = await request("GET", `/admin/whatsapp/accounts/${account.id}/health`, undefined, auth)
    const summary = health.lines.map((l) => `${l.label} ${l.ok ? "ok" : "FAILED"}`).join(", ")
    log(`connection check ${account.display_phone_number ?? account.phone_number_id}: ${health.ok ? "all green" : "problems"} (${summary})`)
  }
}

async function shutdown(code) {
  if (stopping) return
  stopping = true
  log("stopping…")
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {}
  }
  const deadline = Date.now() + 10_000
  while ([...children].some((c) => c.exitCode === null && c.signalCode === null) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
  }
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {}
    }
  }
  if (split) {
    await split.close().catch(() => {})
  }
  if (redis) {
    await redis.stop().catch(() => {})
    log("Redis stopped")
  }
  if (paymentSandbox) {
    await paymentSandbox.close().catch(() => {})
  }
  if (sandbox) {
    await sandbox.close().catch(() => {})
  }
  if (postgres) {
    await postgres.stop().catch(() => {})
    log("PostgreSQL stopped")
  }
  process.exit(code)
}

/** The demo as one `medusa start` process on PORT. */
async function startSingle(env) {
  log("starting Medusa (production mode)")
  // As merchants run Medusa: the built app in .medusa/server, NODE_ENV=production.
  const medusa = spawn(medusaBin, ["start", "-H", HOST, "-p", PORT], {
    cwd: appDir,
    env: { ...env, NODE_ENV: "production" },
    stdio: "inherit",
    detached: true,
  })
  track(medusa)
  medusa.on("exit", (code) => {
    if (!stopping) {
      log(`Medusa exited (code ${code})`)
      shutdown(code || 1)
    }
  })
  await waitForHealth(`http://127.0.0.1:${PORT}/health`, medusa)
}

const onSignal = () => shutdown(0)

/**
 * embedded-postgres answers SIGINT and SIGTERM itself: it stops PostgreSQL
 * and exits at once, while Medusa (and in split mode the proxy and Redis)
 * are still going down. The demo's shutdown stops everything in order,
 * PostgreSQL last, so only its own handler stays.
 */
function keepOnlyOwnSignalHandlers() {
  for (const signal of ["SIGINT", "SIGTERM"]) {
    for (const listener of process.listeners(signal)) if (listener !== onSignal) process.off(signal, listener)
  }
}

async function main() {
  process.on("SIGINT", onSignal)
  process.on("SIGTERM", onSignal)
  const started = Date.now()
  const splitPlan = parseSplitArgs(args)
  const nextPort = internalPorts()

  if (args.includes("--reset")) {
    stopStalePostgres()
    fs.rmSync(stateDir, { recursive: true, force: true })
    log("--reset: previous demo data removed")
  }

  if (!args.includes("--skip-build")) {
    log("building the plugin")
    run(medusaBin, ["plugin:build"], { cwd: root, env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" } })
  }

  // The demo installs the plugin by name, like a merchant's app does.
  const link = path.join(__dirname, "node_modules", "medusa-plugin-whatsapp-commerce")
  if (!fs.existsSync(link)) {
    fs.mkdirSync(path.dirname(link), { recursive: true })
    try {
      fs.symlinkSync(root, link, "dir")
    } catch (error) {
      // Another demo of this checkout, started at the same moment, made it.
      if (error.code !== "EEXIST") throw error
    }
  }
  ensureProductImages(require("./catalog.json"), path.join(__dirname, "static/products"))

  let databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    stopStalePostgres()
    postgres = await startEmbeddedPostgres({ dir: pgDir, persistent: true })
    keepOnlyOwnSignalHandlers()
    databaseUrl = postgres.url("medusa_demo")
    log(`embedded PostgreSQL on 127.0.0.1:${postgres.port}, data in ${path.relative(root, pgDir)}`)
  }
  await ensureDatabase(databaseUrl)
  if (splitPlan) {
    // Before the migrations: every Medusa command below loads the Redis modules.
    redis = await redisForSplit({ nextPort, log })
  }

  const secrets = demoSecrets()
  const sandboxPort = process.env.SANDBOX_PORT ?? "9010"
  const paymentsPort = process.env.SANDBOX_PAYMENTS_PORT ?? "9011"
  // Without real provider keys, the payment providers talk to the local fakes (the fakes' default credentials).
  const fakePayments = !process.env.STRIPE_API_KEY && !process.env.RAZORPAY_KEY_ID && !process.env.PAYPAL_CLIENT_ID
  const paymentsUrl = `http://127.0.0.1:${paymentsPort}`
  const paymentEnv = fakePayments
    ? {
        STRIPE_API_KEY: "sk_test_sandbox",
        STRIPE_WEBHOOK_SECRET: "whsec_sandbox",
        STRIPE_API_BASE: paymentsUrl,
        RAZORPAY_KEY_ID: "rzp_test_sandbox",
        RAZORPAY_KEY_SECRET: "rzp_secret_sandbox",
        RAZORPAY_WEBHOOK_SECRET: "rzp_whsec_sandbox",
        RAZORPAY_API_BASE: paymentsUrl,
        PAYPAL_CLIENT_ID: "paypal-sandbox-client",
        PAYPAL_CLIENT_SECRET: "paypal-sandbox-secret",
        PAYPAL_WEBHOOK_ID: "WH-SANDBOX",
        PAYPAL_API_BASE: paymentsUrl,
      }
    : {}
  const env = {
    ...paymentEnv,
    ...process.env,
    MEDUSA_DISABLE_TELEMETRY: "true",
    DATABASE_URL: databaseUrl,
    PORT,
    ...(redis ? { REDIS_URL: redis.url } : {}),
    WHATSAPP_PUBLIC_URL: PUBLIC_URL,
    JWT_SECRET: process.env.JWT_SECRET ?? secrets.jwtSecret,
    COOKIE_SECRET: process.env.COOKIE_SECRET ?? secrets.cookieSecret,
    WHATSAPP_ENCRYPTION_KEY: process.env.WHATSAPP_ENCRYPTION_KEY ?? secrets.encryptionKey,
    WHATSAPP_APP_SECRET: process.env.WHATSAPP_APP_SECRET ?? "sandbox-app-secret",
    WHATSAPP_VERIFY_TOKEN: process.env.WHATSAPP_VERIFY_TOKEN ?? "sandbox-verify-token",
    WHATSAPP_GRAPH_API_URL: process.env.WHATSAPP_GRAPH_API_URL ?? `http://127.0.0.1:${sandboxPort}`,
    // "Connect with Facebook" against the sandbox's Meta app and its fake SDK and popup (sandbox/embedded-signup.js).
    ...(process.env.WHATSAPP_GRAPH_API_URL
      ? {}
      : {
          WHATSAPP_META_APP_ID: process.env.WHATSAPP_META_APP_ID ?? "670843887433847",
          WHATSAPP_EMBEDDED_SIGNUP_CONFIG_ID: process.env.WHATSAPP_EMBEDDED_SIGNUP_CONFIG_ID ?? "1000000000000001",
          WHATSAPP_FACEBOOK_SDK_URL: process.env.WHATSAPP_FACEBOOK_SDK_URL ?? `http://127.0.0.1:${sandboxPort}/sdk.js`,
        }),
  }

  // The production build needs no database: it runs while PostgreSQL is
  // migrated and the demo data prepared.
  const appBuild = ensureAppBuild({
    medusaBin,
    env: { ...env, NODE_ENV: "production" },
    log,
    track,
  })
  appBuild.catch(() => {})

  log("running migrations")
  run(medusaBin, ["db:migrate"], { cwd: __dirname, env })
  log("preparing demo data")
  const withSandbox = !process.env.WHATSAPP_GRAPH_API_URL
  // --fresh-onboarding: no WhatsApp account, so a person can connect one with the guided wizard (Connect with Facebook).
  const freshOnboarding = args.includes("--fresh-onboarding")
  run(medusaBin, ["exec", "./src/scripts/prepare-demo.ts"], {
    cwd: __dirname,
    env: { ...env, DEMO_SANDBOX: withSandbox ? "1" : "0", DEMO_FRESH_ONBOARDING: freshOnboarding ? "1" : "0" },
  })
  if (freshOnboarding) log("--fresh-onboarding: no WhatsApp account; Settings → WhatsApp offers Connect with Facebook (the sandbox plays Meta)")

  if (withSandbox) {
    // No real Meta account configured: the sandbox answers in Meta's place.
    ;({ sandbox } = await startSandbox({ port: Number(sandboxPort), webhookUrl: `http://127.0.0.1:${PORT}/whatsapp/webhook`, publicUrl: PUBLIC_URL }))
    log(`sandbox (fake Graph API) on http://127.0.0.1:${sandboxPort}`)
  }

  if (fakePayments) {
    ;({ payments: paymentSandbox } = await startPaymentSandbox({ port: Number(paymentsPort), medusaUrl: `http://127.0.0.1:${PORT}` }))
    log(`fake payment providers (Stripe, Razorpay, PayPal) on ${paymentsUrl}`)
  }

  const build = await appBuild
  if (stopping) return
  log(build.built ? `store and admin built in ${build.seconds.toFixed(1)}s` : "store and admin build is up to date")
  if (splitPlan) {
    log(`starting ${splitPlan.servers} API server(s) and ${splitPlan.workers} worker(s) (production mode) behind a proxy on port ${PORT}`)
    split = await startSplit({
      plan: splitPlan,
      nextPort,
      medusaBin,
      cwd: appDir,
      env: { ...env, NODE_ENV: "production" },
      host: HOST,
      port: PORT,
      log,
      track,
      // One process stopping is what the split is for: the others carry on. With no server or no worker left, the demo stops.
      onExit: (tag, code, left) => {
        if (stopping) return
        log(`${tag} exited (${code}); ${left.servers} server(s) and ${left.workers} worker(s) still running`)
        if (!left.servers || !left.workers) shutdown(1)
      },
      waitForHealth,
    })
  } else {
    await startSingle(env)
  }
  if (sandbox) {
    await connectDemoAccounts(`http://127.0.0.1:${PORT}`).catch((error) => log(`connecting the sandbox account failed: ${error.message}`))
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const admin = `http://localhost:${PORT}/app`
  const simulator = `http://127.0.0.1:${sandboxPort}/simulator?phone=34600111222&name=Ana`
  console.log(
    [
      "",
      `  Demo store ready in ${seconds}s`,
      `  Admin:      ${admin}`,
      `  Login:      ${process.env.DEMO_ADMIN_EMAIL ?? "admin@example.com"} / ${process.env.DEMO_ADMIN_PASSWORD ? "(DEMO_ADMIN_PASSWORD)" : "supersecret"}`,
      ...(sandbox ? [`  Phone:      ${simulator}`] : []),
      `  Webhook:    ${PUBLIC_URL}/whatsapp/webhook`,
      ...(split
        ? [
            `  Processes:  ${split.summary}, behind the proxy on port ${PORT}; Redis ${redis.url.replace(/\/\/[^@/]*@/, "//")}`,
            "              [server-N] lines are HTTP (webhook intake, checkout page, admin API);",
            "              [worker-N] lines are what they hand over through Redis (answers, sends, catalog).",
          ]
        : []),
      ...(sandbox ? [`  Sandbox:    http://127.0.0.1:${sandboxPort}/__sandbox/state (fake Graph API)`] : []),
      ...(paymentSandbox ? [`  Payments:   ${paymentsUrl}/__payments/state (fake Stripe, Razorpay, PayPal pages)`] : []),
      "",
      ...(sandbox
        ? [
            "  Try it:",
            "   1. In the phone, open the catalog, pick a product and press \"Message business\": the store answers.",
            "   2. Type \"camisetas\": a product list comes back.",
            "   3. Add two variants to the cart and send it: a summary with a checkout link arrives.",
            "   4. Open the link, pay with \"Tarjeta (Stripe)\" on the fake Stripe page: the confirmation reaches the phone.",
            "   5. In the admin: WhatsApp (inbox), the order with its conversation, Catalog and Stats.",
            "",
          ]
        : []),
      "  Ctrl-C stops everything.",
      "",
    ].join("\n")
  )
}

main().catch((error) => {
  console.error(`[demo] ${error.message}`)
  shutdown(1)
})
