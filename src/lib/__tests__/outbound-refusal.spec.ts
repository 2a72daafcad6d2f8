import { conversationRefusal, limitsRefusal, throwIfRefused } from "../outbound/refusal"

const now = new Date("2026-12-06T12:00:00Z")
const text = { type: "text", text: { body: "hola" } } as any
const template = { type: "template", template: { name: "order_update", language: { code: "es" } } } as any
const open = { opted_out: false, last_inbound_at: new Date(now.getTime() - 3_600_000) }
const closed = { opted_out: false, last_inbound_at: new Date(now.getTime() - 25 * 3_600_000) }

describe("outbound refusals", () => {
  it("refuses a message over Meta's limits as invalid data", () => {
    const long = { type: "text", text: { body: "x".repeat(4097) } } as any
    expect(limitsRefusal(long)).toMatchObject({ kind: "invalid" })
    expect(limitsRefusal(text)).toBeNull()
  })

  it("refuses free-form outside the 24-hour window, never a template", () => {
    expect(conversationRefusal(text, open, now)).toBeNull()
    expect(conversationRefusal(text, closed, now)).toMatchObject({ kind: "not_allowed", reason: expect.stringContaining("24-hour") })
    expect(conversationRefusal(template, closed, now)).toBeNull()
  })

  it("refuses anything to a customer who opted out", () => {
    expect(conversationRefusal(template, { ...open, opted_out: true }, now)).toMatchObject({ kind: "not_allowed", reason: expect.stringContaining("opted out") })
  })

  it("throws Medusa's error types, so routes answer 400 with the reason", () => {
    expect(() => throwIfRefused({ kind: "invalid", reason: "too long" })).toThrow(expect.objectContaining({ type: "invalid_data", message: "too long" }))
    expect(() => throwIfRefused({ kind: "not_allowed", reason: "opted out" })).toThrow(expect.objectContaining({ type: "not_allowed" }))
    expect(() => throwIfRefused(null)).not.toThrow()
  })
})
