import { MedusaError } from "@medusajs/framework/utils"
import { describeError } from "../../../lib/safe-error"
import { updateWhatsAppConversationInboxStateWorkflow } from "../../inbox/workflows/update-whatsapp-conversation-inbox-state"
import type { AutomationActionHandler } from "../types"

/** `assign_conversation`: the event's conversation goes to an admin user (checked against Medusa's user module). */
export const handler: AutomationActionHandler<"assign_conversation"> = async (action, context) => {
  const conversationId = context.event.conversation_id
  if (!conversationId) return { status: "skipped", detail: "the event has no conversation to assign" }
  try {
    const { result } = await updateWhatsAppConversationInboxStateWorkflow(context.container).run({
      input: { conversation_id: conversationId, assigned_to_id: action.user_id },
    })
    return { status: "done", detail: result.assigned ? `assigned to ${action.user_id}` : `already assigned to ${action.user_id}` }
  } catch (error) {
    // A user that does not exist (or a conversation gone) will not appear on a retry.
    const type = (error as { type?: string } | null)?.type
    const permanent = type === MedusaError.Types.INVALID_DATA || type === MedusaError.Types.NOT_FOUND
    // Our own refusals name the user and say why (no customer data); anything else is masked.
    return { status: "failed", retryable: !permanent, detail: `not assigned: ${permanent ? (error as Error).message : describeError(error)}` }
  }
}
