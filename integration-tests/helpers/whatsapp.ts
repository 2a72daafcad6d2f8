import http from "node:http"
import { ChildProcess, fork } from "node:child_process"
import { createHmac } from "node:crypto"
import path from "node:path"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

// The sandbox is plain JavaScript (it also runs as `npm run sandbox`).
// eslint-disable-next-line @typescript-eslint/no-var-requires
export const { createSandbox } = require(path.resolve(__dirname, "../../sandbox/graph-api.js"))
// eslint-disable-next-line @typescript-eslint/no-var-requires
export const { metaJson } = require(path.resolve(__dirname, "../../sandbox/webhooks.js"))

export const APP_SECRET = "integration-app-secret"
export const VERIFY_TOKEN = "integration-verify-token"

export const TEST_ACCOUNT = {
  name: "Tienda Test",
  waba_id: "200000000000001",
  phone_number_id: "200000000000002",
  access_token: "test-access-token-0001",
  display_phone_number: "+1 555 020 0000",
}

/** The Spanish shop's recovery template in the sandbox: body {{1}} name, {{2}} total; URL button {{1}} the checkout link's suffix. */
export const CART_REMINDER_TEMPLATE = {
  waba_id: TEST_ACCOUNT.waba_id,
  name: "cart_reminder",
  language: "es",
  category: "MARKETING",
  components: [
    { type: "BODY", text: "Hola {{1}}, tu carrito de {{2}} te espera." },
    { type: "BUTTONS", buttons: [{ type: "URL", text: "Pagar", url: "http://127.0.0.1/whatsapp/checkout/{{1}}" }] },
  ],
}

/** The Spanish shop's order-update template in the sandbox: body {{1}} order number, {{2}} what happened. */
export const ORDER_UPDATE_TEMPLATE = {
  waba_id: TEST_ACCOUNT.waba_id,
  name: "order_update",
  language: "es",
  category: "UTILITY",
  components: [{ type: "BODY", text: "Tu pedido {{1}}: {{2}}" }],
}

/** Transport tests count messages: the account answers nothing on its own. */
export const NO_AUTO_REPLY = { text_auto_reply: false }

export function sign(body: string | Buffer, secret = APP_SECRET) {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`
}

let counter = 0
export function wamid() {
  counter++
  return `wamid.TEST${Date.now().toString(36)}${counter.toString(36).padStart(6, "0")}`
}

export function envelope(value: Record<string, unknown>, phoneNumberId = TEST_ACCOUNT.phone_number_id) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: TEST_ACCOUNT.waba_id,
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550200000", phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  }
}

export function textPayload(opts: { from: string; text: string; id?: string; name?: string; phoneNumberId?: string; timestamp?: number }) {
  return envelope(
    {
      contacts: [{ profile: { name: opts.name ?? "Cliente" }, wa_id: opts.from }],
      messages: [
        {
          from: opts.from,
          id: opts.id ?? wamid(),
          timestamp: String(opts.timestamp ?? Math.floor(Date.now() / 1000)),
          type: "text",
          text: { body: opts.text },
        },
      ],
    },
    opts.phoneNumberId
  )
}

/** A text sent from a product of the WhatsApp catalog ("message business" on it): Meta's `context.referred_product`. */
export function productQuestionPayload(opts: { from: string; name?: string; catalogId: string; retailerId: string; text: string; id?: string }) {
  return envelope({
    contacts: [{ profile: { name: opts.name ?? "Cliente" }, wa_id: opts.from }],
    messages: [
      {
        from: opts.from,
        id: opts.id ?? wamid(),
        timestamp: String(Math.floor(Date.now() / 1000)),
        type: "text",
        text: { body: opts.text },
        context: { from: "15550200000", id: wamid(), referred_product: { catalog_id: opts.catalogId, product_retailer_id: opts.retailerId } },
      },
    ],
  })
}

export function statusPayload(statuses: { id: string; status: string; recipient?: string; errors?: unknown[]; timestamp?: number }[]) {
  return envelope({
    statuses: statuses.map((s) => ({
      id: s.id,
      status: s.status,
      timestamp: String(s.timestamp ?? Math.floor(Date.now() / 1000)),
      recipient_id: s.recipient ?? "34600000001",
      ...(s.errors ? { errors: s.errors } : {}),
    })),
  })
}

/** POSTs a body signed like Meta (over the exact bytes sent). */
export async function postWebhook(baseUrl: string, body: string | object, options: { secret?: string; signature?: string | null } = {}) {
  const raw = typeof body === "string" ? body : metaJson(body)
  const headers: Record<string, string> = { "content-type": "application/json" }
  const signature = options.signature === undefined ? sign(raw, options.secret) : options.signature
  if (signature !== null) headers["x-hub-signature-256"] = signature
  return requestOnce(`${baseUrl}/whatsapp/webhook`, { method: "POST", headers, body: raw })
}

/**
 * One HTTP request on its own connection (`agent: false`, `Connection: close`).
 * Pooled keep-alive sockets race the server's idle timeout: on a starved
 * client event loop a socket the server has just closed gets reused and the
 * request fails with ECONNRESET before the server ever sees it, a reset of
 * the test's client that says nothing about the code under test. Meta itself
 * redelivers on such failures; these tests assert on single deliveries.
 */
export function requestOnce(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? "GET", headers: { ...init.headers, connection: "close" }, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on("data", (chunk: Buffer) => chunks.push(chunk))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }))
      res.on("error", reject)
    })
    req.on("error", reject)
    req.end(init.body)
  })
}

export { waitFor } from "./wait-for"

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function inParallel<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        results[i] = await fn(items[i], i)
      }
    })
  )
  return results
}

/**
 * Starts a sandbox for a spec file before Medusa boots, pointing the host's
 * `graphApiUrl` at it, and stops it after the file.
 */
export function useSandbox(options: Record<string, unknown>) {
  const sandbox = createSandbox({ appSecret: APP_SECRET, ...options })
  const handle = {
    sandbox,
    url: "",
    /** POSTs a `/__sandbox/<action>` control (a customer writes, a template changes…) and returns its JSON answer. */
    control: async (action: string, body: unknown = {}): Promise<any> =>
      (await fetch(`${handle.url}/__sandbox/${action}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json(),
  }
  beforeAll(async () => {
    handle.url = await sandbox.listen(0)
    process.env.WHATSAPP_GRAPH_API_URL = handle.url
  })
  afterAll(async () => {
    await sandbox.close()
    delete process.env.WHATSAPP_GRAPH_API_URL
  })
  return handle
}

