import type { AutomationRule } from "../../../types/http/automations"
import { autoReplyOf, automationFieldsOf } from "../auto-reply-compat"

const saved = (fields: ReturnType<typeof automationFieldsOf>, over: Partial<AutomationRule> = {}): AutomationRule => {
  if (typeof fields === "string") throw new Error(fields)
  return { id: "warule_1", account_id: "acc_1", conditions: [], delay_minutes: 0, created_at: "t0", updated_at: "t1", ...fields, ...over }
}

describe("keyword auto-replies over automation rules", () => {
  it("a text rule goes both ways unchanged", () => {
    const fields = automationFieldsOf({ name: "Envío", match: "exact", keywords: ["envio"], reply_text: " Enviamos en 24 h. ", priority: 3, active: false }, null)
    expect(fields).toEqual({
      name: "Envío",
      enabled: false,
      priority: 3,
      trigger: { type: "message_received", match: "exact", keywords: ["envio"] },
      actions: [{ type: "send_text", text: "Enviamos en 24 h." }],
    })
    expect(autoReplyOf(saved(fields))).toEqual({
      id: "warule_1",
      account_id: "acc_1",
      name: "Envío",
      match: "exact",
      keywords: ["envio"],
      reply_type: "text",
      reply_text: "Enviamos en 24 h.",
      product_ids: null,
      variant_ids: null,
      priority: 3,
      active: false,
      created_at: "t0",
      updated_at: "t1",
    })
  })

  it("a products rule keeps its products, variants and text; an update changes only what it names", () => {
    const current = autoReplyOf(saved(automationFieldsOf({ name: "Ofertas", keywords: ["ofertas"], reply_type: "products", variant_ids: ["var_1"] }, null)))!
    expect(current).toMatchObject({ match: "contains", reply_type: "products", product_ids: [], variant_ids: ["var_1"], reply_text: null, active: true, priority: 0 })
    const updated = automationFieldsOf({ reply_text: "Mira", product_ids: ["prod_1"] }, current)
    expect(updated).toMatchObject({ actions: [{ type: "send_products", product_ids: ["prod_1"], variant_ids: ["var_1"], text: "Mira" }] })
  })

  it("refuses what the old API refused", () => {
    expect(automationFieldsOf({ name: "x", keywords: ["a"], reply_type: "text" }, null)).toMatch(/^reply_text:/)
    expect(automationFieldsOf({ name: "x", keywords: ["a"], reply_type: "products", product_ids: [] }, null)).toMatch(/^product_ids:/)
  })

  it("leaves out rules the old shape cannot say", () => {
    const fields = automationFieldsOf({ name: "x", keywords: ["a"], reply_text: "b" }, null)
    expect(autoReplyOf(saved(fields, { account_id: null }))).toBeNull()
    expect(autoReplyOf(saved(fields, { delay_minutes: 5 }))).toBeNull()
    expect(autoReplyOf(saved(fields, { conditions: [{ field: "language", op: "eq", value: "es" }] }))).toBeNull()
    expect(autoReplyOf(saved(fields, { actions: [{ type: "tag_conversation", tag: "a" }] }))).toBeNull()
    expect(autoReplyOf(saved(fields, { trigger: { type: "message_received" } }))).toBeNull()
  })
})
