import { createHmac } from "node:crypto"
import { GraphApiClient } from "../../src/lib/graph-api/client"
import { waitFor } from "../../integration-tests/helpers/wait-for"
import { webhookReceiver } from "./webhook-receiver"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createSandbox } = require("../graph-api")

// These specs wait for the sandbox's webhooks (conditions, not times): a loaded machine makes them slower, not red.
jest.setTimeout(60_000)

/**
 * What the phone simulator relies on: its page, one customer's chat in both
 * directions with ticks, signed webhooks for what the customer does, and
 * read receipts turning ticks blue.
 */
describe("sandbox for the phone simulator", () => {
  const account = { waba_id: "310000000000001", phone_number_id: "310000000000002", access_token: "sim-token", catalog_id: "310000000000003", verified_name: "Demo Moda" }
  const store = webhookReceiver()
  const received = store.received
  let sandbox: any
  let url: string
  let client: GraphApiClient

  beforeAll(async () => {
    sandbox = createSandbox({ accounts: [account], appSecret: "sim-secret", webhookUrl: await store.start(), statusDelayMs: 5 })
    url = await sandbox.listen(0)
    client = new GraphApiClient({ baseUrl: url, version: "v21.0", accessToken: "sim-token" })
  })
  afterAll(async () => {
    await sandbox.close()
    await store.close()
  })

  const get = async (path: string) => (await fetch(url + path)).json()
  const inbound = async (body: unknown) =>
    (await fetch(`${url}/__sandbox/inbound`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()

  it("serves the simulator page and its scripts, and nothing else from that folder", async () => {
    for (const [path, type] of [["/simulator", "text/html"], ["/", "text/html"], ["/simulator/app.js", "text/javascript"], ["/simulator/render.js", "text/javascript"], ["/simulator/style.css", "text/css"]]) {
      const res = await fetch(url + path)
      expect(res.status).toBe(200)
      expect(res.headers.get("content-type")).toContain(type)
    }
    expect((await fetch(`${url}/simulator/../graph-api.js`)).status).not.toBe(200)
    expect((await fetch(`${url}/simulator/secrets.json`)).status).toBe(404)
  })

  it("signs what the customer sends, shows both directions in order, and turns ticks blue when the store reads", async () => {
    const { wamid, webhook_status } = await inbound({ phone_number_id: account.phone_number_id, from: "34600999888", name: "Ana", text: "Hola" })
    expect(webhook_status).toBe(200)
    const delivered = received.at(-1)!
    expect(delivered.signature).toBe(`sha256=${createHmac("sha256", "sim-secret").update(delivered.body).digest("hex")}`)

    await client.sendMessage(account.phone_number_id, "34600999888", { type: "text", text: { body: "¡Hola Ana!" } })
    let chat = (await get(`/__sandbox/conversation?phone=34600999888&phone_number_id=${account.phone_number_id}`)).messages
    expect(chat.map((m: any) => [m.direction, m.message.text?.body])).toEqual([
      ["customer", "Hola"],
      ["business", "¡Hola Ana!"],
    ])
    expect(chat[0].status).toBe("delivered")

    await client.markAsRead(account.phone_number_id, wamid)
    chat = (await get(`/__sandbox/conversation?phone=34600999888&phone_number_id=${account.phone_number_id}`)).messages
    expect(chat[0].status).toBe("read")
    // The business message goes sent → delivered → read through status webhooks, like Meta's,
    // on timers: wait for the third one to have reached the store rather than for a number of ms.
    const statuses = () => received.map((r) => JSON.parse(r.body).entry[0].changes[0].value.statuses?.[0]?.status).filter(Boolean)
    await waitFor(() => statuses().length >= 3, { what: "three status webhooks" })
    // Each is its own HTTP delivery, so they may arrive in any order (as Meta's may: the store
    // never moves a status backwards); what counts is that all three came and the tick is blue.
    expect([...statuses()].sort()).toEqual(["delivered", "read", "sent"])
    chat = (await get(`/__sandbox/conversation?phone=34600999888&phone_number_id=${account.phone_number_id}`)).messages
    expect(chat[1].status).toBe("read")
    expect((await get(`/__sandbox/conversation?phone=34600111000`)).messages).toEqual([])
  })

  it("describes the business numbers without their tokens, and their templates", async () => {
    sandbox.addTemplate({ waba_id: account.waba_id, name: "order_update", language: "es", category: "UTILITY", components: [{ type: "BODY", text: "Tu pedido {{1}}: {{2}}" }] })
    const business = await get("/__sandbox/business")
    expect(business.accounts).toEqual([expect.objectContaining({ phone_number_id: account.phone_number_id, verified_name: "Demo Moda", catalog_id: account.catalog_id })])
    expect(JSON.stringify(business)).not.toContain("sim-token")
    expect(business.templates.map((t: any) => t.name)).toEqual(["order_update"])
  })
})
