import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WhatsAppEvents } from "../../../events"
import { composeInquiryReplyStep } from "../steps/compose-inquiry-reply"
import { queueWhatsAppRepliesStep } from "../steps/queue-whatsapp-replies"
import { recordReferredProductStep } from "../steps/record-referred-product"
import { recordConciergeOutcomeStep } from "../steps/record-concierge-outcome"
import { announceHandoff } from "../concierge/announce-handoff"

/**
 * Handles a text sent from a catalog product (`context.referred_product`):
 * links it to the Medusa product and variant, emits
 * `whatsapp.product_inquiry.received`, and answers what the question asks
 * (a variant's price and stock, the FAQ answer, or the card; a handoff to a
 * person when asked for, or when the account wants one for other questions).
 */
export const handleWhatsAppProductInquiryWorkflow = createWorkflow(
  "handle-whatsapp-product-inquiry",
  (input: { message_id: string }) => {
    const inquiry = composeInquiryReplyStep(input)
    recordReferredProductStep(
      transform({ inquiry }, ({ inquiry }) => ({ message_id: inquiry.message_id, variant_id: inquiry.variant_id, product_id: inquiry.product_id }))
    )
    const handedOff = recordConciergeOutcomeStep(transform({ inquiry }, ({ inquiry }) => inquiry.outcome))
    const queued = queueWhatsAppRepliesStep(
      transform({ inquiry }, ({ inquiry }) => ({
        conversation_id: inquiry.conversation_id,
        messages: inquiry.reply,
        idempotency_prefix: `reply:${inquiry.message_id}`,
      }))
    )
    emitEventStep({ eventName: WhatsAppEvents.MESSAGE_QUEUED, data: transform({ queued }, ({ queued }) => queued.created.map((id) => ({ id }))) }).config({
      name: "emit-whatsapp-replies-queued",
    })
    const event = transform({ inquiry }, ({ inquiry }) => ({
      conversation_id: inquiry.conversation_id,
      message_id: inquiry.message_id,
      account_id: inquiry.account_id,
      product_id: inquiry.product_id,
      variant_id: inquiry.variant_id,
      product_name: inquiry.product_name,
      text: inquiry.text,
    }))
    emitEventStep({ eventName: WhatsAppEvents.PRODUCT_INQUIRY_RECEIVED, data: event })
    announceHandoff(handedOff, inquiry)
    return new WorkflowResponse(inquiry)
  }
)
