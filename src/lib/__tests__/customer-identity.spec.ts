import fs from "node:fs"
import path from "node:path"
import { bsuidCountry, isBsuid, recipientIdentity, sendRecipient } from "../customer-identity"
import { splitWebhookPayload } from "../webhook-payload"

// Payloads written by others: see integration-tests/fixtures/meta-webhooks/README.md for each source.
const corpus = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, "../../../integration-tests/fixtures/meta-webhooks", name), "utf8"))

describe("customer identity", () => {
  it("recognises BSUIDs and parent BSUIDs as Meta formats them", () => {
    expect(isBsuid("US.13491208655302741918")).toBe(true)
    expect(isBsuid("US.ENT.11815799212886844830")).toBe(true)
    expect(isBsuid("34600111222")).toBe(false)
    expect(isBsuid("us.123")).toBe(false)
    expect(bsuidCountry("ES.998877")).toBe("ES")
    expect(bsuidCountry(null)).toBeNull()
  })

  it("sends to the phone when known, else to the BSUID through `recipient`", () => {
    expect(sendRecipient({ wa_id: "34600111222", user_id: "ES.1" })).toEqual({ to: "34600111222" })
    expect(sendRecipient({ wa_id: null, user_id: "ES.1" })).toEqual({ recipient: "ES.1" })
    expect(() => sendRecipient({ wa_id: null, user_id: null })).toThrow(/neither/)
  })

  it("reads a typed recipient as a BSUID or a phone in any notation", () => {
    expect(recipientIdentity("US.13491208655302741918")).toEqual({ userId: "US.13491208655302741918" })
    expect(recipientIdentity("+34 600 111 222")).toEqual({ waId: "34600111222" })
    expect(recipientIdentity("hello")).toBeNull()
  })
})

describe("splitWebhookPayload with business-scoped user IDs", () => {
  it("keeps a username customer's message that has no phone (Meta's BSUID page example)", () => {
    const [item] = splitWebhookPayload(corpus("meta-docs/bsuid-only-text-username.json")) as any[]
    expect(item).toMatchObject({
      kind: "message",
      waId: null,
      userId: "US.13491208655302741918",
      parentUserId: "US.ENT.11815799212886844830",
      username: "@realsheenanelson",
      profileName: "Sheena Nelson",
      text: "Does it come in another color?",
    })
  })

  it("reads both identifiers when Meta gives both (pywa's from_user_id data)", () => {
    const [item] = splitWebhookPayload(corpus("pywa/button-quick-reply-from-user-id.json")) as any[]
    expect(item).toMatchObject({ kind: "message", waId: "972987654321", userId: "US.13491208655302741918" })
  })

  it("applies a status sent to a BSUID (Meta's delivered example without a phone)", () => {
    const [item] = splitWebhookPayload(corpus("meta-docs/bsuid-status-delivered-bsuid-only.json")) as any[]
    expect(item).toMatchObject({ kind: "status", status: "delivered", recipientId: null, recipientUserId: "US.13491208655302741918" })
  })

  it("turns a number change into an identity change and files the note under the new number (pywa)", () => {
    const items = splitWebhookPayload(corpus("pywa/system-user-changed-number.json")) as any[]
    expect(items.map((i) => i.kind)).toEqual(["identity_change", "message"])
    expect(items[0]).toMatchObject({ reason: "user_changed_number", from: { waId: "972987654321" }, to: { waId: "972912345678" } })
    expect(items[1]).toMatchObject({ type: "system", waId: "972912345678", text: "User A changed from 972987654321 to 972912345678" })
  })

  it("turns a BSUID change without a sender into an identity change (chatwoot's spec data)", () => {
    const items = splitWebhookPayload(corpus("chatwoot/system-user-changed-user-id-parent.json")) as any[]
    expect(items[0]).toMatchObject({
      kind: "identity_change",
      reason: "user_changed_user_id",
      from: { userId: "IN.PREVIOUSBSUID" },
      to: { userId: "IN.CURRENTBSUID", parentUserId: "IN.ENT.CURRENTBSUID" },
    })
    expect(items[1]).toMatchObject({ kind: "message", type: "system", userId: "IN.CURRENTBSUID" })
  })

  it("reads user_id_update as an identity change (Meta's syntax block), and moves nothing to a placeholder", () => {
    const syntax = corpus("meta-docs/user-id-update-syntax.json")
    const [placeholder] = splitWebhookPayload(syntax) as any[]
    expect(placeholder).toMatchObject({ kind: "unsupported", reason: expect.stringMatching(/no valid business-scoped user ID/) })
    // The same block with BSUIDs in Meta's documented format where it has placeholders.
    const update = syntax.entry[0].changes[0].value.user_id_update[0]
    update.user_id = { previous: "US.13491208655302741918", current: "US.13491208655302741919" }
    const [item] = splitWebhookPayload(syntax) as any[]
    expect(item).toMatchObject({ kind: "identity_change", reason: "user_id_update", from: { userId: "US.13491208655302741918" }, to: { userId: "US.13491208655302741919" } })
  })

  it("still refuses, visibly, a message with no sender at all", () => {
    const payload = corpus("meta-docs/bsuid-only-text-username.json")
    const message = payload.entry[0].changes[0].value.messages[0]
    delete message.from_user_id
    payload.entry[0].changes[0].value.contacts = []
    const [item] = splitWebhookPayload(payload) as any[]
    expect(item).toMatchObject({ kind: "unsupported", reason: expect.stringMatching(/without a sender/) })
  })
})
