import { actionPhrase, conditionPhrase, delayPhrase, summarizeRule, triggerPhrase } from "../rule-summary"

describe("automation rule summary", () => {
  it("reads a rule as one sentence", () => {
    expect(
      summarizeRule({
        trigger: { type: "cart_submitted" },
        conditions: [{ field: "cart_total", op: "gte", value: 50 }],
        delay_minutes: 0,
        actions: [
          { type: "notify_admins", title: "New cart", text: "{{cart_total}}" },
          { type: "send_text", text: "Gracias" },
        ],
      })
    ).toBe("When a cart is submitted, if cart total ≥ 50 → notify admins, send text")
  })

  it("adds keywords, every condition, the wait and names for ids", () => {
    expect(
      summarizeRule(
        {
          trigger: { type: "message_received", keywords: ["hola", " ", "buenas"], match: "contains" },
          conditions: [
            { field: "language", op: "eq", value: "es" },
            { field: "customer_group", op: "in", value: ["cusgroup_1", "cusgroup_2"] },
            { field: "customer_kind", op: "eq", value: "first_order" },
          ],
          delay_minutes: 90,
          actions: [
            { type: "add_to_customer_group", customer_group_id: "cusgroup_1" },
            { type: "assign_conversation", user_id: "user_9" },
          ],
        },
        { cusgroup_1: "VIP", user_9: "Ana" }
      )
    ).toBe(
      'When a message is received containing "hola" or "buenas", if language is es and customer group is one of VIP, cusgroup_2 and customer is first order → wait 1 h 30 min → add to VIP, assign to Ana'
    )
  })

  it("says when a rule does nothing yet", () => {
    expect(summarizeRule({ trigger: { type: "order_shipped" }, conditions: [], delay_minutes: 0, actions: [] })).toBe("When an order is shipped → nothing")
  })

  it("phrases exact keywords, keywords on other triggers, and each delay size", () => {
    expect(triggerPhrase({ type: "message_received", keywords: ["precio"], match: "exact" })).toBe('a message is received saying "precio"')
    expect(triggerPhrase({ type: "cart_abandoned", keywords: ["x"] })).toBe("a cart is abandoned")
    expect([0, -5, 45, 60, 1440, 2880 + 61].map(delayPhrase)).toEqual(["", "", "45 min", "1 h", "1 d", "2 d 1 h 1 min"])
  })

  it("phrases actions and conditions with their details", () => {
    expect(actionPhrase({ type: "send_discount", kind: "percentage", value: 10, expires_in_hours: 24, text: "" })).toBe("send a 10% discount")
    expect(actionPhrase({ type: "send_products", product_ids: ["a", "b"] })).toBe("send 2 products")
    expect(actionPhrase({ type: "send_products", product_ids: [], variant_ids: ["v"] })).toBe("send 1 variant")
    expect(actionPhrase({ type: "send_products", product_ids: ["a"], variant_ids: ["v", "w"] })).toBe("send 1 product and 2 variants")
    expect(actionPhrase({ type: "send_template", name: "cart_reminder", language: "es", parameters: [] })).toBe("send template cart_reminder")
    expect(actionPhrase({ type: "tag_conversation", tag: "vip" })).toBe('tag "vip"')
    expect(actionPhrase({ type: "webhook", url: "https://example.com", secret: "s" })).toBe("call webhook")
    expect(conditionPhrase({ field: "order_total", op: "lte", value: 19.9 })).toBe("order total ≤ 19.9")
    expect(conditionPhrase({ field: "product_in_cart", op: "neq", value: "prod_1" }, { prod_1: "Camiseta" })).toBe("product in cart is not Camiseta")
  })
})