/**
 * The sandbox as its own process, for measurements: arrival times are then
 * taken on an event loop that Medusa does not share, like Meta's.
 */
export function useSandboxProcess(options: Record<string, unknown>) {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { freePort } = require(path.resolve(__dirname, "../../scripts/embedded-postgres.js"))
  let child: ChildProcess | null = null
  const call = async (pathname: string, body?: unknown) => {
    const res = await fetch(`${handle.url}${pathname}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return res.json()
  }
  const handle = {
    url: "",
    messages: async (): Promise<any[]> => (await call("/__sandbox/messages")).messages,
    configure: (config: Record<string, unknown>) => call("/__sandbox/config", config),
    faults: (faults: Record<string, unknown>) => call("/__sandbox/faults", faults),
    reset: () => call("/__sandbox/reset", {}),
  }
  beforeAll(async () => {
    const port = await freePort()
    child = fork(path.resolve(__dirname, "../../sandbox/start.js"), [], {
      env: { ...process.env, NODE_OPTIONS: "", SANDBOX_PORT: String(port), SANDBOX_CONFIG: JSON.stringify({ appSecret: APP_SECRET, ...options }) },
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    })
    handle.url = await new Promise<string>((resolve, reject) => {
      child!.on("message", (m: any) => m?.ready && resolve(m.ready))
      child!.on("exit", (code) => reject(new Error(`sandbox exited with ${code}`)))
    })
    process.env.WHATSAPP_GRAPH_API_URL = handle.url
  })
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.on("exit", r))
      child.kill("SIGTERM")
      await exited
    }
    delete process.env.WHATSAPP_GRAPH_API_URL
  })
  return handle
}

/**
 * Collects the data of the named Medusa events for assertions, emptied
 * before each test. Call inside the test suite, before its own hooks.
 */
export function recordEvents(getContainer: () => MedusaContainer, names: string[]) {
  const events: Record<string, any[]> = {}
  beforeAll(() => {
    const bus = getContainer().resolve(Modules.EVENT_BUS)
    for (const name of names) {
      bus.subscribe(name, async (event: any) => {
        ;(events[name] ??= []).push(event.data)
      }, { subscriberId: `test-${name}` })
    }
  })
  beforeEach(() => {
    for (const key of Object.keys(events)) delete events[key]
  })
  return events
}

export const numberSchedule = (phoneNumberId: string) => `number:${phoneNumberId}`

/**
 * Shared pacing, checked on the number's own schedule rather than on arrival
 * times at the fake (those depend on this machine's load; the rate itself is
 * measured by `npm run bench -- recovery`). Every booking moves the one
 * schedule on by a full interval, so `sends` bookings leave it at least
 * `sends` intervals past its creation; per-process pacing would leave no
 * row, and several schedules each a fraction of that.
 */
export async function expectSendsBookedOnOneSchedule(
  /** Runs SQL with `?` placeholders. */
  rows: (sql: string, params: unknown[]) => Promise<any[]>,
  input: { phoneNumberId: string; sends: number; messagesPerSecond: number }
) {
  const { PACING_HEADROOM } = require(path.resolve(__dirname, "../../.medusa/server/src/modules/whatsapp/dispatcher.js"))
  const intervalMs = 1000 / (input.messagesPerSecond * PACING_HEADROOM)
  const [schedule] = await rows(
    `select extract(epoch from tat) * 1000 as tat, extract(epoch from created_at) * 1000 as created from whatsapp_rate_limit where id = ?`,
    [numberSchedule(input.phoneNumberId)]
  )
  expect(schedule).toBeDefined()
  expect(Number(schedule.tat) - Number(schedule.created)).toBeGreaterThanOrEqual(input.sends * intervalMs - 1)
}
