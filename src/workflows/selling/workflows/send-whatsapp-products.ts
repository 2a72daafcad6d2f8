import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { randomUUID } from "node:crypto"
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
  const messageIds = queueWhatsAppRepliesStep(
    transform({ input, composed }, ({ input, composed }) => ({
      conversation_id: composed.conversation_id,
      messages: composed.messages,
      idempotency_prefix: `products:${input.idempotency_key ?? randomUUID()}`,
    }))
  )
  const result = transform({ composed, messageIds }, ({ composed, messageIds }) => ({
    message_ids: messageIds,
    sent_variant_ids: composed.sent_variant_ids,
    unsynced: composed.unsynced,
  }))
  return new WorkflowResponse(result)
})
