import type { MedusaContainer } from "@medusajs/framework/types"
import { rulesToBook } from "../../lib/automations/trigger-match"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import type { BookedRuns } from "../../modules/whatsapp/sql/automations"
import { whatsappWork } from "../work/whatsapp-work"
import type { ClaimedAutomationRun } from "./run-automations"
import type { AutomationTriggerEvent } from "./types"

/**
 * Books one run per enabled rule that fires for the event, due after the
 * rule's delay, all in one insert. A replayed event finds its runs already
 * booked (the insert skips an existing (rule, key)). With `claim`, the runs
 * due now come back claimed by the same statement, for the caller to run at
 * once (see runAutomationsFor); a crash before they finish leaves a lease
 * that runs out, and the `automation_run` lane claims them then. Of the
 * keyword rules that answer a text, only the one that wins answers (see
 * rulesToBook).
 */
export async function bookAutomationRuns(
  container: MedusaContainer,
  event: AutomationTriggerEvent,
  options: { now?: Date | null; claim?: boolean } = {}
): Promise<BookedRuns<ClaimedAutomationRun>> {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const rules = rulesToBook(await whatsapp.automationRulesFor(event.type, event.account_id), event)
  if (!rules.length) return { ids: [], claimed: [] }
  return whatsapp.insertAutomationRuns<ClaimedAutomationRun>(
    rules.map((rule) => ({
      rule_id: rule.id,
      trigger_type: event.type,
      trigger_key: event.key,
      account_id: event.account_id,
      conversation_id: event.conversation_id,
      event,
      delay_minutes: rule.delay_minutes,
    })),
    options.now ?? null,
    options.claim ?? false
  )
}

/** Books the event's runs and wakes the automation lane to run them (nothing runs here); returns the ids new this time. */
export async function enqueueAutomationRuns(
  container: MedusaContainer,
  event: AutomationTriggerEvent,
  options: { now?: Date | null; nudge?: boolean } = {}
): Promise<string[]> {
  const { ids } = await bookAutomationRuns(container, event, { now: options.now })
  if (ids.length && options.nudge !== false) whatsappWork(container).nudge("automation_run")
  return ids
}

/**
 * The subscriber's path: books the event's runs and claims those due now in
 * the same round trip, then hands them to this process's automation lane,
 * which runs them within its concurrency (no second claim query). Delayed
 * runs wait in the table for the lane. When the lane is full, nothing is
 * claimed here: the lane claims the runs as it frees up.
 */
export async function runAutomationsFor(container: MedusaContainer, event: AutomationTriggerEvent): Promise<string[]> {
  const work = whatsappWork(container)
  const { ids, claimed } = await bookAutomationRuns(container, event, { claim: work.hasRoom("automation_run") })
  if (claimed.length) work.adopt("automation_run", claimed)
  if (ids.length > claimed.length) work.nudge("automation_run")
  return ids
}
