import { ChildProcess, spawn, spawnSync } from "node:child_process"
import path from "node:path"
import { Client } from "pg"

const root = path.resolve(__dirname, "../..")
const host = path.join(root, "integration-tests/host")
const medusa = path.join(root, "node_modules/.bin/medusa")

/** A database URL on the server the test run uses (DB_* variables). */
export function databaseUrl(database: string) {
  const { DB_HOST = "localhost", DB_PORT = "5432", DB_USERNAME = "postgres", DB_PASSWORD = "" } = process.env
  const auth = DB_PASSWORD ? `${DB_USERNAME}:${encodeURIComponent(DB_PASSWORD)}` : DB_USERNAME
  return `postgres://${auth}@${DB_HOST}:${DB_PORT}/${database}`
}

export async function createDatabase(name: string) {
  const client = new Client({ connectionString: databaseUrl("postgres") })
  await client.connect()
  await client.query(`drop database if exists "${name}" with (force)`)
  await client.query(`create database "${name}"`)
  await client.end()
}

export async function dropDatabase(name: string) {
  const client = new Client({ connectionString: databaseUrl("postgres") })
  await client.connect()
  await client.query(`drop database if exists "${name}" with (force)`)
  await client.end()
}

export function migrate(env: Record<string, string>) {
  const result = spawnSync(medusa, ["db:migrate", "--skip-scripts"], {
    cwd: host,
    env: { ...process.env, NODE_OPTIONS: "", ...env },
    encoding: "utf8",
    timeout: 180_000,
  })
  if (result.status !== 0) throw new Error(`medusa db:migrate failed:\n${result.stdout}\n${result.stderr}`)
}

export type HostProcess = { child: ChildProcess; port: number; url: string; output: () => string; kill: (signal?: NodeJS.Signals) => Promise<void> }

/** Starts the test host with `medusa start` as its own process, like one production instance. */
export async function startHost(port: number, env: Record<string, string>): Promise<HostProcess> {
  const child = spawn(medusa, ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: host,
    env: { ...process.env, NODE_OPTIONS: "", LOG_LEVEL: "warn", ...env },
  })
  let output = ""
  child.stdout!.on("data", (c) => (output += c))
  child.stderr!.on("data", (c) => (output += c))
  const url = `http://127.0.0.1:${port}`
  const started = Date.now()
  while (Date.now() - started < 120_000) {
    if (child.exitCode !== null) throw new Error(`host exited (${child.exitCode}):\n${output.slice(-3000)}`)
    const ok = await fetch(`${url}/health`).then((r) => r.ok).catch(() => false)
    if (ok) break
    await new Promise((r) => setTimeout(r, 250))
  }
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()))
  return {
    child,
    port,
    url,
    output: () => output,
    kill: async (signal: NodeJS.Signals = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}
