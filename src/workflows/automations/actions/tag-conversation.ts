import { renderTemplate } from "../../../lib/automations/template"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { AutomationActionHandler } from "../types"

/** Adds a tag to the conversation (once: tagging again is a no-op). */
export const handler: AutomationActionHandler<"tag_conversation"> = async (action, context) => {
  const conversationId = context.event.conversation_id
  if (!conversationId) return { status: "skipped", detail: "no conversation behind this event" }
  const tag = renderTemplate(action.tag, context.variables).trim().slice(0, 50)
  if (!tag) return { status: "skipped", detail: "the tag is empty once its variables are filled in" }
  const whatsapp: WhatsAppModuleService = context.container.resolve(WHATSAPP_MODULE)
  const added = await whatsapp.addConversationTag(conversationId, tag)
  return { status: "done", detail: added ? `tagged "${tag}"` : `already tagged "${tag}"` }
}
