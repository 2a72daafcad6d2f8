import { authorizeWebhook, WebhookSecretBook } from "../webhook-authorization"
import { signWebhookBody } from "../webhook-signature"

const change = (phoneNumberId: string) => ({ field: "messages", value: { metadata: { phone_number_id: phoneNumberId }, messages: [] } })
const body = (...phones: string[]) => Buffer.from(JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "1", changes: phones.map(change) }] }))

// A has no secret of its own (plugin's), B and C have their own, D shares B's app.
const book: WebhookSecretBook = {
  accounts: new Map<string, string | null>([
    ["A", null],
    ["B", "secret-b"],
    ["C", "secret-c"],
    ["D", "secret-b"],
  ]),
  pluginSecret: "plugin-secret",
}

describe("authorizeWebhook", () => {
  it("accepts a single-account body signed with that account's secret", () => {
    expect(authorizeWebhook(body("A"), signWebhookBody(body("A"), "plugin-secret"), book)).toEqual({ ok: true, phoneNumberIds: ["A"] })
    expect(authorizeWebhook(body("B"), signWebhookBody(body("B"), "secret-b"), book)).toEqual({ ok: true, phoneNumberIds: ["B"] })
  })

  it("refuses an account with its own secret signed with the plugin's", () => {
    expect(authorizeWebhook(body("B"), signWebhookBody(body("B"), "plugin-secret"), book)).toEqual({ ok: false, reason: "account-secret-mismatch" })
  })

  it("refuses a body mixing accounts of different secrets, whichever of them signed it", () => {
    const mixed = body("A", "B")
    for (const secret of ["secret-b", "plugin-secret"]) {
      expect(authorizeWebhook(mixed, signWebhookBody(mixed, secret), book)).toEqual({ ok: false, reason: "account-secret-mismatch" })
    }
    expect(authorizeWebhook(body("B", "C"), signWebhookBody(body("B", "C"), "secret-c"), book).ok).toBe(false)
  })

  it("accepts several numbers of one app (same secret) and numbers no account has", () => {
    expect(authorizeWebhook(body("B", "D"), signWebhookBody(body("B", "D"), "secret-b"), book)).toEqual({ ok: true, phoneNumberIds: ["B", "D"] })
    expect(authorizeWebhook(body("B", "Z"), signWebhookBody(body("B", "Z"), "secret-b"), book).ok).toBe(true)
  })

  it("refuses unknown secrets and bad headers; accepts a signed non-JSON body naming nobody", () => {
    expect(authorizeWebhook(body("A"), signWebhookBody(body("A"), "nope"), book)).toEqual({ ok: false, reason: "signature" })
    expect(authorizeWebhook(body("A"), undefined, book)).toEqual({ ok: false, reason: "signature" })
    const junk = Buffer.from('{"entry":[')
    expect(authorizeWebhook(junk, signWebhookBody(junk, "secret-c"), book)).toEqual({ ok: true, phoneNumberIds: [] })
  })

  it("gives an account without a secret, when the plugin has none, nothing it accepts", () => {
    const bare: WebhookSecretBook = { accounts: new Map([["A", null], ["B", "secret-b"]]), pluginSecret: null }
    expect(authorizeWebhook(body("A"), signWebhookBody(body("A"), "secret-b"), bare)).toEqual({ ok: false, reason: "account-secret-mismatch" })
  })

  it("checks an account-level change (no phone number id) against every account of its WABA", () => {
    const wabaBook: WebhookSecretBook = { ...book, wabas: new Map([["waba-bd", ["B", "D"]], ["waba-c", ["C"]]]) }
    const templateStatus = (waba: string) =>
      Buffer.from(JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: waba, time: 1, changes: [{ field: "message_template_status_update", value: { event: "PAUSED" } }] }] }))
    expect(authorizeWebhook(templateStatus("waba-bd"), signWebhookBody(templateStatus("waba-bd"), "secret-b"), wabaBook)).toEqual({ ok: true, phoneNumberIds: [] })
    // Signed by another app the plugin knows: not accepted for B and D's WABA.
    expect(authorizeWebhook(templateStatus("waba-bd"), signWebhookBody(templateStatus("waba-bd"), "secret-c"), wabaBook)).toEqual({ ok: false, reason: "account-secret-mismatch" })
    // A WABA no account has is not checked (stored and ignored).
    expect(authorizeWebhook(templateStatus("waba-x"), signWebhookBody(templateStatus("waba-x"), "secret-c"), wabaBook)).toEqual({ ok: true, phoneNumberIds: [] })
  })
})
