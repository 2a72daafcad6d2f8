import { transform, when, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WhatsAppEvents } from "../../../events"
import { notifyAdminStep } from "../steps/notify-admin"
import { handoffNotice, type ConciergeOutcome } from "./outcome"

type Answered = { conversation_id: string; message_id: string; outcome: ConciergeOutcome; customer_name: string | null }

/**
 * Inside a reply workflow, once the handoff is stored: the admin feed entry
 * and `whatsapp.conversation.handed_off`. Only a new handoff is announced.
 */
export function announceHandoff(handedOff: WorkflowData<boolean>, answered: WorkflowData<Answered>) {
  when({ handedOff }, ({ handedOff }) => handedOff).then(() => {
    notifyAdminStep(transform({ answered }, ({ answered }) => handoffNotice(answered.outcome, answered.customer_name)))
    emitEventStep({
      eventName: WhatsAppEvents.CONVERSATION_HANDED_OFF,
      data: transform({ answered }, ({ answered }) => ({ conversation_id: answered.conversation_id, message_id: answered.message_id, reason: answered.outcome.handoff_reason })),
    }).config({ name: "emit-whatsapp-conversation-handed-off" })
  })
}
