import { type ConditionFacts, evaluateConditions } from "../automations/conditions"

const facts = (over: Partial<ConditionFacts> = {}): ConditionFacts => ({
  account_id: "acc_1",
  language: "es",
  cart_total: 49.9,
  order_total: null,
  previous_orders: 0,
  customer_group_ids: ["cusgroup_vip"],
  product_ids: ["prod_a", "prod_b"],
  collection_ids: ["pcol_summer"],
  ...over,
})

describe("evaluateConditions", () => {
  it("holds when there are no conditions", () => {
    expect(evaluateConditions([], facts())).toEqual({ matches: true, reason: null })
  })

  it("compares the account and the language by value and by list", () => {
    expect(evaluateConditions([{ field: "account", op: "eq", value: "acc_1" }], facts()).matches).toBe(true)
    expect(evaluateConditions([{ field: "account", op: "neq", value: "acc_1" }], facts()).matches).toBe(false)
    expect(evaluateConditions([{ field: "language", op: "in", value: ["pt", "es"] }], facts()).matches).toBe(true)
    expect(evaluateConditions([{ field: "language", op: "not_in", value: ["es"] }], facts()).matches).toBe(false)
  })

  it("compares totals as numbers at the boundary, and fails without a total", () => {
    expect(evaluateConditions([{ field: "cart_total", op: "gte", value: 49.9 }], facts()).matches).toBe(true)
    expect(evaluateConditions([{ field: "cart_total", op: "gte", value: 50 }], facts()).matches).toBe(false)
    expect(evaluateConditions([{ field: "cart_total", op: "lte", value: "49.9" }], facts()).matches).toBe(true)
    expect(evaluateConditions([{ field: "order_total", op: "gte", value: 0 }], facts()).matches).toBe(false)
    expect(evaluateConditions([{ field: "order_total", op: "lte", value: 100 }], facts({ order_total: 80 })).matches).toBe(true)
  })

  it("tells a first order from a returning customer, and an unknown customer from both", () => {
    const first = { field: "customer_kind" as const, op: "eq" as const, value: "first_order" }
    const returning = { field: "customer_kind" as const, op: "eq" as const, value: "returning" }
    expect(evaluateConditions([first], facts({ previous_orders: 0 })).matches).toBe(true)
    expect(evaluateConditions([returning], facts({ previous_orders: 0 })).matches).toBe(false)
    expect(evaluateConditions([returning], facts({ previous_orders: 3 })).matches).toBe(true)
    expect(evaluateConditions([first], facts({ previous_orders: null })).matches).toBe(false)
    expect(evaluateConditions([returning], facts({ previous_orders: null })).matches).toBe(false)
  })

  it("asks any-of for groups, products and collections, and none-of for their negations", () => {
    expect(evaluateConditions([{ field: "customer_group", op: "eq", value: "cusgroup_vip" }], facts()).matches).toBe(true)
    expect(evaluateConditions([{ field: "customer_group", op: "not_in", value: ["cusgroup_vip"] }], facts()).matches).toBe(false)
    expect(evaluateConditions([{ field: "product_in_cart", op: "in", value: ["prod_x", "prod_b"] }], facts()).matches).toBe(true)
    expect(evaluateConditions([{ field: "product_in_cart", op: "eq", value: "prod_x" }], facts()).matches).toBe(false)
    expect(evaluateConditions([{ field: "collection_in_cart", op: "neq", value: "pcol_winter" }], facts()).matches).toBe(true)
  })

  it("names the first condition that fails", () => {
    const verdict = evaluateConditions(
      [
        { field: "language", op: "eq", value: "es" },
        { field: "cart_total", op: "gte", value: 100 },
        { field: "account", op: "eq", value: "other" },
      ],
      facts()
    )
    expect(verdict).toEqual({ matches: false, reason: "condition not met: cart_total gte 100" })
  })
})
