import fs from "node:fs"
import path from "node:path"
import { Browser } from "../helpers/checkout-browser"
import { demoPorts, startDemo as startDemoProcess, stopDemo } from "../helpers/demo-process"
import { waitFor } from "../helpers/wait-for"
const { ping } = require("../../scripts/private-redis")

/**
 * `npm run demo` end to end: embedded PostgreSQL, migrations, seed, admin
 * login, and a second start that keeps the data and does not seed again —
 * split as in production (`--workers 1 --servers 1`): an API server and a
 * worker on a private Redis behind the demo's proxy.
 */
const { port, sandboxPort, paymentsPort, stateDir } = demoPorts()
const started: ReturnType<typeof startDemoProcess>[] = []
const startDemo = (args: string[] = [], env: Record<string, string> = {}) => {
  const demo = startDemoProcess({ port, sandboxPort, paymentsPort, stateDir }, env, args)
  started.push(demo)
  return demo
}

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

/** A customer writes in the phone: the sandbox posts the signed webhook to the store. */
async function customerWrites(from: string, text: string) {
  const inbound = await fetch(`http://127.0.0.1:${sandboxPort}/__sandbox/inbound`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ from, text }),
  }).then((r) => r.json())
  expect(inbound.webhook_status).toBe(200)
}

function postgresRunningIn(dir: string) {
  return fs.existsSync(path.join(dir, "pgdata/postmaster.pid"))
}

