import { triggerFromEvent } from "../automations/trigger-events"
import { automationRetryDelayMs, ruleFires } from "../automations/trigger-match"

const at = new Date("2026-12-21T10:00:00Z")
const rule = (over: Partial<Parameters<typeof ruleFires>[0]> = {}) => ({
  id: "r1",
  enabled: true,
  account_id: null,
  trigger: { type: "message_received" as const, keywords: ["envío", "shipping"], match: "contains" as const },
  ...over,
})

describe("triggerFromEvent", () => {
  it("keys a message by its id, so a redelivered message maps to the same key", () => {
    const data = { id: "wamsg_1", conversation_id: "c1", account_id: "a1", type: "text", text: "hola" }
    const first = triggerFromEvent("whatsapp.message.received", data, at)!
    const again = triggerFromEvent("whatsapp.message.received", { ...data }, new Date(at.getTime() + 60_000))!
    expect(first.event).toMatchObject({ type: "message_received", key: "message_received:wamsg_1", account_id: "a1", conversation_id: "c1", text: "hola" })
    expect(again.event.key).toBe(first.event.key)
  })

  it("keys carts by the WhatsApp cart, orders by the order and shipments by the fulfillment", () => {
    expect(triggerFromEvent("whatsapp.cart.submitted", { whatsapp_cart_id: "wc1", cart_id: "cart_1", conversation_id: "c1" }, at)!.event.key).toBe("cart_submitted:wc1")
    expect(triggerFromEvent("whatsapp.checkout.completed", { order_id: "order_1", conversation_id: "c1" }, at)!.event.key).toBe("checkout_completed:order_1")
    const placed = triggerFromEvent("order.placed", { id: "order_1" }, at)!
    expect(placed).toMatchObject({ needs: "order", event: { key: "order_placed:order_1", order_id: "order_1" } })
    expect(triggerFromEvent("shipment.created", { id: "ful_1" }, at)).toMatchObject({ needs: "fulfillment", event: { key: "order_shipped:ful_1" } })
    expect(triggerFromEvent("whatsapp.product_inquiry.received", { message_id: "m9", product_id: "prod_1" }, at)!.event).toMatchObject({ key: "product_question:m9", product_id: "prod_1" })
  })

  it("is no trigger without the event's identity, for media messages, or for other events", () => {
    expect(triggerFromEvent("whatsapp.message.received", { conversation_id: "c1" }, at)).toBeNull()
    expect(triggerFromEvent("whatsapp.message.received", { id: "m1", type: "image" }, at)).toBeNull()
    expect(triggerFromEvent("whatsapp.message.queued", { id: "m1" }, at)).toBeNull()
  })
})

describe("ruleFires", () => {
  const event = { type: "message_received" as const, account_id: "a1", text: "¿Cuánto cuesta el ENVIO?" }
  it("matches keywords as whole words, accents and case ignored", () => {
    expect(ruleFires(rule(), event)).toBe(true)
    expect(ruleFires(rule(), { ...event, text: "enviosas" })).toBe(false)
    expect(ruleFires(rule({ trigger: { type: "message_received", keywords: ["envio"], match: "exact" } }), event)).toBe(false)
    expect(ruleFires(rule({ trigger: { type: "message_received" } }), event)).toBe(true)
  })

  it("needs the rule on, the same trigger and its account (or every account)", () => {
    expect(ruleFires(rule({ enabled: false }), event)).toBe(false)
    expect(ruleFires(rule({ account_id: "a2" }), event)).toBe(false)
    expect(ruleFires(rule({ account_id: "a1" }), event)).toBe(true)
    expect(ruleFires(rule({ trigger: { type: "cart_submitted" } }), event)).toBe(false)
  })
})

describe("automationRetryDelayMs", () => {
  it("doubles from 30 s with half jitter, capped at 30 min", () => {
    expect(automationRetryDelayMs(1, () => 0)).toBe(15_000)
    expect(automationRetryDelayMs(1, () => 1)).toBe(30_000)
    expect(automationRetryDelayMs(3, () => 1)).toBe(120_000)
    expect(automationRetryDelayMs(20, () => 1)).toBe(30 * 60_000)
  })
})
