import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { randomUUID } from "node:crypto"
import { WhatsAppEvents } from "../../../events"
import { composeProductMessagesStep, SendWhatsAppProductsInput } from "../steps/compose-product-messages"
import { queueWhatsAppRepliesStep } from "../steps/queue-whatsapp-replies"

/**
 * Sends products into a conversation: one variant as a product card, several
 * as product lists (a section per product with its variants, split past 30
 * items or 10 sections), a collection or category as the list of its
 * variants, or the whole catalog. Returns the queued message ids and the
 * variants that were left out because they are not synced.
 */
export const sendWhatsAppProductsWorkflow = createWorkflow("send-whatsapp-products", (input: SendWhatsAppProductsInput) => {
  const composed = composeProductMessagesStep(input)
  const queued = queueWhatsAppRepliesStep(
    transform({ input, composed }, ({ input, composed }) => ({
      conversation_id: composed.conversation_id,
      messages: composed.messages,
      idempotency_prefix: `products:${input.idempotency_key ?? randomUUID()}`,
    }))
  )
  emitEventStep({ eventName: WhatsAppEvents.MESSAGE_QUEUED, data: transform({ queued }, ({ queued }) => queued.created.map((id) => ({ id }))) })
  const result = transform({ composed, queued }, ({ composed, queued }) => ({
    message_ids: queued.ids,
    sent_variant_ids: composed.sent_variant_ids,
    unsynced: composed.unsynced,
  }))
  return new WorkflowResponse(result)
})
