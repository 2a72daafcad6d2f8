import type { MedusaContainer } from "@medusajs/framework/types"
import { evaluateConditions } from "../../lib/automations/conditions"
import { answersCustomer, automationRetryDelayMs } from "../../lib/automations/trigger-match"
import { describeError } from "../../lib/safe-error"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import type { AutomationActionResult, AutomationRule } from "../../types/http/automations"
import { actionHandler } from "./actions"
import { loadAutomationFacts } from "./load-facts"
import { toRule, type AutomationConversation } from "../../modules/whatsapp/sql/automations"
import type { AutomationActionContext, AutomationTriggerEvent } from "./types"

export type ClaimedAutomationRun = {
  id: string
  rule_id: string
  trigger_key: string
  event: AutomationTriggerEvent
  results: AutomationActionResult[]
  attempts: number
  /** Read with the claim (see work-queue.ts); absent, the engine reads them itself. Null rule: deleted. */
  rule?: Record<string, any> | null
  conversation?: (AutomationConversation & { store_name: string | null }) | null
}

/** Tries of one action before its failure is final (the run's attempt cap also holds). */
export const MAX_ACTION_ATTEMPTS = 4

/** How a run ends given its action results. */
export function runStatus(results: AutomationActionResult[]): "succeeded" | "partial" | "failed" | "skipped" {
  const done = results.filter((r) => r.status === "done").length
  const failed = results.filter((r) => r.status === "failed").length
  if (failed && !done) return "failed"
  if (failed) return "partial"
  if (!done) return "skipped"
  return "succeeded"
}

/**
 * Runs one claimed automation run: checks the rule still exists and is on,
 * checks the conditions again (now, not when the event came), fills in the
 * variables and runs the actions in order. An action `done` in an earlier
 * attempt is never run again; each result is stored as soon as it is known.
 * A retryable failure keeps the run open and books it again with backoff.
 */
export async function runAutomation(
  container: MedusaContainer,
  run: ClaimedAutomationRun,
  now: Date = new Date()
): Promise<{ retryInMs: number | null }> {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const finish = (status: "succeeded" | "partial" | "failed" | "skipped", results: AutomationActionResult[], error: string | null) =>
    whatsapp.finishAutomationRun(run.id, { status, results, error }).then(() => ({ retryInMs: null }))

  let rule: AutomationRule
  if (run.rule !== undefined) {
    if (!run.rule) return finish("skipped", run.results, "the rule was deleted")
    rule = toRule(run.rule)
  } else {
    try {
      rule = await whatsapp.automationRule(run.rule_id)
    } catch {
      return finish("skipped", run.results, "the rule was deleted")
    }
  }
  const started = run.results.some((r) => r.status !== "pending")
  // A rule switched off before its (delayed) run started does not run; one already half done finishes.
  if (!rule.enabled && !started) return finish("skipped", run.results, "the rule is disabled")

  const { facts, variables, conversation } = await loadAutomationFacts(container, run.event, run.conversation)
  // A keyword answer is an automatic answer: while a person has the conversation (handoff) it waits, as the concierge does.
  if (!started && answersCustomer(rule) && conversation?.handoff_at) {
    return finish("skipped", run.results, "a person has the conversation (handoff): automatic answers are paused")
  }
  if (!started) {
    const verdict = evaluateConditions(rule.conditions, facts)
    if (!verdict.matches) return finish("skipped", run.results, verdict.reason)
  }

  const results: AutomationActionResult[] = rule.actions.map(
    (action, index) => run.results.find((r) => r.index === index) ?? { index, type: action.type, status: "pending", detail: null, attempts: 0 }
  )
  const known = { ...variables }
  for (const earlier of results) Object.assign(known, (earlier as any).variables ?? {})
  let retryInMs: number | null = null
  for (const [index, action] of rule.actions.entries()) {
    const result = results[index]
    if (result.status !== "pending") continue
    const context: AutomationActionContext = {
      container,
      rule,
      run: { id: run.id, trigger_key: run.trigger_key, attempts: run.attempts },
      index,
      conversation,
      event: run.event,
      variables: known,
      now,
    }
    result.attempts++
    let outcome
    try {
      outcome = await actionHandler(action.type)(action as any, context)
    } catch (error) {
      outcome = { status: "failed" as const, detail: describeError(error), retryable: true }
    }
    result.detail = outcome.detail ?? null
    if (outcome.status === "failed" && outcome.retryable && result.attempts < MAX_ACTION_ATTEMPTS) {
      // Stays pending: the actions after it wait, in order, for its retry.
      retryInMs = automationRetryDelayMs(result.attempts)
      break
    }
    result.status = outcome.status
    if (outcome.variables) {
      Object.assign(known, outcome.variables)
      ;(result as any).variables = outcome.variables
    }
    // Stored before the next action runs; after the last one, finishing the run stores it.
    if (results.some((r) => r.status === "pending")) await whatsapp.saveAutomationRunResults(run.id, results)
  }
  if (retryInMs != null) {
    await whatsapp.saveAutomationRunResults(run.id, results)
    const last = results.find((r) => r.status === "pending" && r.detail)
    await whatsapp.finishWork("automation_run", [{ id: run.id, result: "retry", delayMs: retryInMs, note: last?.detail ?? "retrying" }])
    return { retryInMs }
  }
  const status = runStatus(results)
  const error = results.filter((r) => r.status === "failed").map((r) => `#${r.index + 1} ${r.type}: ${r.detail}`).join("; ") || null
  return finish(status, results, error)
}

/** The work lane's handler: one run per call; an unexpected error retries the run with backoff. */
export async function runClaimedAutomation(container: MedusaContainer, run: ClaimedAutomationRun) {
  try {
    return await runAutomation(container, run)
  } catch (error) {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const delayMs = automationRetryDelayMs(run.attempts)
    await whatsapp.finishWork("automation_run", [{ id: run.id, result: "retry", delayMs, note: `run failed: ${describeError(error)}` }])
    return { retryInMs: delayMs }
  }
}
