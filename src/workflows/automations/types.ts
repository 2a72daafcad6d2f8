import type { MedusaContainer } from "@medusajs/framework/types"
import type { AutomationAction, AutomationActionType, AutomationRule, AutomationTriggerType } from "../../types/http/automations"

/**
 * What happened, as the automation engine receives it from a Medusa event
 * (the plugin's whatsapp.* events and Medusa's order events). `key` is the
 * event's own identity: a rule runs once per (rule, key), whatever replays.
 */
export type AutomationTriggerEvent = {
  type: AutomationTriggerType
  key: string
  account_id: string | null
  conversation_id: string | null
  /** The plugin's whatsapp_cart id and the Medusa cart behind it. */
  whatsapp_cart_id?: string | null
  cart_id?: string | null
  order_id?: string | null
  customer_id?: string | null
  product_id?: string | null
  /** The customer's text (message_received, product_question). */
  text?: string | null
  occurred_at: string
}

export type AutomationActionContext = {
  container: MedusaContainer
  rule: AutomationRule
  run: { id: string; trigger_key: string; attempts: number }
  /** The action's position in the rule: with the run id, the idempotency key of what it queues. */
  index: number
  /** The conversation as read when the run was claimed (absent: read it). */
  conversation?: { id: string; last_inbound_at: Date | string | null; opted_out: boolean; customer_id: string | null } | null
  event: AutomationTriggerEvent
  /** The variables known so far (an earlier action may add some, e.g. discount_code). */
  variables: Record<string, string>
  now: Date
}

/**
 * How one action went. `failed` with `retryable` is tried again with backoff
 * (the run stays open); without it the failure is final and shown on the
 * rule's runs. An action already `done` in an earlier attempt is never run
 * again. `variables` are added for the actions after it.
 */
export type AutomationActionOutcome = {
  status: "done" | "skipped" | "failed"
  detail?: string | null
  retryable?: boolean
  variables?: Record<string, string>
}

export type AutomationActionHandler<T extends AutomationActionType = AutomationActionType> = (
  action: Extract<AutomationAction, { type: T }>,
  context: AutomationActionContext
) => Promise<AutomationActionOutcome>
