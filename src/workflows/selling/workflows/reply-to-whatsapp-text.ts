import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WhatsAppEvents } from "../../../events"
import { handoffNotice } from "../concierge/outcome"
import { composeTextReplyStep } from "../steps/compose-text-reply"
import { notifyAdminStep } from "../steps/notify-admin"
import { queueWhatsAppRepliesStep } from "../steps/queue-whatsapp-replies"
import { recordConciergeOutcomeStep } from "../steps/record-concierge-outcome"

/**
 * Answers a customer's text: keyword rule, concierge intent, discovery
 * search, or the default reply. A handoff to a person is stored on the
 * conversation, announced in the admin feed and emitted as an event.
 */
export const replyToWhatsAppTextWorkflow = createWorkflow("reply-to-whatsapp-text", (input: { message_id: string }) => {
  const reply = composeTextReplyStep(input)
  const handedOff = recordConciergeOutcomeStep(transform({ reply }, ({ reply }) => reply.outcome))
  const queued = queueWhatsAppRepliesStep(
    transform({ reply }, ({ reply }) => ({
      conversation_id: reply.conversation_id,
      messages: reply.reply,
      idempotency_prefix: `reply:${reply.message_id}`,
    }))
  )
  emitEventStep({ eventName: WhatsAppEvents.MESSAGE_QUEUED, data: transform({ queued }, ({ queued }) => queued.created.map((id) => ({ id }))) })
  when({ handedOff }, ({ handedOff }) => handedOff).then(() => {
    notifyAdminStep(transform({ reply }, ({ reply }) => handoffNotice(reply.outcome, reply.customer_name)))
    emitEventStep({
      eventName: WhatsAppEvents.CONVERSATION_HANDED_OFF,
      data: transform({ reply }, ({ reply }) => ({ conversation_id: reply.conversation_id, message_id: reply.message_id, reason: reply.outcome.handoff_reason })),
    }).config({ name: "emit-whatsapp-conversation-handed-off" })
  })
  return new WorkflowResponse(reply)
})
