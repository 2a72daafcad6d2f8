import { ingestLockKeys } from "../ingest-lock-keys"
import { splitWebhookPayload } from "../webhook-payload"

const value = (v: object) => ({ object: "whatsapp_business_account", entry: [{ id: "WABA1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "15550000000", phone_number_id: "PN1" }, ...v } }] }] })

describe("ingestLockKeys", () => {
  it("names the customer of a message by phone and BSUID, and a status's message and recipient", () => {
    const items = splitWebhookPayload(
      value({
        contacts: [{ wa_id: "34600000001", user_id: "ES.123", profile: { name: "Ana" } }],
        messages: [{ from: "34600000001", from_user_id: "ES.123", id: "wamid.IN1", timestamp: "1700000000", type: "text", text: { body: "hola" } }],
        statuses: [{ id: "wamid.OUT1", status: "read", timestamp: "1700000001", recipient_id: "34600000002" }],
      })
    )
    expect(ingestLockKeys(items)).toEqual(["customer:PN1:bsuid:ES.123", "customer:PN1:phone:34600000001", "customer:PN1:phone:34600000002", "message:wamid.OUT1"])
  })

  it("gives the same keys whatever the order of the items, once each", () => {
    const a = splitWebhookPayload(value({ statuses: ["wamid.B", "wamid.A", "wamid.B"].map((id, i) => ({ id, status: "delivered", timestamp: String(1700000000 + i), recipient_id: "34600000003" })) }))
    expect(ingestLockKeys(a)).toEqual(ingestLockKeys([...a].reverse()))
    expect(ingestLockKeys(a)).toEqual(["customer:PN1:phone:34600000003", "message:wamid.A", "message:wamid.B"])
  })

  it("locks a WABA for its account-level changes", () => {
    const items = splitWebhookPayload({ object: "whatsapp_business_account", entry: [{ id: "WABA9", changes: [{ field: "account_update", value: { event: "ACCOUNT_VIOLATION" } }] }] })
    expect(ingestLockKeys(items)).toEqual(["waba:WABA9"])
  })
})
