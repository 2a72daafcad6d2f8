import type { MedusaContainer } from "@medusajs/framework/types"
import { rulesToBook } from "../../lib/automations/trigger-match"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import { whatsappWork } from "../work/whatsapp-work"
import type { AutomationTriggerEvent } from "./types"

/**
 * Books one run per enabled rule that fires for the event, due after the
 * rule's delay, and wakes the automation lane. Nothing runs here: the lane
 * does, so a replayed event finds its runs already booked (the insert skips
 * an existing (rule, key)) and a crash loses nothing. Of the keyword rules
 * that answer a text, only the one that wins answers (see rulesToBook).
 */
export async function enqueueAutomationRuns(
  container: MedusaContainer,
  event: AutomationTriggerEvent,
  options: { now?: Date | null; nudge?: boolean } = {}
): Promise<string[]> {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const rules = rulesToBook(await whatsapp.automationRulesFor(event.type, event.account_id), event)
  if (!rules.length) return []
  const ids = await whatsapp.insertAutomationRuns(
    rules.map((rule) => ({
      rule_id: rule.id,
      trigger_type: event.type,
      trigger_key: event.key,
      account_id: event.account_id,
      conversation_id: event.conversation_id,
      event,
      delay_minutes: rule.delay_minutes,
    })),
    options.now ?? null
  )
  if (ids.length && options.nudge !== false) whatsappWork(container).nudge("automation_run")
  return ids
}
