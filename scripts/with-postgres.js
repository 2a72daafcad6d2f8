#!/usr/bin/env node
// Runs a command with a PostgreSQL server reachable through DB_* variables.
// DATABASE_URL or DB_HOST, when set, name the server to use; otherwise an
// embedded PostgreSQL is started on a free port and removed afterwards.
const { spawn } = require("node:child_process")
const fs = require("node:fs")
const { startEmbeddedPostgres, tempDataDir, envFromDatabaseUrl } = require("./embedded-postgres")

async function main() {
  const [command, ...args] = process.argv.slice(2)
  if (!command) {
    console.error("usage: with-postgres <command> [args…]")
    process.exit(2)
  }
  let env = {}
  let stop = async () => {}
  if (process.env.DATABASE_URL) {
    env = envFromDatabaseUrl(process.env.DATABASE_URL)
  } else if (process.env.DB_HOST) {
    env = { DB_USERNAME: "postgres", ...pickDbEnv(process.env) }
  } else {
    const dir = tempDataDir("wa-commerce-pg-")
    const server = await startEmbeddedPostgres({ dir, persistent: false, fast: true })
    env = server.env
    stop = async () => {
      await server.stop().catch(() => {})
      fs.rmSync(dir, { recursive: true, force: true })
    }
    console.log(`[with-postgres] embedded PostgreSQL on 127.0.0.1:${server.port}`)
  }

  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } })
  const forward = (signal) => child.kill(signal)
  process.on("SIGINT", forward)
  process.on("SIGTERM", forward)
  child.on("exit", async (code, signal) => {
    await stop()
    process.exit(code ?? (signal ? 1 : 0))
  })
}

function pickDbEnv(source) {
  const out = {}
  for (const key of ["DB_HOST", "DB_PORT", "DB_USERNAME", "DB_PASSWORD"]) {
    if (source[key] !== undefined) out[key] = source[key]
  }
  return out
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
