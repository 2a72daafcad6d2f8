import { spawn } from "node:child_process"
import net from "node:net"
import path from "node:path"
import { HostProcess, startHost } from "./host-process"

const root = path.resolve(__dirname, "../..")
const host = path.join(root, "integration-tests/host")
const medusa = path.join(root, "node_modules/.bin/medusa")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startPrivateRedis } = require(path.join(root, "scripts/private-redis.js"))
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { freePort } = require(path.join(root, "scripts/embedded-postgres.js"))

export type TestRedis = { url: string; restart(downMs?: number): Promise<void>; stop(): Promise<void> }

/**
 * The Redis a split-mode test runs on: a private redis-server on a free
 * port (nothing on disk), stopped after. REDIS_URL, when set, names one to
 * use instead; it must be dedicated to this run, because `restart` then
 * stands for a Redis restarted without persistence by emptying it, dropping
 * every client and pausing it for `downMs`.
 */
export async function startTestRedis(): Promise<TestRedis> {
  const external = process.env.REDIS_URL
  if (external) {
    const restart = async (downMs = 0) => {
      await redisCommands(external, ["FLUSHALL", "CLIENT KILL TYPE normal SKIPME yes", ...(downMs ? [`CLIENT PAUSE ${downMs} ALL`] : [])])
      if (downMs) await new Promise((r) => setTimeout(r, downMs))
    }
    return { url: external, restart, stop: async () => {} }
  }
  return startPrivateRedis()
}

/** Sends inline commands on one connection and resolves after one reply line each. */
function redisCommands(url: string, commands: string[]): Promise<void> {
  const { hostname, port, password, username } = new URL(url)
  const all = [...(password ? [`AUTH ${username || "default"} ${decodeURIComponent(password)}`] : []), ...commands]
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) }, () => socket.write(all.map((c) => `${c}\r\n`).join("")))
    let replies = ""
    socket.on("data", (chunk) => {
      replies += chunk
      if (replies.split("\r\n").length > all.length) {
        socket.end()
        const error = replies.split("\r\n").find((line) => line.startsWith("-"))
        if (error) reject(new Error(`Redis refused: ${error}`))
        else resolve()
      }
    })
    socket.on("error", reject)
  })
}

export type Topology = { servers: HostProcess[]; workers: HostProcess[]; all(): HostProcess[] }

/** Starts `servers` API servers and `workers` workers of the test host, all on one database and one Redis. */
export async function startTopology(counts: { servers: number; workers: number }, env: Record<string, string>): Promise<Topology> {
  const start = async (mode: "server" | "worker") => startHost(await freePort(), { ...env, MEDUSA_WORKER_MODE: mode })
  // Workers first: the servers' first events find someone to take them.
  const workers = await Promise.all(Array.from({ length: counts.workers }, () => start("worker")))
  const servers = await Promise.all(Array.from({ length: counts.servers }, () => start("server")))
  return { servers, workers, all: () => [...servers, ...workers] }
}

/**
 * Runs a script in the test host (`medusa exec`) and returns the JSON it
 * printed after `marker`. Asynchronous: the sandbox it talks to runs in
 * this process and must keep answering.
 */
export function execInHost<T>(script: string, env: Record<string, string>, marker: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(medusa, ["exec", script], { cwd: host, env: { ...process.env, NODE_OPTIONS: "", LOG_LEVEL: "warn", ...env } })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (c) => (stdout += c))
    child.stderr.on("data", (c) => (stderr += c))
    const timer = setTimeout(() => child.kill("SIGKILL"), 300_000)
    child.on("exit", (code) => {
      clearTimeout(timer)
      const line = stdout.split("\n").find((l) => l.startsWith(`${marker} `))
      if (!line) return reject(new Error(`medusa exec ${path.basename(script)} failed (${code}):\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`))
      resolve(JSON.parse(line.slice(marker.length + 1)) as T)
    })
  })
}
