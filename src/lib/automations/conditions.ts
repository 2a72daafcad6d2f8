import type { AutomationCondition } from "../../types/http/automations"

/**
 * What the conditions are checked against, loaded at run time (never from
 * the event alone: a delayed rule sees the cart as it is when it runs).
 * Totals are Medusa's computed totals in the currency's main unit.
 */
export type ConditionFacts = {
  account_id: string | null
  language: string | null
  cart_total: number | null
  order_total: number | null
  /** Orders the customer had before this one (this one excluded); null: unknown customer. */
  previous_orders: number | null
  customer_group_ids: string[]
  product_ids: string[]
  collection_ids: string[]
}

export type ConditionVerdict = { matches: true; reason: null } | { matches: false; reason: string }

const list = (value: AutomationCondition["value"]): string[] => (Array.isArray(value) ? value.map(String) : [String(value)])

/** Compares one scalar fact; a missing fact fails every comparison (a rule on a cart total does not fire without a cart). */
function compareScalar(fact: string | number | null, op: AutomationCondition["op"], value: AutomationCondition["value"]): boolean {
  if (fact == null) return false
  switch (op) {
    case "eq":
      return String(fact) === String(value)
    case "neq":
      return String(fact) !== String(value)
    case "gte":
    case "lte": {
      const a = Number(fact)
      const b = Number(value)
      if (!Number.isFinite(a) || !Number.isFinite(b)) return false
      return op === "gte" ? a >= b : a <= b
    }
    case "in":
      return list(value).includes(String(fact))
    case "not_in":
      return !list(value).includes(String(fact))
  }
}

/** Membership facts (groups, products, collections): eq/in ask "any of these", neq/not_in "none of these". */
function compareSet(facts: string[], op: AutomationCondition["op"], value: AutomationCondition["value"]): boolean {
  const wanted = list(value)
  const any = wanted.some((v) => facts.includes(v))
  if (op === "eq" || op === "in") return any
  if (op === "neq" || op === "not_in") return !any
  return false
}

function holds(condition: AutomationCondition, facts: ConditionFacts): boolean {
  switch (condition.field) {
    case "account":
      return compareScalar(facts.account_id, condition.op, condition.value)
    case "language":
      return compareScalar(facts.language, condition.op, condition.value)
    case "cart_total":
      return compareScalar(facts.cart_total, condition.op, condition.value)
    case "order_total":
      return compareScalar(facts.order_total, condition.op, condition.value)
    case "customer_kind": {
      const kind = facts.previous_orders == null ? null : facts.previous_orders === 0 ? "first_order" : "returning"
      return compareScalar(kind, condition.op, condition.value)
    }
    case "customer_group":
      return compareSet(facts.customer_group_ids, condition.op, condition.value)
    case "product_in_cart":
      return compareSet(facts.product_ids, condition.op, condition.value)
    case "collection_in_cart":
      return compareSet(facts.collection_ids, condition.op, condition.value)
  }
}

/** All conditions must hold; the first that does not is the reason. */
export function evaluateConditions(conditions: AutomationCondition[], facts: ConditionFacts): ConditionVerdict {
  for (const condition of conditions) {
    if (!holds(condition, facts)) {
      return { matches: false, reason: `condition not met: ${condition.field} ${condition.op} ${list(condition.value).join(",")}` }
    }
  }
  return { matches: true, reason: null }
}

/** Operators that make sense per field (the validator refuses the others). */
export const CONDITION_OPS: Record<AutomationCondition["field"], AutomationCondition["op"][]> = {
  account: ["eq", "neq", "in", "not_in"],
  language: ["eq", "neq", "in", "not_in"],
  cart_total: ["gte", "lte", "eq", "neq"],
  order_total: ["gte", "lte", "eq", "neq"],
  customer_kind: ["eq", "neq"],
  customer_group: ["eq", "neq", "in", "not_in"],
  product_in_cart: ["eq", "neq", "in", "not_in"],
  collection_in_cart: ["eq", "neq", "in", "not_in"],
}
