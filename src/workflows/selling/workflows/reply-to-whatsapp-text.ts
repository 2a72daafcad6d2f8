import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WhatsAppEvents } from "../../../events"
import { announceHandoff } from "../concierge/announce-handoff"
import { composeTextReplyStep } from "../steps/compose-text-reply"
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
  announceHandoff(handedOff, reply)
  return new WorkflowResponse(reply)
})
