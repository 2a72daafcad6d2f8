import { createHmac } from "node:crypto"
import { GraphApiClient } from "../../src/lib/graph-api/client"
import { GraphApiError } from "../../src/lib/graph-api/errors"
import { waitFor } from "../../integration-tests/helpers/wait-for"
import { webhookReceiver } from "./webhook-receiver"
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createSandbox } = require("../graph-api")

// These specs wait for the sandbox's webhooks (conditions, not times): a loaded machine makes them slower, not red.
jest.setTimeout(60_000)

/**
 * The sandbox's account-level webhooks: each control changes what the fake
 * Meta does next (a paused template is refused, a customer who stopped
 * marketing gets no marketing template) and posts the webhook in Meta's shape,
 * signed like every other.
 */
describe("sandbox account-level webhooks", () => {
  const account = { waba_id: "320000000000001", phone_number_id: "320000000000002", access_token: "acc-token", display_phone_number: "+1 555 020 0000" }
  const store = webhookReceiver()
  /** Deliveries of one webhook field, parsed, oldest first (status webhooks of earlier sends may land in between). */
  const deliveries = (field: string) =>
    store.received.map((r) => ({ ...r, parsed: JSON.parse(r.body) })).filter((r) => r.parsed.entry[0].changes[0].field === field)
  const lastEntry = (field: string) => deliveries(field).at(-1)!.parsed.entry[0]
  const lastChange = (field: string) => lastEntry(field).changes[0]
  let sandbox: any
  let url: string
  let client: GraphApiClient

  beforeAll(async () => {
    sandbox = createSandbox({ accounts: [account], appSecret: "acc-secret", webhookUrl: await store.start(), statusDelayMs: 5 })
    sandbox.addTemplate({ waba_id: account.waba_id, name: "promo", language: "es", category: "MARKETING" })
    sandbox.addTemplate({ waba_id: account.waba_id, name: "order_update", language: "es", category: "UTILITY" })
    url = await sandbox.listen(0)
    client = new GraphApiClient({ baseUrl: url, version: "v21.0", accessToken: "acc-token" })
  })
  afterAll(async () => {
    await sandbox.close()
    await store.close()
  })

  const control = async (action: string, body: unknown) =>
    (await fetch(`${url}/__sandbox/${action}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()
  const template = (name: string) => ({ type: "template" as const, template: { name, language: { code: "es" } } })
  const refusal = (p: Promise<unknown>) => p.then(() => null, (e: GraphApiError) => e)
  const statusesOf = (wamid: string) =>
    deliveries("messages").flatMap((r) => r.parsed.entry[0].changes[0].value.statuses ?? []).filter((s: any) => s.id === wamid)

  it("pauses a template by webhook (with Meta's other_info) and then refuses it with 132015; disabling gives 132016", async () => {
    const other_info = { title: "FIRST_PAUSE", description: "Your WhatsApp message template has been paused for 3 hours." }
    const answer = await control("template-status", { name: "promo", language: "es", event: "PAUSED", other_info })
    expect(answer.webhook_status).toBe(200)
    const last = deliveries("message_template_status_update").at(-1)!
    expect(last.signature).toBe(`sha256=${createHmac("sha256", "acc-secret").update(last.body).digest("hex")}`)
    expect(last.parsed.entry[0]).toMatchObject({ id: account.waba_id, time: expect.any(Number) })
    expect(last.parsed.entry[0].changes[0]).toMatchObject({
      field: "message_template_status_update",
      value: { event: "PAUSED", message_template_name: "promo", message_template_language: "es", reason: "NONE", message_template_category: "MARKETING", other_info },
    })
    expect(await refusal(client.sendMessage(account.phone_number_id, "34600000001", template("promo")))).toMatchObject({ code: "132015" })
    await control("template-status", { name: "promo", language: "es", event: "DISABLED" })
    expect(lastChange("message_template_status_update").value.disable_info).toEqual({ disable_date: expect.any(String) })
    expect(await refusal(client.sendMessage(account.phone_number_id, "34600000001", template("promo")))).toMatchObject({ code: "132016" })
    await control("template-status", { name: "promo", language: "es", event: "APPROVED" })
    expect(await client.sendMessage(account.phone_number_id, "34600000001", template("promo"))).toMatchObject({ messaging_product: "whatsapp" })
    expect((await control("template-status", { name: "nope", language: "es", event: "PAUSED" })).error).toBe("no template nope (es)")
  })

  it("a customer who stops marketing gets a 131050 failure for a marketing template, not for a utility one, until they resume", async () => {
    await control("user-preferences", { wa_id: "34600000009", value: "stop" })
    expect(lastChange("user_preferences")).toMatchObject({
      field: "user_preferences",
      value: {
        metadata: { phone_number_id: account.phone_number_id, display_phone_number: "15550200000" },
        user_preferences: [{ wa_id: "34600000009", category: "marketing_messages", value: "stop", detail: expect.any(String), timestamp: expect.any(Number) }],
      },
    })
    // The phone simulator shows the choice from the business listing.
    expect((await (await fetch(`${url}/__sandbox/business`)).json()).marketing_stopped).toEqual([`${account.phone_number_id}:34600000009`])
    const marketing = await client.sendMessage(account.phone_number_id, "34600000009", template("promo"))
    const utility = await client.sendMessage(account.phone_number_id, "34600000009", template("order_update"))
    await waitFor(() => statusesOf(marketing.messages[0].id).length > 0 && statusesOf(utility.messages[0].id).length > 0)
    expect(statusesOf(marketing.messages[0].id)[0]).toMatchObject({ status: "failed", errors: [{ code: 131050 }] })
    expect(statusesOf(marketing.messages[0].id)[0].pricing).toBeUndefined()
    expect(statusesOf(utility.messages[0].id)[0]).toMatchObject({ status: "sent" })

    await control("user-preferences", { wa_id: "34600000009", value: "resume" })
    const again = await client.sendMessage(account.phone_number_id, "34600000009", template("promo"))
    await waitFor(() => statusesOf(again.messages[0].id).length > 0)
    expect(statusesOf(again.messages[0].id)[0]).toMatchObject({ status: "sent" })
  })

  it("prices statuses per message: a marketing template is billable, a utility template or a reply inside the window is free", async () => {
    await control("inbound", { from: "34600000010", text: "hola" })
    const reply = await client.sendMessage(account.phone_number_id, "34600000010", { type: "text", text: { body: "¡Hola!" } })
    const utility = await client.sendMessage(account.phone_number_id, "34600000010", template("order_update"))
    const marketing = await client.sendMessage(account.phone_number_id, "34600000011", template("promo"))
    const utilityOutside = await client.sendMessage(account.phone_number_id, "34600000011", template("order_update"))
    const ids = [reply, utility, marketing, utilityOutside].map((r) => r.messages[0].id)
    await waitFor(() => ids.every((id) => statusesOf(id).some((s: any) => s.status === "read")))
    const priced = (id: string) => statusesOf(id).find((s: any) => s.status === "delivered").pricing
    expect(priced(ids[0])).toEqual({ billable: false, pricing_model: "PMP", category: "service", type: "free_customer_service" })
    expect(priced(ids[1])).toEqual({ billable: false, pricing_model: "PMP", category: "utility", type: "free_customer_service" })
    expect(priced(ids[2])).toEqual({ billable: true, pricing_model: "PMP", category: "marketing", type: "regular" })
    expect(priced(ids[3])).toEqual({ billable: true, pricing_model: "PMP", category: "utility", type: "regular" })
  })

  it("posts account, quality and review updates addressed to the WABA, without metadata", async () => {
    await control("account-update", { event: "ACCOUNT_RESTRICTION", restriction_info: [{ restriction_type: "RESTRICTED_BIZ_INITIATED_MESSAGING", expiration: 1767225600 }] })
    await control("quality-update", { event: "UPGRADE", old_limit: "TIER_250", max_daily_conversations_per_business: "TIER_2K" })
    await control("account-review", { decision: "REJECTED" })
    const [update, quality, review] = ["account_update", "phone_number_quality_update", "account_review_update"].map(lastEntry)
    for (const entry of [update, quality, review]) {
      expect(entry.id).toBe(account.waba_id)
      expect(entry.changes[0].value.metadata).toBeUndefined()
    }
    expect(update.changes[0]).toMatchObject({ field: "account_update", value: { event: "ACCOUNT_RESTRICTION", restriction_info: [{ restriction_type: "RESTRICTED_BIZ_INITIATED_MESSAGING" }] } })
    expect(quality.changes[0]).toEqual({
      field: "phone_number_quality_update",
      value: { display_phone_number: "15550200000", event: "UPGRADE", old_limit: "TIER_250", max_daily_conversations_per_business: "TIER_2K" },
    })
    expect(review.changes[0]).toEqual({ field: "account_review_update", value: { decision: "REJECTED" } })
    // The phone number's own record follows the new tier.
    expect(await client.getPhoneNumber(account.phone_number_id)).toMatchObject({ messaging_limit_tier: "TIER_2K" })
  })

  it("echoes a message sent from the WhatsApp Business app, and the customer's phone shows it", async () => {
    const answer = await control("echo", { to: "34600000012", text: "Te lo guardo hasta mañana" })
    expect(lastChange("smb_message_echoes")).toMatchObject({
      field: "smb_message_echoes",
      value: { message_echoes: [{ from: "15550200000", to: "+34600000012", id: answer.wamid, type: "text", text: { body: "Te lo guardo hasta mañana" } }] },
    })
    const chat = await (await fetch(`${url}/__sandbox/conversation?phone=34600000012&phone_number_id=${account.phone_number_id}`)).json()
    expect(chat.messages).toEqual([expect.objectContaining({ direction: "business", wamid: answer.wamid })])
    expect((await control("echo", { to: "", text: "x" })).error).toBe("to and text are required")
  })
})
