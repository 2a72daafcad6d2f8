import type { AutomationRule } from "../../types/http/automations"
import type { AutomationTriggerEvent } from "../../workflows/automations/types"
import { matchAutoReply } from "../auto-reply-rules"

type RuleHead = Pick<AutomationRule, "id" | "enabled" | "account_id" | "trigger">

/**
 * Whether a rule fires for an event (before its conditions): enabled, same
 * trigger type, its account or every account, and for message_received its
 * keywords, matched as the keyword auto-replies always were (whole words,
 * accents and case ignored). A message rule without keywords fires on every text.
 */
export function ruleFires(rule: RuleHead, event: Pick<AutomationTriggerEvent, "type" | "account_id" | "text">): boolean {
  if (!rule.enabled || rule.trigger.type !== event.type) return false
  if (rule.account_id && rule.account_id !== event.account_id) return false
  const keywords = rule.trigger.keywords ?? []
  if (event.type !== "message_received" || !keywords.length) return true
  return !!matchAutoReply(event.text ?? "", [{ id: rule.id, match: rule.trigger.match ?? "contains", keywords, priority: 0, active: true }])
}

/** Retry delay of a retryable action failure: 30 s, 1 min, 2 min… up to 30 min, halved jitter. */
export function automationRetryDelayMs(attempt: number, random: () => number = Math.random): number {
  const capped = Math.min(30 * 60_000, 30_000 * Math.pow(2, Math.max(0, attempt - 1)))
  return Math.round(capped / 2 + (random() * capped) / 2)
}
