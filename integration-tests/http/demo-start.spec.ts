import fs from "node:fs"
import path from "node:path"
import { demoPorts, startDemo as startDemoProcess, stopDemo } from "../helpers/demo-process"
import { waitFor } from "../helpers/wait-for"

/**
 * `npm run demo` end to end: embedded PostgreSQL, migrations, seed, admin
 * login, and a second start that keeps the data and does not seed again.
 */
const { port, sandboxPort, paymentsPort, stateDir } = demoPorts()
const startDemo = () => startDemoProcess({ port, sandboxPort, paymentsPort, stateDir })

async function login() {
  const res = await fetch(`http://127.0.0.1:${port}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@example.com", password: "supersecret" }),
  })
  expect(res.status).toBe(200)
  const { token } = await res.json()
  return { authorization: `Bearer ${token}` }
}

function postgresRunningIn(dir: string) {
  return fs.existsSync(path.join(dir, "pgdata/postmaster.pid"))
}

describe("npm run demo", () => {
  afterAll(() => fs.rmSync(stateDir, { recursive: true, force: true }))

  it("starts, seeds once, logs in, and restarts on the same data", async () => {
    const first = startDemo()
    await first.ready
    expect(first.output()).toContain("demo: store seeded")
    expect(first.output()).toContain("Admin:      http://localhost:")
    expect(first.output()).toContain(`Payments:   http://127.0.0.1:${paymentsPort}/__payments/state`)

    const health = await fetch(`http://127.0.0.1:${port}/health`)
    expect(await health.text()).toBe("OK")
    const headers = await login()
    const products = await fetch(`http://127.0.0.1:${port}/admin/products?limit=1`, { headers }).then((r) => r.json())
    expect(products.count).toBe(30)
    const accounts = await fetch(`http://127.0.0.1:${port}/admin/whatsapp/accounts`, { headers }).then((r) => r.json())
    expect(accounts.accounts).toHaveLength(1)
    expect(accounts.accounts[0].access_token).toMatch(/^••••/)
    const image = await fetch(`http://127.0.0.1:${port}/static/products/camiseta-basica-rojo.png`)
    expect(image.headers.get("content-type")).toBe("image/png")

    // The demo's sandbox is wired to the store: a customer message arrives in the inbox.
    const inbound = await fetch(`http://127.0.0.1:${sandboxPort}/__sandbox/inbound`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: "34699000001", text: "Hola, ¿tienen camisetas?" }),
    }).then((r) => r.json())
    expect(inbound.webhook_status).toBe(200)
    const conversations = await waitFor(async () => {
      const body = await fetch(`http://127.0.0.1:${port}/admin/whatsapp/conversations`, { headers }).then((r) => r.json())
      return body.count > 0 && body
    }, { timeoutMs: 120_000, intervalMs: 200, what: "the conversation in the inbox" })
    expect(conversations.conversations[0]).toMatchObject({ wa_id: "34699000001", window_open: true })

    // The demo's catalog is connected and synced with the sandbox at start.
    expect(first.output()).toMatch(/catalog 100000000000003: completed/)
    const catalog = await fetch(`http://127.0.0.1:${sandboxPort}/__sandbox/catalog?id=100000000000003`).then((r) => r.json())
    expect(catalog.items).toHaveLength(249)

    await stopDemo(first.child)
    expect(postgresRunningIn(stateDir)).toBe(false)

    const second = startDemo()
    await second.ready
    expect(second.output()).toContain("store already seeded")
    expect(second.output()).not.toContain("demo: store seeded")
    // The sandbox starts empty on every start; the demo fills it again.
    expect(second.output()).toMatch(/catalog 100000000000003: completed/)
    const refilled = await fetch(`http://127.0.0.1:${sandboxPort}/__sandbox/catalog?id=100000000000003`).then((r) => r.json())
    expect(refilled.items).toHaveLength(249)
    const again = await fetch(`http://127.0.0.1:${port}/admin/products?limit=1`, { headers: await login() }).then((r) =>
      r.json()
    )
    expect(again.count).toBe(30)
    await stopDemo(second.child)
    expect(postgresRunningIn(stateDir)).toBe(false)
  }, 600_000)
})
