import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { prepareOutboundMessageStep, SendWhatsAppMessageInput } from "../steps/prepare-outbound-message"
import { queueOutboundMessageStep } from "../steps/queue-outbound-message"
import { WhatsAppEvents } from "../../../events"

/**
 * Queues a WhatsApp message (text, interactive or template) and hands it to
 * the dispatcher, which paces and sends it. Returns the message id; a call
 * repeated with the same idempotency key returns the first message.
 */
export const sendWhatsAppMessageWorkflow = createWorkflow(
  "send-whatsapp-message",
  (input: SendWhatsAppMessageInput) => {
    const prepared = prepareOutboundMessageStep(input)
    const queued = queueOutboundMessageStep(prepared)
    const event = transform({ queued }, ({ queued }) => (queued.created ? [{ id: queued.id }] : []))
    emitEventStep({ eventName: WhatsAppEvents.MESSAGE_QUEUED, data: event })
    return new WorkflowResponse(queued)
  }
)
