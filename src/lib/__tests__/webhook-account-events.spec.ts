import fs from "node:fs"
import path from "node:path"
import { splitWebhookPayload } from "../webhook-payload"
import { payloadWabaIds } from "../webhook-account-events"

// Payloads published by others (sources in fixtures/account-webhooks/README.md).
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "account-webhooks", name), "utf8"))

describe("account-level webhooks", () => {
  it("reads an approved template status, with a null reason and a numeric template id (pywa)", () => {
    const [item] = splitWebhookPayload(fixture("template-status-approved.pywa.json"))
    expect(item).toMatchObject({
      kind: "template_status",
      wabaId: "57438975935",
      templateId: "12345678",
      name: "my_message_template",
      language: "pt-BR",
      status: "APPROVED",
      reason: null,
      otherInfo: null,
      at: new Date(1698268000 * 1000),
    })
  })

  it("reads a pause with Meta's explanation and a string time; reason NONE counts as none", () => {
    const [item] = splitWebhookPayload(fixture("template-status-paused.acl.json"))
    expect(item).toMatchObject({
      kind: "template_status",
      wabaId: "3200200000000",
      name: "testing_template",
      status: "PAUSED",
      reason: null,
      otherInfo: { title: "SECOND_PAUSE", description: expect.stringContaining("paused for 6 hours") },
      at: new Date(1749700000 * 1000),
    })
  })

  it("reads a marketing preference with its own timestamp, and leaves other categories as notes", () => {
    expect(splitWebhookPayload(fixture("user-preferences-resume.pywa.json"))).toEqual([
      expect.objectContaining({
        kind: "user_preference",
        phoneNumberId: "106540352242922",
        waId: "16505551234",
        category: "marketing_messages",
        value: "resume",
        detail: "User requested to resume marketing messages",
        at: new Date(1731705721 * 1000),
      }),
    ])
    const [unknown] = splitWebhookPayload(fixture("user-preferences-unknown.pywa.json"))
    expect(unknown).toMatchObject({ kind: "unsupported", reason: "user preference unknown=bla is not one the plugin acts on" })
  })

  it("summarises account updates: restrictions and bans", () => {
    const [restriction] = splitWebhookPayload(fixture("account-update-restriction.pywa.json"))
    expect(restriction).toMatchObject({
      kind: "account_event",
      field: "account_update",
      event: "ACCOUNT_RESTRICTION",
      summary: "Account update: ACCOUNT_RESTRICTION (restrictions RESTRICTED_BIZ_INITIATED_MESSAGING, RESTRICTED_ADD_PHONE_NUMBER_ACTION)",
    })
    const [disabled] = splitWebhookPayload(fixture("account-update-disabled.pywa.json"))
    expect(disabled).toMatchObject({ event: "DISABLED_UPDATE", summary: "Account update: DISABLED_UPDATE (ban REINSTATE since April 17, 2025)" })
  })

  it("reads the tier of a quality update, the decision of a review and a template quality change", () => {
    const [quality] = splitWebhookPayload(fixture("phone-number-quality.meta.json"))
    expect(quality).toMatchObject({
      kind: "account_event",
      field: "phone_number_quality_update",
      event: "THROUGHPUT_UPGRADE",
      displayPhoneNumber: "15550783881",
      tier: "TIER_UNLIMITED",
      summary: "Phone number 15550783881: THROUGHPUT_UPGRADE, messaging limit TIER_UNLIMITED",
    })
    const [review] = splitWebhookPayload(fixture("account-review.meta.json"))
    expect(review).toMatchObject({ field: "account_review_update", decision: "APPROVED", summary: "Account review: APPROVED" })
    const [templateQuality] = splitWebhookPayload(fixture("template-quality.pywa.json"))
    expect(templateQuality).toMatchObject({ field: "message_template_quality_update", summary: "Template welcome_template (en-US) quality GREEN → YELLOW" })
  })

  it("reads an echo of a message sent from the Business app, to the customer's digits", () => {
    const [echo] = splitWebhookPayload(fixture("smb-message-echo.meta.json"))
    expect(echo).toMatchObject({
      kind: "echo",
      phoneNumberId: "106540352242922",
      waId: "16505551234",
      wamid: "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=",
      type: "text",
      timestamp: new Date(1739321024 * 1000),
    })
  })

  it("keeps a status's pricing fields", () => {
    const [status] = splitWebhookPayload(fixture("status-sent-pricing.gupshup.json"))
    expect(status).toMatchObject({
      kind: "status",
      status: "sent",
      pricing: { category: "marketing", billable: true, pricing_model: "PMP", type: "regular" },
    })
  })

  it("turns unknown fields and incomplete account changes into notes, and lists the WABAs a payload names", () => {
    const payload = {
      object: "whatsapp_business_account",
      entry: [
        { id: "111", changes: [{ field: "business_capability_update", value: { max_daily_conversation_per_phone: 1000 } }] },
        { id: "222", changes: [{ field: "message_template_status_update", value: { event: "APPROVED" } }] },
      ],
    }
    expect(splitWebhookPayload(payload)).toEqual([
      expect.objectContaining({ kind: "unsupported", reason: 'field "business_capability_update"' }),
      expect.objectContaining({ kind: "unsupported", reason: "message_template_status_update without name, language or event" }),
    ])
    expect(payloadWabaIds(payload)).toEqual(["111", "222"])
  })
})
