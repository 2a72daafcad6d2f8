// `npm run demo -- --workers M [--servers N]`: the demo store as Medusa's
// production topology. N `medusa start` processes with workerMode "server"
// take HTTP (webhooks, the checkout page, the admin), M with workerMode
// "worker" do the processing they hand over through Redis, and the proxy
// (demo/proxy.js) is the one public port in front of the servers. Every
// process gets the same environment, including the one public URL, and only
// its own internal port, worker mode and log tag differ.
const { spawn } = require("node:child_process")
const { startPrivateRedis } = require("../scripts/private-redis")
const { freePort } = require("../scripts/embedded-postgres")
const { createProxy } = require("./proxy")
const { prefixLines } = require("./log-lines")
const { splitProcesses } = require("./split-args")

/**
 * Loopback ports for Redis and the Medusa processes: free ones, or
 * consecutive ones from DEMO_INTERNAL_PORT for a machine where only some
 * ports may be used.
 */
function internalPorts() {
  let next = process.env.DEMO_INTERNAL_PORT ? Number(process.env.DEMO_INTERNAL_PORT) : null
  return async () => (next === null ? freePort() : next++)
}

/** REDIS_URL when set, else a private redis-server that stops with the demo. */
async function redisForSplit({ nextPort, log }) {
  if (process.env.REDIS_URL) {
    log("Redis: REDIS_URL")
    return { url: process.env.REDIS_URL, stop: async () => {} }
  }
  const redis = await startPrivateRedis({ port: await nextPort(), log })
  // However the demo ends, its Redis ends with it (the shutdown stops it after the Medusa processes).
  process.on("exit", () => {
    try {
      process.kill(redis.pid())
    } catch {}
  })
  return { url: redis.url, stop: redis.stop }
}

/**
 * Starts the processes, waits until each answers /health, then opens the
 * proxy on the public port. `track` registers each child for shutdown;
 * `onExit(tag, code, left)` hears of one that ends, with how many servers
 * and workers still run (the proxy leaves a stopped server out by itself).
 */
async function startSplit({ plan, nextPort, medusaBin, cwd, env, host, port, log, track, onExit, waitForHealth }) {
  const processes = []
  for (const { tag, mode } of splitProcesses(plan)) {
    const internal = await nextPort()
    const child = spawn(medusaBin, ["start", "-H", "127.0.0.1", "-p", String(internal)], {
      cwd,
      env: { ...env, PORT: String(internal), MEDUSA_WORKER_MODE: mode, DEMO_LOG_WORK: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    })
    prefixLines(child.stdout, tag, process.stdout)
    prefixLines(child.stderr, tag, process.stderr)
    track(child)
    child.on("exit", (code) => {
      const running = processes.filter((p) => p.child.exitCode === null && p.child.signalCode === null)
      onExit(tag, code ?? child.signalCode, {
        servers: running.filter((p) => p.mode === "server").length,
        workers: running.filter((p) => p.mode === "worker").length,
      })
    })
    processes.push({ tag, mode, port: internal, child })
  }
  await Promise.all(processes.map((p) => waitForHealth(`http://127.0.0.1:${p.port}/health`, p.child)))

  const proxy = createProxy({
    servers: processes.filter((p) => p.mode === "server").map((p) => ({ name: p.tag, port: p.port })),
    log: (line) => console.log(`[proxy] ${line}`),
    verbose: plan.verbose,
  })
  await proxy.listen(Number(port), host)
  const summary = processes.map((p) => `${p.tag} :${p.port}`).join(", ")
  console.log(`[proxy] http://${host}:${port} → ${processes.filter((p) => p.mode === "server").map((p) => p.tag).join(", ")}`)
  return { processes, summary, close: () => proxy.close() }
}

module.exports = { internalPorts, redisForSplit, startSplit }
