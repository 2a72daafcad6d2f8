import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { unknownVariables } from "../../../lib/automations/template"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { AdminWhatsAppAutomationRequest, AutomationRule } from "../../../types/http/automations"

export type AutomationRuleInput = Partial<AdminWhatsAppAutomationRequest>
/** A new rule: name, trigger and actions; the rest has defaults (enabled, every account, no conditions, no delay). */
export type NewAutomationRuleInput = AutomationRuleInput & Pick<AdminWhatsAppAutomationRequest, "name" | "trigger" | "actions">

// The rule cache (one second per process) is dropped after every write, so this process sees a saved rule at once.
const service = (container: { resolve(key: string): unknown }) => container.resolve(WHATSAPP_MODULE) as WhatsAppModuleService

/** Refuses what the validator cannot see alone: unknown variables, an account that does not exist. */
async function checkRule(whatsapp: WhatsAppModuleService, rule: AutomationRuleInput) {
  const unknown = unknownVariables(rule.actions ?? [])
  if (unknown.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `unknown variables: ${unknown.map((n) => `{{${n}}}`).join(", ")}`)
  }
  if (rule.trigger?.type !== "message_received" && rule.trigger?.keywords?.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "trigger.keywords: only for message_received")
  }
  if (rule.account_id) await whatsapp.retrieveWhatsappAccount(rule.account_id)
}

/** The stored row of a rule (its trigger type kept in a column of its own for the trigger lookup). */
const row = (rule: AutomationRuleInput) => ({ ...rule, ...(rule.trigger ? { trigger_type: rule.trigger.type } : {}) })

/** The input with its webhook secrets sealed (a masked or absent one keeps the stored secret); a new webhook without one is refused. */
function sealSecrets<T extends AutomationRuleInput>(whatsapp: WhatsAppModuleService, input: T, before: AutomationRule["actions"] = []): T {
  if (!input.actions) return input
  const { actions, missing } = whatsapp.sealAutomationSecrets(input.actions, before)
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `secret: required for a new webhook (action ${missing.map((i) => i + 1).join(", ")})`)
  }
  return { ...input, actions }
}

export const createAutomationRuleStep = createStep(
  "create-whatsapp-automation-rule",
  async (input: NewAutomationRuleInput, { container }) => {
    const whatsapp = service(container)
    await checkRule(whatsapp, input)
    const created = await whatsapp.createWhatsappAutomationRules(
      row({ enabled: true, account_id: null, priority: 0, conditions: [], delay_minutes: 0, ...sealSecrets(whatsapp, input) }) as any
    )
    whatsapp.forgetAutomationRules()
    return new StepResponse(await whatsapp.automationRule(created.id), created.id)
  },
  async (id, { container }) => {
    if (!id) return
    await service(container).deleteWhatsappAutomationRules(id)
    service(container).forgetAutomationRules()
  }
)

export const updateAutomationRuleStep = createStep(
  "update-whatsapp-automation-rule",
  async (input: AutomationRuleInput & { id: string }, { container }) => {
    const whatsapp = service(container)
    const before = await whatsapp.automationRule(input.id)
    await checkRule(whatsapp, { ...before, ...input })
    await whatsapp.updateWhatsappAutomationRules(row(sealSecrets(whatsapp, input, before.actions)) as any)
    whatsapp.forgetAutomationRules()
    return new StepResponse(await whatsapp.automationRule(input.id), before)
  },
  async (before, { container }) => {
    if (!before) return
    const { created_at, updated_at, ...rest } = before
    await service(container).updateWhatsappAutomationRules(row(rest) as any)
    service(container).forgetAutomationRules()
  }
)

export const deleteAutomationRuleStep = createStep(
  "delete-whatsapp-automation-rule",
  async (input: { id: string }, { container }) => {
    const whatsapp = service(container)
    await whatsapp.retrieveWhatsappAutomationRule(input.id)
    await whatsapp.softDeleteWhatsappAutomationRules(input.id)
    whatsapp.forgetAutomationRules()
    return new StepResponse(input.id, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    await service(container).restoreWhatsappAutomationRules(id)
    service(container).forgetAutomationRules()
  }
)
