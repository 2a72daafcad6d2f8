import { GraphApiClient } from "../../src/lib/graph-api/client"
import { GraphApiError } from "../../src/lib/graph-api/errors"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createSandbox } = require("../graph-api")

/** The fake must refuse what Meta refuses, or tests would pass that production fails. */
describe("sandbox Graph API", () => {
  const account = { waba_id: "300000000000001", phone_number_id: "300000000000002", access_token: "good-token", catalog_id: "300000000000003" }
  // A frozen clock: the throughput window counts on it, not on how fast this machine answers.
  let clock = Date.UTC(2026, 0, 15, 10, 0, 0)
  const sandbox = createSandbox({ accounts: [account], sendStatuses: false, now: () => clock })
  let client: GraphApiClient
  let url: string
  // Each test starts in a fresh one-second throughput window.
  beforeEach(() => {
    clock += 60_000
  })

  beforeAll(async () => {
    url = await sandbox.listen(0)
    client = new GraphApiClient({ baseUrl: url, version: "v21.0", accessToken: "good-token" })
    sandbox.addTemplate({ waba_id: account.waba_id, name: "hello", language: "es", components: [{ type: "BODY", text: "Hola {{1}}" }] })
    sandbox.addTemplate({ waba_id: account.waba_id, name: "paused_one", language: "es", status: "PAUSED" })
  })
  afterAll(() => sandbox.close())

  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: GraphApiError) => e)
  const list = (sections: number, perSection: number, header = "Camisetas") => ({
    type: "interactive" as const,
    interactive: {
      type: "product_list" as const,
      header: { type: "text" as const, text: header },
      body: { text: "Elige" },
      action: {
        catalog_id: account.catalog_id,
        sections: Array.from({ length: sections }, (_, s) => ({
          title: `S${s}`,
          product_items: Array.from({ length: perSection }, (_, i) => ({ product_retailer_id: `v${s}_${i}` })),
        })),
      },
    },
  })

  it("answers in Meta's shape with a wamid", async () => {
    const res = await client.sendMessage(account.phone_number_id, "34600000001", { type: "text", text: { body: "hola" } })
    expect(res).toMatchObject({ messaging_product: "whatsapp", contacts: [{ input: "34600000001", wa_id: "34600000001" }] })
    expect(res.messages[0].id).toMatch(/^wamid\./)
  })

  it("reaches a username customer by BSUID through `recipient`, and hides the phone they withhold", async () => {
    const inbound = await fetch(`${url}/__sandbox/inbound`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone_number_id: account.phone_number_id, from: "34600000777", text: "hola", username: "marta", hide_phone: true }),
    }).then((r) => r.json())
    const value = inbound.payload.entry[0].changes[0].value
    expect(value.messages[0].from).toBeUndefined()
    expect(value.contacts[0]).toMatchObject({ profile: { username: "@marta" } })
    expect(value.contacts[0].wa_id).toBeUndefined()
    const bsuid = value.messages[0].from_user_id
    expect(bsuid).toMatch(/^ES\.\d{20}$/)

    const sent = await client.sendMessage(account.phone_number_id, { recipient: bsuid }, { type: "text", text: { body: "¡hola!" } })
    expect(sent.contacts).toEqual([{ input: bsuid, user_id: bsuid }])
    expect(await refusal(client.sendMessage(account.phone_number_id, { recipient: "ES.999" }, { type: "text", text: { body: "x" } }))).toMatchObject({ code: "100" })
    // A phone in `recipient` is an invalid value (131009, Meta's error table).
    expect(await refusal(client.sendMessage(account.phone_number_id, { recipient: "34600000777" }, { type: "text", text: { body: "x" } }))).toMatchObject({ code: "131009" })
  })

  it("refuses authentication templates to a BSUID with 131062", async () => {
    sandbox.addTemplate({ waba_id: account.waba_id, name: "login_code", language: "es", category: "AUTHENTICATION" })
    const inbound = await fetch(`${url}/__sandbox/inbound`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone_number_id: account.phone_number_id, from: "34600000778", text: "hola" }),
    }).then((r) => r.json())
    const bsuid = inbound.payload.entry[0].changes[0].value.contacts[0].user_id
    const template = { type: "template" as const, template: { name: "login_code", language: { code: "es" } } }
    expect(await refusal(client.sendMessage(account.phone_number_id, { recipient: bsuid }, template))).toMatchObject({ code: "131062" })
    await expect(client.sendMessage(account.phone_number_id, "34600000778", template)).resolves.toMatchObject({ contacts: [{ wa_id: "34600000778" }] })
  })

  it("checks the bearer token", async () => {
    const bad = new GraphApiClient({ baseUrl: url, version: "v21.0", accessToken: "stolen" })
    expect(await refusal(bad.sendMessage(account.phone_number_id, "34600000001", { type: "text", text: { body: "x" } }))).toMatchObject({ status: 401, code: "190" })
  })

  it("enforces body, footer and product list limits", async () => {
    const long = { type: "interactive" as const, interactive: { type: "button" as const, body: { text: "x".repeat(1025) }, footer: { text: "y".repeat(61) }, action: { buttons: [{ type: "reply" as const, reply: { id: "1", title: "Sí" } }] } } }
    const tooLong = await refusal(client.sendMessage(account.phone_number_id, "34600000001", long))
    // Meta's codes: 131009 for a value out of bounds, 131008 for a missing required one.
    expect(tooLong).toMatchObject({ status: 400, code: "131009" })
    expect((tooLong as GraphApiError).details).toMatch(/at most 1024.*at most 60|at most 60.*at most 1024/s)
    expect(await refusal(client.sendMessage(account.phone_number_id, "34600000001", list(2, 16)))).toMatchObject({ code: "131009" })
    expect(await refusal(client.sendMessage(account.phone_number_id, "34600000001", list(11, 1)))).toMatchObject({ code: "131009" })
    expect(await refusal(client.sendMessage(account.phone_number_id, "34600000001", list(1, 3, "")))).toMatchObject({ code: "131008" })
    expect(await client.sendMessage(account.phone_number_id, "34600000001", list(10, 3))).toMatchObject({ messaging_product: "whatsapp" })
  })

  it("answers Meta's codes: 100 for an unknown parameter, 131008 for a missing one, 131009 for an invalid value", async () => {
    const post = (body: unknown) =>
      fetch(`${url}/v21.0/${account.phone_number_id}/messages`, {
        method: "POST",
        headers: { authorization: "Bearer good-token", "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, error: (await r.json()).error }))
    const text = { messaging_product: "whatsapp", to: "34600000001", type: "text", text: { body: "hola" } }
    expect(await post({ ...text, colour: "red" })).toMatchObject({ status: 400, error: { code: 100, error_data: { details: 'Unexpected key "colour" on the message' } } })
    expect(await post({ ...text, text: {} })).toMatchObject({ status: 400, error: { code: 131008, message: "(#131008) Required parameter is missing" } })
    expect(await post({ ...text, to: "not-a-number" })).toMatchObject({ status: 400, error: { code: 131009, message: "(#131009) Parameter value is not valid" } })
    // An unknown key wins over the other problems of the same message, as the most basic one.
    expect((await post({ ...text, text: {}, colour: "red" })).error.code).toBe(100)
  })

  it("requires a product_list section title only when there is more than one section", async () => {
    const untitled = (sections: number) => {
      const message = list(sections, 2) as any
      message.interactive.action.sections.forEach((s: any) => delete s.title)
      return message
    }
    expect(await client.sendMessage(account.phone_number_id, "34600000001", untitled(1))).toMatchObject({ messaging_product: "whatsapp" })
    const two = await refusal(client.sendMessage(account.phone_number_id, "34600000001", untitled(2)))
    expect(two).toMatchObject({ code: "131008" })
    expect((two as GraphApiError).details).toContain("sections[0]['title'] is required")
  })

  it("accepts only existing, approved templates with the right parameters", async () => {
    const template = (name: string, params: string[]) => ({
      type: "template" as const,
      template: { name, language: { code: "es" }, components: [{ type: "body" as const, parameters: params.map((text) => ({ type: "text" as const, text })) }] },
    })
    expect(await client.sendMessage(account.phone_number_id, "34600000001", template("hello", ["Ana"]))).toBeTruthy()
    expect(await refusal(client.sendMessage(account.phone_number_id, "34600000001", template("nope", [])))).toMatchObject({ code: "132001" })
    expect(await refusal(client.sendMessage(account.phone_number_id, "34600000001", template("paused_one", [])))).toMatchObject({ code: "132015" })
    expect(await refusal(client.sendMessage(account.phone_number_id, "34600000001", template("hello", [])))).toMatchObject({ code: "132000" })
  })

  it("checks URL-button and currency parameters, and fails marketing templates to US numbers like Meta", async () => {
    sandbox.addTemplate({
      waba_id: account.waba_id,
      name: "reminder",
      language: "en",
      category: "MARKETING",
      components: [{ type: "BODY", text: "Hi {{1}}, {{2}} waits" }, { type: "BUTTONS", buttons: [{ type: "URL", text: "Pay", url: "https://shop.example/{{1}}" }] }],
    })
    const reminder = (button: unknown[] | null, amount: unknown = 64650) => ({
      type: "template" as const,
      template: {
        name: "reminder",
        language: { code: "en" },
        components: [
          { type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "currency", currency: { fallback_value: "€64.65", code: "EUR", amount_1000: amount } }] },
          ...(button ? [{ type: "button", sub_type: "url", index: "0", parameters: button }] : []),
        ],
      } as any,
    })
    expect(await refusal(client.sendMessage(account.phone_number_id, "34600000001", reminder(null)))).toMatchObject({ code: "132000" })
    expect(await refusal(client.sendMessage(account.phone_number_id, "34600000001", reminder([{ type: "text", text: "tok" }], 64.65)))).toMatchObject({ code: "100" })
    const ok = await client.sendMessage(account.phone_number_id, "34600000001", reminder([{ type: "text", text: "tok" }]))
    const us = await client.sendMessage(account.phone_number_id, "14155550123", reminder([{ type: "text", text: "tok" }]))
    const sent = (wamid: string) => sandbox.state.messages.find((m: any) => m.wamid === wamid)
    expect(sent(ok.messages[0].id).failure).toBeNull()
    expect(sent(us.messages[0].id).failure).toMatchObject({ code: 131049 })
  })

  it("throttles beyond 80 messages per second with Meta's 130429 until the window has passed", async () => {
    const send = (to: string) => refusal(client.sendMessage(account.phone_number_id, to, { type: "text", text: { body: "x" } }))
    const results = await Promise.all(Array.from({ length: 90 }, (_, i) => send(`3460000${1000 + i}`)))
    const throttled = results.filter((r) => r !== null)
    expect(results.filter((r) => r === null)).toHaveLength(80)
    expect(throttled).toHaveLength(10)
    for (const error of throttled) expect(error).toMatchObject({ status: 429, code: "130429", message: expect.stringContaining("Rate limit hit") })
    // Refused sends were not sent: the fake recorded exactly the 80 it accepted.
    expect(sandbox.state.messages.filter((m: any) => m.at === clock)).toHaveLength(80)

    clock += 999
    expect(await send("34600002000")).toMatchObject({ code: "130429" })
    clock += 1
    expect(await send("34600002001")).toBeNull()
  })

  it("injects server errors and 429s on demand", async () => {
    sandbox.state.faults = { rate5xx: 1, rate429: 0, latencyMs: 0 }
    expect(await refusal(client.sendMessage(account.phone_number_id, "34600000002", { type: "text", text: { body: "x" } }))).toMatchObject({ status: 500 })
    sandbox.state.faults = { rate5xx: 0, rate429: 1, latencyMs: 0 }
    expect(await refusal(client.sendMessage(account.phone_number_id, "34600000002", { type: "text", text: { body: "x" } }))).toMatchObject({ status: 429, code: "130429" })
    sandbox.state.faults = { rate5xx: 0, rate429: 0, latencyMs: 0 }
    expect(await refusal(client.sendMessage(account.phone_number_id, "34600000002", { type: "text", text: { body: "x" } }))).toBeNull()
  })

  it("serves phone number info, webhook subscription, templates and commerce settings", async () => {
    expect(await client.getPhoneNumber(account.phone_number_id)).toMatchObject({ quality_rating: "GREEN", messaging_limit_tier: "TIER_1K" })
    expect((await client.getSubscribedApps(account.waba_id)).data).toEqual([])
    await client.subscribeApp(account.waba_id)
    expect((await client.getSubscribedApps(account.waba_id)).data).toHaveLength(1)
    expect((await client.listTemplates(account.waba_id)).data.map((t) => t.name)).toEqual(["hello", "paused_one", "login_code", "reminder"])
    await client.updateCommerceSettings(account.phone_number_id, { is_cart_enabled: true })
    expect((await client.getCommerceSettings(account.phone_number_id)).data[0]).toMatchObject({ is_cart_enabled: true, is_catalog_visible: false })
  })

  // Meta's examples: https://developers.facebook.com/documentation/business-messaging/whatsapp/solution-providers/manage-webhooks
  it("lists the subscribed app on /{waba-id}/subscribed_apps only after POST, and none after DELETE, in Meta's shape", async () => {
    const other = { waba_id: "300000000000011", phone_number_id: "300000000000012", access_token: "other-token" }
    sandbox.addAccount(other)
    const call = (method: string, waba: string, token: string) =>
      fetch(`${url}/v21.0/${waba}/subscribed_apps`, { method, headers: { authorization: `Bearer ${token}` } }).then(async (r) => ({ status: r.status, body: await r.json() }))

    expect(await call("GET", other.waba_id, other.access_token)).toEqual({ status: 200, body: { data: [] } })
    expect(await call("POST", other.waba_id, other.access_token)).toEqual({ status: 200, body: { success: true } })
    const listed = await call("GET", other.waba_id, other.access_token)
    expect(listed.body.data).toHaveLength(1)
    const app = listed.body.data[0].whatsapp_business_api_data
    expect(Object.keys(app).sort()).toEqual(["id", "link", "name"])
    expect(app.id).toMatch(/^\d+$/)
    expect(app.link).toBe(`https://www.facebook.com/games/?app_id=${app.id}`)
    // Subscribing one WABA leaves the others as they were; a token of another WABA is refused.
    expect((await call("GET", "300000000000001", "good-token")).body.data).toHaveLength(1)
    expect((await call("GET", other.waba_id, "good-token")).status).toBe(401)
    expect(await call("DELETE", other.waba_id, other.access_token)).toEqual({ status: 200, body: { success: true } })
    expect(await call("GET", other.waba_id, other.access_token)).toEqual({ status: 200, body: { data: [] } })
  })
})
