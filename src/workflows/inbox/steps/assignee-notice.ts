import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { NOT_UNREAD } from "../../../modules/whatsapp/sql/ingest"
import type { AdminNotice } from "../../selling/steps/notify-admin"

/**
 * The feed notice for the admin a conversation is assigned to, when its
 * customer writes; null when nobody is assigned. Named by the customer's
 * profile name or username, never their phone.
 */
export const assigneeNoticeStep = createStep(
  "whatsapp-assignee-notice",
  async (input: { conversation_id: string; type: string }, { container }) => {
    if (NOT_UNREAD.has(input.type)) return new StepResponse(null as AdminNotice)
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const [conversation] = await whatsapp.listWhatsappConversations(
      { id: input.conversation_id },
      { select: ["id", "assigned_to_id", "profile_name", "username"] }
    )
    if (!conversation?.assigned_to_id) return new StepResponse(null as AdminNotice)
    const who = conversation.profile_name || (conversation.username ? `@${conversation.username}` : "A customer")
    const notice: AdminNotice = {
      to: conversation.assigned_to_id,
      title: "WhatsApp: new message in your conversation",
      description: `${who} wrote in a conversation assigned to you.`,
      resource_type: "whatsapp_conversation",
      resource_id: conversation.id,
    }
    return new StepResponse(notice)
  }
)
