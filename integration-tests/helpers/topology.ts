import { spawn } from "node:child_process"
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
 * port (nothing on disk), stopped after, so the test may also stop and
 * restart it. REDIS_URL, when set, names one to use instead (it must be
 * dedicated to this run); it cannot be restarted by the test.
 */
export async function startTestRedis(): Promise<TestRedis> {
  if (process.env.REDIS_URL) {
    const refuse = async () => {
      throw new Error("REDIS_URL names a Redis this test did not start: it cannot stop it. Unset REDIS_URL to let the test start its own.")
    }
    return { url: process.env.REDIS_URL, restart: refuse, stop: async () => {} }
  }
  return startPrivateRedis()
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
