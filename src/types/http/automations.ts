/**
 * Automations (issue 22): "When ‹trigger› [if ‹conditions›] → [wait ‹delay›]
 * → ‹actions›". The contract shared by the admin page, the admin API and the
 * engine. A rule runs at most once per (rule, triggering event): the run's
 * `trigger_key` is the event's own identity (a message's wamid, a cart's id,
 * an order's id plus what happened to it).
 */

export const AUTOMATION_TRIGGERS = [
  "message_received",
  "product_question",
  "cart_submitted",
  "cart_abandoned",
  "checkout_completed",
  "order_placed",
  "order_shipped",
  "order_delivered",
  "order_canceled",
  "customer_opted_out",
  "handoff_requested",
] as const
export type AutomationTriggerType = (typeof AUTOMATION_TRIGGERS)[number]

export type AutomationTrigger = {
  type: AutomationTriggerType
  /** message_received only: the rule fires when the text is (match "exact") or contains (match "contains") one of these. */
  keywords?: string[]
  match?: "exact" | "contains"
}

export const AUTOMATION_CONDITION_FIELDS = [
  "account",
  "language",
  "cart_total",
  "order_total",
  "customer_kind",
  "customer_group",
  "product_in_cart",
  "collection_in_cart",
] as const
export type AutomationConditionField = (typeof AUTOMATION_CONDITION_FIELDS)[number]

/**
 * One condition; all must hold. Values: account → account id; language →
 * "es" | "pt" | "en"; cart_total / order_total → an amount in the currency's
 * main unit (19.9), compared with Medusa's computed total; customer_kind →
 * "first_order" | "returning"; customer_group → a Medusa customer group id;
 * product_in_cart → a product id; collection_in_cart → a collection id.
 */
export type AutomationCondition = {
  field: AutomationConditionField
  op: "eq" | "neq" | "gte" | "lte" | "in" | "not_in"
  value: string | number | string[]
}

/**
 * Variables usable in texts, written `{{name}}`: customer_name, product_name,
 * product_id, cart_total, checkout_url, order_display_id, order_status,
 * discount_code, discount_expires_at, store_name. A rule naming any other
 * variable is refused when saved (400, the unknown names listed).
 */
export const AUTOMATION_VARIABLES = [
  "customer_name",
  "product_name",
  "product_id",
  "cart_total",
  "checkout_url",
  "order_display_id",
  "order_status",
  "discount_code",
  "discount_expires_at",
  "store_name",
] as const
export type AutomationVariable = (typeof AUTOMATION_VARIABLES)[number]

export type AutomationAction =
  /** Free-form text inside the 24-hour window; outside it, `fallback_template` if given, else the action is skipped (recorded). */
  | { type: "send_text"; text: string; fallback_template?: { name: string; language: string } | null }
  /** An approved template (works outside the window); body parameters are texts with variables. */
  | { type: "send_template"; name: string; language: string; parameters: string[] }
  /** Products (each with its variants) and/or single variants; a migrated keyword auto-reply may name variants. */
  | { type: "send_products"; product_ids: string[]; variant_ids?: string[]; text?: string }
  | { type: "send_collection"; collection_id: string; text?: string }
  /** Medusa's notification module: the admin feed, and email to `emails` through the store's email provider. */
  | { type: "notify_admins"; title: string; text: string; emails?: string[] }
  | { type: "tag_conversation"; tag: string }
  | { type: "add_to_customer_group"; customer_group_id: string }
  | { type: "assign_conversation"; user_id: string }
  /** Complete the cart now with manual payment (cash on delivery); the order confirmation follows. */
  | { type: "create_order" }
  | { type: "mark_order_paid" }
  /** A Medusa promotion with a code unique to this run, expiring, sent with `text` (which should name {{discount_code}}). */
  | { type: "send_discount"; kind: "percentage" | "fixed"; value: number; expires_in_hours: number; text: string }
  /**
   * POST a JSON body signed with HMAC-SHA256 of `secret` (header X-Whatsapp-Commerce-Signature: sha256=…); retried with backoff.
   * The secret is sealed at rest and never returned: the API shows it masked ("••••abcd"). Sending the mask back, or no
   * `secret`, keeps the stored one.
   */
  | { type: "webhook"; url: string; secret: string }
export type AutomationActionType = AutomationAction["type"]

export type AutomationRule = {
  id: string
  name: string
  enabled: boolean
  /** null: every account. */
  account_id: string | null
  /**
   * Higher first. Among message_received rules with keywords that answer the customer (send_text, send_template,
   * send_products, send_collection), only the highest-priority one that matches answers (ties: an exact match, then
   * the older id), as the keyword auto-replies did; the other matching ones do not run for that message.
   */
  priority: number
  trigger: AutomationTrigger
  conditions: AutomationCondition[]
  /** Wait this long after the trigger before the actions run (conditions are checked again then). */
  delay_minutes: number
  actions: AutomationAction[]
  created_at: string
  updated_at: string
}

export type AutomationRunStatus = "waiting" | "running" | "succeeded" | "partial" | "failed" | "skipped"

export type AutomationActionResult = {
  index: number
  type: AutomationActionType
  status: "done" | "skipped" | "failed" | "pending"
  detail: string | null
  attempts: number
}

export type AutomationRun = {
  id: string
  rule_id: string
  trigger_type: AutomationTriggerType
  /** The triggering event's identity: one run per rule and key, ever. */
  trigger_key: string
  account_id: string | null
  conversation_id: string | null
  status: AutomationRunStatus
  due_at: string
  attempts: number
  results: AutomationActionResult[]
  error: string | null
  created_at: string
  finished_at: string | null
}

export type AdminWhatsAppAutomationRequest = Omit<AutomationRule, "id" | "created_at" | "updated_at">
export type AdminWhatsAppAutomationResponse = { automation: AutomationRule }
export type AdminWhatsAppAutomationListResponse = { automations: (AutomationRule & { last_run: AutomationRun | null })[]; count: number }
export type AdminWhatsAppAutomationRunsResponse = { runs: AutomationRun[]; count: number; offset: number; limit: number }
/** POST /admin/whatsapp/automations/:id/test: what the rule would do for a sample event (nothing is sent). */
export type AdminWhatsAppAutomationTestRequest = { conversation_id?: string; cart_id?: string; order_id?: string; text?: string }
export type AdminWhatsAppAutomationTestResponse = {
  matches: boolean
  /** Why not, when a condition fails. */
  reason: string | null
  variables: Record<string, string>
  actions: { index: number; type: AutomationActionType; preview: string }[]
}
