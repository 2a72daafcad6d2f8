import type {
  AutomationAction,
  AutomationActionType,
  AutomationCondition,
  AutomationConditionField,
  AutomationRule,
  AutomationTrigger,
  AutomationTriggerType,
} from "../../types/http/automations"

/**
 * A rule read as one sentence, as the admin page lists it: "When a cart is
 * submitted, if cart total ≥ 50 → notify admins, send text". Ids (groups,
 * products, accounts…) are shown by name when `names` knows them.
 */

/** Short names, for the list's trigger column and the editor's choices. */
export const TRIGGER_LABELS: Record<AutomationTriggerType, string> = {
  message_received: "Message received",
  product_question: "Product question",
  cart_submitted: "Cart submitted",
  cart_abandoned: "Cart abandoned",
  checkout_completed: "Checkout completed",
  order_placed: "Order placed",
  order_shipped: "Order shipped",
  order_delivered: "Order delivered",
  order_canceled: "Order canceled",
  customer_opted_out: "Customer opted out",
  handoff_requested: "Handoff requested",
}

const TRIGGER_PHRASES: Record<AutomationTriggerType, string> = {
  message_received: "a message is received",
  product_question: "a customer asks about a product",
  cart_submitted: "a cart is submitted",
  cart_abandoned: "a cart is abandoned",
  checkout_completed: "a checkout is completed",
  order_placed: "an order is placed",
  order_shipped: "an order is shipped",
  order_delivered: "an order is delivered",
  order_canceled: "an order is canceled",
  customer_opted_out: "a customer opts out",
  handoff_requested: "a customer asks for a person",
}

export const CONDITION_FIELD_LABELS: Record<AutomationConditionField, string> = {
  account: "WhatsApp number",
  language: "language",
  cart_total: "cart total",
  order_total: "order total",
  customer_kind: "customer",
  customer_group: "customer group",
  product_in_cart: "product in cart",
  collection_in_cart: "collection in cart",
}

export const CONDITION_OP_LABELS: Record<AutomationCondition["op"], string> = {
  eq: "is",
  neq: "is not",
  gte: "≥",
  lte: "≤",
  in: "is one of",
  not_in: "is none of",
}

export const CUSTOMER_KIND_LABELS: Record<string, string> = { first_order: "first order", returning: "returning" }

export const ACTION_LABELS: Record<AutomationActionType, string> = {
  send_text: "send text",
  send_template: "send template",
  send_products: "send products",
  send_collection: "send collection",
  notify_admins: "notify admins",
  tag_conversation: "tag conversation",
  add_to_customer_group: "add to customer group",
  assign_conversation: "assign conversation",
  create_order: "create order",
  mark_order_paid: "mark order paid",
  send_discount: "send discount",
  webhook: "call webhook",
}

type Names = Record<string, string>

const quoted = (words: string[]) => words.map((w) => `"${w}"`).join(" or ")

export function triggerPhrase(trigger: AutomationTrigger): string {
  const phrase = TRIGGER_PHRASES[trigger.type]
  const keywords = (trigger.keywords ?? []).filter((k) => k.trim())
  if (trigger.type !== "message_received" || !keywords.length) return phrase
  return trigger.match === "exact" ? `${phrase} saying ${quoted(keywords)}` : `${phrase} containing ${quoted(keywords)}`
}

function valueText(condition: AutomationCondition, names: Names): string {
  const one = (v: string | number) => {
    const s = String(v)
    if (condition.field === "customer_kind") return CUSTOMER_KIND_LABELS[s] ?? s
    return names[s] ?? s
  }
  return Array.isArray(condition.value) ? condition.value.map(one).join(", ") : one(condition.value)
}

export function conditionPhrase(condition: AutomationCondition, names: Names = {}): string {
  return `${CONDITION_FIELD_LABELS[condition.field]} ${CONDITION_OP_LABELS[condition.op]} ${valueText(condition, names)}`
}

/** 90 → "1 h 30 min", 2880 → "2 d"; 0 or less → "". */
export function delayPhrase(minutes: number): string {
  if (!(minutes > 0)) return ""
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  return [days && `${days} d`, hours && `${hours} h`, mins && `${mins} min`].filter(Boolean).join(" ")
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`

/** "2 products", "1 product and 3 variants": what a send_products action names. */
export function productsCount(action: Extract<AutomationAction, { type: "send_products" }>): string {
  const variants = action.variant_ids?.length ?? 0
  const products = plural(action.product_ids.length, "product")
  return variants ? `${action.product_ids.length ? `${products} and ` : ""}${plural(variants, "variant")}` : products
}

export function actionPhrase(action: AutomationAction, names: Names = {}): string {
  switch (action.type) {
    case "send_template":
      return action.name ? `send template ${action.name}` : ACTION_LABELS.send_template
    case "send_products":
      return `send ${productsCount(action)}`
    case "send_collection":
      return action.collection_id && names[action.collection_id] ? `send collection ${names[action.collection_id]}` : ACTION_LABELS.send_collection
    case "tag_conversation":
      return action.tag ? `tag "${action.tag}"` : ACTION_LABELS.tag_conversation
    case "add_to_customer_group":
      return names[action.customer_group_id] ? `add to ${names[action.customer_group_id]}` : ACTION_LABELS.add_to_customer_group
    case "assign_conversation":
      return names[action.user_id] ? `assign to ${names[action.user_id]}` : ACTION_LABELS.assign_conversation
    case "send_discount":
      return action.kind === "percentage" ? `send a ${action.value}% discount` : `send a ${action.value} discount`
    default:
      return ACTION_LABELS[action.type]
  }
}

export type SummarizableRule = Pick<AutomationRule, "trigger" | "conditions" | "delay_minutes" | "actions">

export function summarizeRule(rule: SummarizableRule, names: Names = {}): string {
  let sentence = `When ${triggerPhrase(rule.trigger)}`
  if (rule.conditions.length) sentence += `, if ${rule.conditions.map((c) => conditionPhrase(c, names)).join(" and ")}`
  const delay = delayPhrase(rule.delay_minutes)
  if (delay) sentence += ` → wait ${delay}`
  sentence += ` → ${rule.actions.length ? rule.actions.map((a) => actionPhrase(a, names)).join(", ") : "nothing"}`
  return sentence
}