describe("npm run demo", () => {
  afterAll(async () => {
    // A failed assertion must not leave a demo running.
    for (const demo of started) await stopDemo(demo.child)
    fs.rmSync(stateDir, { recursive: true, force: true })
  })

  it("starts, seeds once, logs in, and restarts split into a server and a worker on the same data", async () => {
    const first = startDemo()
    await first.ready
    expect(first.output()).toContain("demo: store seeded")
    expect(first.output()).toContain("Admin:      http://localhost:")
    expect(first.output()).toContain(`Payments:   http://127.0.0.1:${paymentsPort}/__payments/state`)
    // A first start on an empty database is clean: the discovery index is live
    // before the seed creates products, so no product event is refused
    // ("has no active version yet") and nothing logs a stack trace.
    expect(first.output()).not.toContain("has no active version")
    // (Medusa logs JSON here, so a stack frame may follow an escaped "\n".)
    expect(first.output()).not.toMatch(/(^|\\n) {4}at \S+ \(?\S+:\d+:\d+/m)
    expect(first.output().match(/discovery search index \\?"whatsapp_product\\?" built and active/g)).toHaveLength(1)
    // Medusa runs as in production: built once, `medusa start` with NODE_ENV=production.
    expect(first.output()).toContain("starting Medusa (production mode)")
    // Without --workers: one process, no Redis, no proxy.
    expect(first.output()).not.toMatch(/redis-server|^\[proxy\]/m)
    // The demo subscribed the app to the WABA's webhooks, so the connection check is all green.
    expect(first.output()).toMatch(/connection check .*: all green \(.*Webhook subscription ok/)

    const health = await fetch(`http://127.0.0.1:${port}/health`)
    expect(await health.text()).toBe("OK")
    const headers = await login()
    const products = await fetch(`http://127.0.0.1:${port}/admin/products?limit=1`, { headers }).then((r) => r.json())
    expect(products.count).toBe(30)
    const accounts = await fetch(`http://127.0.0.1:${port}/admin/whatsapp/accounts`, { headers }).then((r) => r.json())
    expect(accounts.accounts).toHaveLength(1)
    const check = await fetch(`http://127.0.0.1:${port}/admin/whatsapp/accounts/${accounts.accounts[0].id}/health`, { headers }).then((r) => r.json())
    expect(check.lines.find((l: { key: string }) => l.key === "webhook_subscription")).toMatchObject({ ok: true })
    expect(check.ok).toBe(true)
    // One "Default Sales Channel": the one Medusa creates, reused by the seed.
    const channels = await fetch(`http://127.0.0.1:${port}/admin/sales-channels?name=Default%20Sales%20Channel`, { headers }).then((r) => r.json())
    expect(channels.sales_channels).toHaveLength(1)
    expect(accounts.accounts[0].access_token).toMatch(/^••••/)
    const image = await fetch(`http://127.0.0.1:${port}/static/products/camiseta-basica-rojo.png`)
    expect(image.headers.get("content-type")).toBe("image/png")

    // The demo's sandbox is wired to the store: a customer message arrives in the inbox.
    await customerWrites("34699000001", "Hola, ¿tienen camisetas?")
    const conversations = await waitFor(async () => {
      const body = await fetch(`http://127.0.0.1:${port}/admin/whatsapp/conversations`, { headers }).then((r) => r.json())
      return body.count > 0 && body
    }, { timeoutMs: 120_000, intervalMs: 200, what: "the conversation in the inbox" })
    expect(conversations.conversations[0]).toMatchObject({ wa_id: "34699000001", window_open: true })

    // The demo's catalog is connected and synced with the sandbox at start.
    expect(first.output()).toMatch(/catalog 100000000000003: completed/)
    const catalog = await fetch(`http://127.0.0.1:${sandboxPort}/__sandbox/catalog?id=100000000000003`).then((r) => r.json())
    expect(catalog.items).toHaveLength(249)
    // Every variant is synced with the image of its own colour.
    const { data: variants } = await fetch(`http://127.0.0.1:${port}/admin/product-variants?fields=id,sku,options.value&limit=300`, { headers }).then(
      async (r) => ({ data: (await r.json()).variants })
    )
    const colourOf = new Map<string, string>(variants.map((v: any) => [v.id, v.sku.split("-").pop().toLowerCase()]))
    const itemImage = (sku: string) => {
      const variant = variants.find((v: any) => v.sku === sku)
      return catalog.items.find((i: any) => i.retailer_id === variant.id)?.image_link
    }
    expect(itemImage("CAMISETA-BASICA-M-ROJO")).toMatch(/\/static\/products\/camiseta-basica-rojo\.png$/)
    expect(itemImage("CAMISETA-BASICA-M-AZUL")).toMatch(/\/static\/products\/camiseta-basica-azul\.png$/)
    const mismatched = catalog.items.filter((i: any) => {
      const colour = colourOf.get(i.retailer_id)
      return !colour || !String(i.image_link).endsWith(`-${colour}.png`)
    })
    expect(mismatched).toEqual([])

    // Discovery search works on the first start: the index built at migration took every seeded product.
    await customerWrites("34699000002", "camiseta roja")
    let answer: any
    for (let i = 0; i < 50 && !answer; i++) {
      await new Promise((r) => setTimeout(r, 200))
      const { messages } = await fetch(`http://127.0.0.1:${sandboxPort}/__sandbox/messages?to=34699000002`).then((r) => r.json())
      answer = messages.find((m: any) => m.body?.type === "interactive")
    }
    const skuOf = new Map<string, string>(variants.map((v: any) => [v.id, v.sku]))
    const offered = (JSON.stringify(answer.body.interactive).match(/variant_[0-9A-Z]+/g) ?? []).map((id) => skuOf.get(id))
    expect(offered).toContainEqual(expect.stringMatching(/^CAMISETA-.*-ROJO$/))

    await stopDemo(first.child)
    expect(postgresRunningIn(stateDir)).toBe(false)

    // `http`: the demo's default level, where the servers write their access log.
    const second = startDemo(["--workers", "1", "--servers=1"], { LOG_LEVEL: "http" })
    await second.ready
    const redisPort = Number(/private redis-server on 127\.0\.0\.1:(\d+)/.exec(second.output())?.[1])
    expect(await ping(redisPort)).toBe(true)
    expect(second.output()).toMatch(/Processes: {2}server-1 :\d+, worker-1 :\d+, behind the proxy on port/)
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

    // A customer sends a cart: the webhook goes through the proxy to the
    // server, the worker answers, and the checkout link carries the public
    // URL (the proxy's), not the port of the worker that built it.
    const item = refilled.items.find((i: any) => i.availability === "in stock")
    const [value, currency] = String(item.price).split(" ")
    const order = await fetch(`http://127.0.0.1:${sandboxPort}/__sandbox/inbound`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: "34699000003", type: "order", product_items: [{ product_retailer_id: item.retailer_id, quantity: 1, item_price: Number(value), currency }] }),
    }).then((r) => r.json())
    expect(order.webhook_status).toBe(200)
    const summary = await waitFor(async () => {
      const { messages } = await fetch(`http://127.0.0.1:${sandboxPort}/__sandbox/messages?to=34699000003`).then((r) => r.json())
      return messages.find((m: any) => JSON.stringify(m).includes("/whatsapp/checkout/"))
    }, { timeoutMs: 120_000, intervalMs: 200, what: "the cart summary with its checkout link" })
    const link = /https?:\/\/[^"\s]+\/whatsapp\/checkout\/[^"\s]+/.exec(JSON.stringify(summary))![0]
    expect(link.startsWith(`http://localhost:${port}/whatsapp/checkout/`)).toBe(true)
    const page = await new Browser(`http://localhost:${port}`).get(new URL(link).pathname)
    expect(page.status).toBe(200)

    // The log tells who did what: the server took the webhook, the worker
    // took up the message and queued the answer; neither did the other's part.
    const log = second.output()
    expect(log).toMatch(/^\[server-1\] http {2}POST \/whatsapp\/webhook 200/m)
    expect(log).toMatch(/^\[worker-1\] info {2}whatsapp: inbound order message \S+ taken up here/m)
    expect(log).toMatch(/^\[worker-1\] info {2}whatsapp: outbound message \S+ queued → sending/m)
    expect(log).not.toMatch(/^\[server-1\] .*whatsapp: (inbound|outbound) .*message/m)
    expect(log).not.toMatch(/^\[worker-1\] http /m)

    await stopDemo(second.child)
    expect(postgresRunningIn(stateDir)).toBe(false)
    expect(await ping(redisPort)).toBe(false)
  }, 600_000)
})
