import fs from "node:fs"
import path from "node:path"
import { messageText, payloadPhoneNumberIds, splitWebhookPayload } from "../webhook-payload"

// Copies of the project's sample payloads (shared/fixtures/webhooks).
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8"))

describe("splitWebhookPayload", () => {
  const order = {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "1",
        changes: [
          {
            field: "messages",
            value: {
              metadata: { display_phone_number: "15550783881", phone_number_id: "106540352242922" },
              contacts: [{ profile: { name: "Lucía" }, wa_id: "5491155550101" }],
              messages: [
                { from: "5491155550101", id: "wamid.A", timestamp: "1763750000", type: "order", order: { catalog_id: "1", text: "¿Para mañana?", product_items: [] } },
                { from: "5491155550101", id: "wamid.B", timestamp: "1763750001", type: "text", text: { body: "¿talla M?" }, context: { referred_product: { catalog_id: "1", product_retailer_id: "variant_1" } } },
              ],
              statuses: [{ id: "wamid.C", status: "read", timestamp: "1763750002", recipient_id: "5491155550101" }],
            },
          },
          { field: "account_update", value: { metadata: { phone_number_id: "106540352242922" } } }, // read by webhook-account-events
        ],
      },
    ],
  }

  it("splits messages and statuses, keeps contacts, texts and referred products", () => {
    const items = splitWebhookPayload(order)
    expect(items.map((i) => i.kind)).toEqual(["message", "message", "status", "account_event"])
    const [cart, question, status] = items as any[]
    expect(cart).toMatchObject({ waId: "5491155550101", profileName: "Lucía", type: "order", text: "¿Para mañana?", phoneNumberId: "106540352242922" })
    expect(cart.timestamp.toISOString()).toBe(new Date(1763750000 * 1000).toISOString())
    expect(question.referredProduct).toEqual({ catalog_id: "1", product_retailer_id: "variant_1" })
    expect(status).toMatchObject({ wamid: "wamid.C", status: "read", recipientId: "5491155550101" })
    expect(payloadPhoneNumberIds(order)).toEqual(["106540352242922"])
  })

  it("never throws on junk", () => {
    for (const junk of [null, 42, "x", [], {}, { object: "page" }, { object: "whatsapp_business_account", entry: [null, { changes: [1, { field: "messages" }] }] }]) {
      expect(() => splitWebhookPayload(junk)).not.toThrow()
    }
    const items = splitWebhookPayload({
      object: "whatsapp_business_account",
      entry: [{ changes: [{ field: "messages", value: { metadata: { phone_number_id: "1" }, messages: [{ type: "text" }], statuses: [{}], errors: [{ code: 131000, title: "Something went wrong" }] } }] }],
    })
    expect(items.map((i) => i.kind)).toEqual(["unsupported", "unsupported", "unsupported"])
  })

  it("reads text from every type that has some", () => {
    expect(messageText({ type: "button", button: { text: "Sí" } })).toBe("Sí")
    expect(messageText({ type: "interactive", interactive: { list_reply: { title: "Opción 2" } } })).toBe("Opción 2")
    expect(messageText({ type: "image", image: { caption: "esta" } })).toBe("esta")
    expect(messageText({ type: "sticker", sticker: {} })).toBeNull()
  })

  it("handles the sample payloads", () => {
    for (const name of ["order.json", "product-inquiry.json", "text.json", "statuses.json"]) {
      const items = splitWebhookPayload(fixture(name))
      expect(items.length).toBeGreaterThan(0)
      expect(items.every((i) => i.kind !== "unsupported")).toBe(true)
    }
    const failed = splitWebhookPayload(fixture("statuses.json")).find((i: any) => i.status === "failed") as any
    expect(failed.errors[0].code).toBe("131047")
  })
})
