// Starts Debian's redis-server on a free loopback port with nothing kept on
// disk, for the tests and the demo's split mode (servers + workers), so
// nobody has to run a Redis. `stop()` ends it; `restart()` stops it and starts
// a fresh, empty one on the same port (what a lost Redis looks like to its
// clients: connections drop, queued jobs are gone).
const { spawn } = require("node:child_process")
const fs = require("node:fs")
const net = require("node:net")
const os = require("node:os")
const path = require("node:path")
const { freePort } = require("./embedded-postgres")

/** Answers PONG on `port` within `timeoutMs`? */
function ping(port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port })
    let reply = ""
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.on("error", () => done(false))
    socket.on("connect", () => socket.write("PING\r\n"))
    socket.on("data", (chunk) => {
      reply += chunk
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"))
    })
  })
}

/**
 * @param {object} [opts]
 * @param {number} [opts.port] defaults to a free port
 * @param {string} [opts.bin] the redis-server binary
 * @param {(line: string) => void} [opts.log]
 */
async function startPrivateRedis({ port, bin = "redis-server", log = () => {} } = {}) {
  port = port ?? (await freePort())
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wa-commerce-redis-"))
  let child = null
  let output = ""

  async function launch() {
    output = ""
    child = spawn(
      bin,
      // Loopback only, no snapshots or append-only file: a test's Redis keeps nothing.
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--protected-mode", "yes", "--logfile", ""],
      { stdio: ["ignore", "pipe", "pipe"] }
    )
    child.stdout.on("data", (c) => (output += c))
    child.stderr.on("data", (c) => (output += c))
    const spawnError = new Promise((_, reject) => child.once("error", reject))
    spawnError.catch(() => {})
    const started = Date.now()
    while (Date.now() - started < 15_000) {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}):\n${output.slice(-2000)}`)
      const ready = await Promise.race([ping(port), spawnError])
      if (ready) {
        log(`private redis-server on 127.0.0.1:${port}`)
        return
      }
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error(`redis-server did not answer on port ${port} within 15 s:\n${output.slice(-2000)}`)
  }

  async function stop() {
    const running = child
    if (!running || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise((resolve) => running.once("exit", resolve))
    running.kill("SIGTERM")
    const timer = setTimeout(() => running.kill("SIGKILL"), 5_000)
    await exited
    clearTimeout(timer)
  }

  await launch()
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    pid: () => child.pid,
    stop: async () => {
      await stop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
    /** Stops Redis (every client loses its connection and every queued job), waits `downMs`, starts an empty one. */
    restart: async (downMs = 0) => {
      await stop()
      if (downMs) await new Promise((r) => setTimeout(r, downMs))
      await launch()
    },
  }
}

module.exports = { startPrivateRedis, ping }
