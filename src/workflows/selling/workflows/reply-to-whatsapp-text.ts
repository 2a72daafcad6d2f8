import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WhatsAppEvents } from "../../../events"
import { composeTextReplyStep } from "../steps/compose-text-reply"
import { queueWhatsAppRepliesStep } from "../steps/queue-whatsapp-replies"

/** Answers a customer's text: keyword rule, discovery search, or the default reply. */
export const replyToWhatsAppTextWorkflow = createWorkflow("reply-to-whatsapp-text", (input: { message_id: string }) => {
  const reply = composeTextReplyStep(input)
  const queued = queueWhatsAppRepliesStep(
    transform({ reply }, ({ reply }) => ({
      conversation_id: reply.conversation_id,
      messages: reply.reply,
      idempotency_prefix: `reply:${reply.message_id}`,
    }))
  )
  emitEventStep({ eventName: WhatsAppEvents.MESSAGE_QUEUED, data: transform({ queued }, ({ queued }) => queued.created.map((id) => ({ id }))) })
  return new WorkflowResponse(reply)
})
