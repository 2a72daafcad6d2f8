import { isServiceWindowOpen } from "../../../lib/customer-window"
import { renderTemplate } from "../../../lib/automations/template"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { AutomationActionHandler } from "../types"
import { queueMessage } from "./queue-message"

/**
 * Free-form text, only inside the customer's 24-hour window (Meta's rule).
 * Outside it: the rule's fallback template (no parameters), or a recorded skip.
 */
export const handler: AutomationActionHandler<"send_text"> = async (action, context) => {
  const conversationId = context.event.conversation_id
  if (!conversationId) return { status: "skipped", detail: "no conversation behind this event" }
  const whatsapp: WhatsAppModuleService = context.container.resolve(WHATSAPP_MODULE)
  const conversation = context.conversation?.id === conversationId ? context.conversation : await whatsapp.automationConversation(conversationId)
  if (!conversation) return { status: "skipped", detail: "conversation not found" }
  if (!isServiceWindowOpen(conversation.last_inbound_at, context.now)) {
    const fallback = action.fallback_template
    if (!fallback) return { status: "skipped", detail: "outside the 24-hour window and no fallback template" }
    const outcome = await queueMessage(context, { type: "template", template: { name: fallback.name, language: { code: fallback.language } } })
    return outcome.status === "done" ? { ...outcome, detail: `outside the 24-hour window: template ${fallback.name} (${outcome.detail})` } : outcome
  }
  const body = renderTemplate(action.text, context.variables).trim()
  if (!body) return { status: "skipped", detail: "the text is empty once its variables are filled in" }
  return queueMessage(context, { type: "text", text: { body } })
}
