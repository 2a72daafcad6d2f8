import { ChildProcess, spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"

const root = path.resolve(__dirname, "../..")

export type DemoPorts = { port: string; sandboxPort: string; paymentsPort: string; stateDir: string }

/**
 * Free-enough ports and a fresh state directory for one demo under test.
 * DEMO_TEST_PORT pins them (that port and the next two) on a machine where
 * only some ports may be used.
 */
export function demoPorts(): DemoPorts {
  const pinned = process.env.DEMO_TEST_PORT ? Number(process.env.DEMO_TEST_PORT) : null
  // Each Jest worker draws from its own 300 ports, so parallel workers' demos never collide.
  const worker = Math.max(0, Number(process.env.JEST_WORKER_ID ?? 1) - 1) % 3
  const port = String(pinned ?? 19000 + worker * 300 + Math.floor(Math.random() * 300))
  return {
    port,
    sandboxPort: String(Number(port) + (pinned ? 1 : 1000)),
    paymentsPort: String(Number(port) + (pinned ? 2 : 2000)),
    stateDir: fs.mkdtempSync(path.join(os.tmpdir(), "wa-demo-state-")),
  }
}

/**
 * `npm run demo -- <args>` as a newcomer runs it (embedded PostgreSQL), on
 * the given ports; resolves `ready` when it says so.
 */
export function startDemo(
  ports: DemoPorts,
  extraEnv: Record<string, string> = {},
  args: string[] = []
): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: ports.port,
    SANDBOX_PORT: ports.sandboxPort,
    SANDBOX_PAYMENTS_PORT: ports.paymentsPort,
    DEMO_STATE_DIR: ports.stateDir,
    NODE_OPTIONS: "",
    LOG_LEVEL: "info",
    ...extraEnv,
  }
  // The demo's default is its own embedded PostgreSQL (and in split mode its
  // own private Redis); test exactly that.
  delete env.DATABASE_URL
  delete env.REDIS_URL
  const child = spawn(process.execPath, [path.join(root, "demo/start.js"), "--skip-build", ...args], { cwd: root, env })
  let output = ""
  child.stdout!.on("data", (chunk) => (output += chunk))
  child.stderr!.on("data", (chunk) => (output += chunk))
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", () => output.includes("Demo store ready") && resolve())
    child.on("exit", (code) => reject(new Error(`demo exited with ${code}:\n${output.slice(-3000)}`)))
  })
  return { child, output: () => output, ready }
}

export async function stopDemo(child: ChildProcess) {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.on("exit", resolve))
  child.kill("SIGTERM")
  await exited
}

/** The admin user the demo seeds. */
export const DEMO_ADMIN = { email: "admin@example.com", password: "supersecret" }

/** The demo admin's bearer headers, from Medusa's email/password login. */
export async function demoAdminHeaders(baseUrl: string): Promise<Record<string, string>> {
  const res = await fetch(`${baseUrl}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(DEMO_ADMIN) })
  const { token } = await res.json()
  return { authorization: `Bearer ${token}` }
}

/** Signs the demo admin into the Medusa admin in `page`. */
export async function signInDemoAdmin(page: import("playwright-core").Page, baseUrl: string, timeouts: { load?: number; signedIn?: number } = {}) {
  await page.goto(`${baseUrl}/app/login`, timeouts.load ? { timeout: timeouts.load } : undefined)
  await page.fill('input[name="email"]', DEMO_ADMIN.email)
  await page.fill('input[name="password"]', DEMO_ADMIN.password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.includes("/login"), timeouts.signedIn ? { timeout: timeouts.signedIn } : undefined)
}
