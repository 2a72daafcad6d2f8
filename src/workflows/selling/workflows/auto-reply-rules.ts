import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

export type AutoReplyRuleInput = {
  name: string
  match?: "exact" | "contains"
  keywords: string[]
  reply_type?: "text" | "products"
  reply_text?: string | null
  product_ids?: string[] | null
  variant_ids?: string[] | null
  priority?: number
  active?: boolean
}

function checkRule(rule: Partial<AutoReplyRuleInput>, current?: Partial<AutoReplyRuleInput>) {
  const merged = { ...current, ...rule }
  if ((merged.reply_type ?? "text") === "text" && !merged.reply_text?.trim()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "reply_text: a text rule needs the text to answer with")
  }
  if (merged.reply_type === "products" && !merged.product_ids?.length && !merged.variant_ids?.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "product_ids: a products rule needs products or variants to send")
  }
}

const createRuleStep = createStep(
  "create-whatsapp-auto-reply-rule",
  async (input: AutoReplyRuleInput & { account_id: string }, { container }) => {
    checkRule(input)
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.retrieveWhatsappAccount(input.account_id)
    const rule = await whatsapp.createWhatsappAutoReplyRules(input as any)
    return new StepResponse(rule, rule.id)
  },
  async (id, { container }) => {
    if (id) await (container.resolve(WHATSAPP_MODULE) as WhatsAppModuleService).deleteWhatsappAutoReplyRules(id)
  }
)

const updateRuleStep = createStep(
  "update-whatsapp-auto-reply-rule",
  async (input: Partial<AutoReplyRuleInput> & { id: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const before = await whatsapp.retrieveWhatsappAutoReplyRule(input.id)
    checkRule(input, before as any)
    const rule = await whatsapp.updateWhatsappAutoReplyRules(input as any)
    return new StepResponse(rule, before)
  },
  async (before, { container }) => {
    if (before) await (container.resolve(WHATSAPP_MODULE) as WhatsAppModuleService).updateWhatsappAutoReplyRules(before as any)
  }
)

const deleteRuleStep = createStep(
  "delete-whatsapp-auto-reply-rule",
  async (input: { id: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.retrieveWhatsappAutoReplyRule(input.id)
    await whatsapp.softDeleteWhatsappAutoReplyRules(input.id)
    return new StepResponse(input.id, input.id)
  },
  async (id, { container }) => {
    if (id) await (container.resolve(WHATSAPP_MODULE) as WhatsAppModuleService).restoreWhatsappAutoReplyRules(id)
  }
)

/** Adds a keyword rule to an account: matching texts get its text or products instead of a search. */
export const createWhatsAppAutoReplyRuleWorkflow = createWorkflow(
  "create-whatsapp-auto-reply-rule",
  (input: AutoReplyRuleInput & { account_id: string }) => new WorkflowResponse(createRuleStep(input))
)

export const updateWhatsAppAutoReplyRuleWorkflow = createWorkflow(
  "update-whatsapp-auto-reply-rule",
  (input: Partial<AutoReplyRuleInput> & { id: string }) => new WorkflowResponse(updateRuleStep(input))
)

export const deleteWhatsAppAutoReplyRuleWorkflow = createWorkflow(
  "delete-whatsapp-auto-reply-rule",
  (input: { id: string }) => new WorkflowResponse(deleteRuleStep(input))
)
