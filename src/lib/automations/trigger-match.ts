import type { AutomationActionType, AutomationRule } from "../../types/http/automations"
import type { AutomationTriggerEvent } from "../../workflows/automations/types"
import { matchAutoReply } from "../auto-reply-rules"

type RuleHead = Pick<AutomationRule, "id" | "enabled" | "account_id" | "trigger">
type RankedRule = RuleHead & Pick<AutomationRule, "priority" | "actions">
type TriggerEventHead = Pick<AutomationTriggerEvent, "type" | "account_id" | "text">

/** Actions that answer the customer: a keyword rule with one of them answers instead of search and the concierge. */
export const ANSWERING_ACTIONS: ReadonlySet<AutomationActionType> = new Set(["send_text", "send_template", "send_products", "send_collection"])

const keywordsOf = (rule: RuleHead) => (rule.trigger.type === "message_received" ? rule.trigger.keywords ?? [] : [])
/** A keyword rule that answers the customer (see ANSWERING_ACTIONS): it stands in for the automatic answer. */
export const answersCustomer = (rule: RuleHead & Pick<AutomationRule, "actions">) => keywordsOf(rule).length > 0 && rule.actions.some((a) => ANSWERING_ACTIONS.has(a.type))
const answers = answersCustomer

/**
 * Whether a rule fires for an event (before its conditions): enabled, same
 * trigger type, its account or every account, and for message_received its
 * keywords, matched as the keyword auto-replies always were (whole words,
 * accents and case ignored). A message rule without keywords fires on every text.
 */
export function ruleFires(rule: RuleHead, event: TriggerEventHead): boolean {
  if (!rule.enabled || rule.trigger.type !== event.type) return false
  if (rule.account_id && rule.account_id !== event.account_id) return false
  const keywords = keywordsOf(rule)
  if (event.type !== "message_received" || !keywords.length) return true
  return !!matchAutoReply(event.text ?? "", [{ id: rule.id, match: rule.trigger.match ?? "contains", keywords, priority: 0, active: true }])
}

/**
 * The keyword rule that answers a customer's text, or null: of the enabled
 * message_received rules with keywords and an answering action that match,
 * the one the keyword auto-replies would have chosen (highest priority; on a
 * tie an exact match, then the lower id). The inbound handler stays silent
 * for it; the engine books only it of the answering rules.
 */
export function answeringKeywordRule<R extends RankedRule>(rules: R[], event: TriggerEventHead): R | null {
  if (event.type !== "message_received") return null
  const candidates = rules.filter((rule) => answers(rule) && ruleFires(rule, event))
  const best = matchAutoReply(
    event.text ?? "",
    candidates.map((rule) => ({ id: rule.id, match: rule.trigger.match ?? "contains", keywords: keywordsOf(rule), priority: rule.priority ?? 0, active: true }))
  )
  return best ? candidates.find((rule) => rule.id === best.id) ?? null : null
}

/**
 * The rules to book for an event: every rule that fires, except answering
 * keyword rules other than the one that answers (one answer per message).
 */
export function rulesToBook<R extends RankedRule>(rules: R[], event: TriggerEventHead): R[] {
  const answering = answeringKeywordRule(rules, event)
  return rules.filter((rule) => ruleFires(rule, event) && (!answers(rule) || rule === answering))
}

/** Retry delay of a retryable action failure: 30 s, 1 min, 2 min… up to 30 min, halved jitter. */
export function automationRetryDelayMs(attempt: number, random: () => number = Math.random): number {
  const capped = Math.min(30 * 60_000, 30_000 * Math.pow(2, Math.max(0, attempt - 1)))
  return Math.round(capped / 2 + (random() * capped) / 2)
}
