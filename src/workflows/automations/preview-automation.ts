import type { MedusaContainer } from "@medusajs/framework/types"
import { evaluateConditions } from "../../lib/automations/conditions"
import { productsCount } from "../../lib/automations/rule-summary"
import { renderTemplate } from "../../lib/automations/template"
import { ruleFires } from "../../lib/automations/trigger-match"
import type { AdminWhatsAppAutomationTestRequest, AdminWhatsAppAutomationTestResponse, AutomationAction, AutomationRule } from "../../types/http/automations"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import { loadAutomationFacts } from "./load-facts"
import type { AutomationTriggerEvent } from "./types"

/** What an action would do, in a line, with its variables filled in. */
export function previewAction(action: AutomationAction, variables: Record<string, string>): string {
  const r = (text: string) => renderTemplate(text, variables)
  switch (action.type) {
    case "send_text":
      return `send text: ${r(action.text)}${action.fallback_template ? ` (outside the window: template ${action.fallback_template.name})` : ""}`
    case "send_template":
      return `send template ${action.name} (${action.language})${action.parameters.length ? `: ${action.parameters.map(r).join(" | ")}` : ""}`
    case "send_products":
      return `send ${productsCount(action)}${action.text ? `: ${r(action.text)}` : ""}`
    case "send_collection":
      return `send collection ${action.collection_id}${action.text ? `: ${r(action.text)}` : ""}`
    case "notify_admins":
      return `notify admins: ${r(action.title)}: ${r(action.text)}${action.emails?.length ? ` (and ${action.emails.length} email(s))` : ""}`
    case "tag_conversation":
      return `tag the conversation "${r(action.tag)}"`
    case "add_to_customer_group":
      return `add the customer to group ${action.customer_group_id}`
    case "assign_conversation":
      return `assign the conversation to ${action.user_id}`
    case "create_order":
      return "create the order now (manual payment)"
    case "mark_order_paid":
      return "mark the order paid"
    case "send_discount":
      return `create a ${action.kind === "percentage" ? `${action.value}%` : action.value} discount for ${action.expires_in_hours} h and send: ${r(action.text)}`
    case "webhook":
      return `POST signed JSON to ${new URL(action.url).origin}`
  }
}

/**
 * A dry run of a rule for a sample event: would it fire, why not, the
 * variables and what each action would do. Nothing is stored or sent.
 */
export async function previewAutomation(
  container: MedusaContainer,
  rule: AutomationRule,
  sample: AdminWhatsAppAutomationTestRequest
): Promise<AdminWhatsAppAutomationTestResponse> {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const conversation = sample.conversation_id ? await whatsapp.automationConversation(sample.conversation_id) : null
  const event: AutomationTriggerEvent = {
    type: rule.trigger.type,
    key: "test",
    account_id: conversation?.account_id ?? rule.account_id,
    conversation_id: conversation?.id ?? null,
    cart_id: sample.cart_id ?? null,
    order_id: sample.order_id ?? null,
    customer_id: conversation?.customer_id ?? null,
    text: sample.text ?? null,
    occurred_at: new Date().toISOString(),
  }
  const { facts, variables } = await loadAutomationFacts(container, event)
  let reason: string | null = null
  if (rule.trigger.type === "message_received" && !ruleFires({ ...rule, enabled: true }, event)) reason = "the text matches none of the keywords"
  else if (rule.account_id && event.account_id && rule.account_id !== event.account_id) reason = "the conversation belongs to another account"
  else reason = evaluateConditions(rule.conditions, facts).reason
  return {
    matches: reason === null,
    reason,
    variables,
    actions: rule.actions.map((action, index) => ({ index, type: action.type, preview: previewAction(action, variables) })),
  }
}
