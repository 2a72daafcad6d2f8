import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OutboundMessage } from "../../../lib/graph-api/types"
import { outboundPreview } from "../../../lib/outbound/limits"
import { conversationRefusal, limitsRefusal, throwIfRefused } from "../../../lib/outbound/refusal"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

export type QueueRepliesInput = {
  conversation_id: string
  messages: OutboundMessage[]
  /** Message i gets `<prefix>:<i>`: a retried run queues nothing twice. */
  idempotency_prefix: string
}

export type QueuedReplies = {
  /** Every message's id, in order (earlier runs' rows for repeated keys). */
  ids: string[]
  /** The ids this run created: the dispatcher is told about these. */
  created: string[]
}

/**
 * Queues several messages in order, in one insert, after the same checks as
 * a single send (Meta's limits, opt-out, the 24-hour window). The
 * dispatcher paces and retries them; compensation withdraws what has not
 * left yet.
 */
export const queueWhatsAppRepliesStep = createStep(
  "queue-whatsapp-replies",
  async (input: QueueRepliesInput, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const conversation = await whatsapp.retrieveWhatsappConversation(input.conversation_id)
    for (const message of input.messages) {
      throwIfRefused(limitsRefusal(message) ?? conversationRefusal(message, conversation))
    }
    const queued = await whatsapp.queueOutboundMessages(
      input.messages.map((message, i) => ({
        conversationId: conversation.id,
        type: message.type,
        text: outboundPreview(message),
        payload: message,
        idempotencyKey: `${input.idempotency_prefix}:${i}`,
      }))
    )
    const created = queued.filter((q) => q.created).map((q) => q.id)
    return new StepResponse<QueuedReplies, string[]>({ ids: queued.map((q) => q.id), created }, created)
  },
  async (created, { container }) => {
    if (!created?.length) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    // What has not left yet is withdrawn; a message already sent cannot be.
    await whatsapp.discardQueuedMessages(created)
  }
)
