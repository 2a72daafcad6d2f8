import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { randomUUID } from "node:crypto"
import { recipientIdentity } from "../../../lib/customer-identity"
import type { OutboundMessage } from "../../../lib/graph-api/types"
import { outboundPreview } from "../../../lib/outbound/limits"
import { conversationRefusal, limitsRefusal, throwIfRefused } from "../../../lib/outbound/refusal"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type { OpenedConversation, OutboundInsert } from "../../../modules/whatsapp/types"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

export type SendWhatsAppMessageInput = {
  /** The conversation to answer; or `account_id` and `to` (a phone or a BSUID) to start one with a template. */
  conversation_id?: string
  account_id?: string
  to?: string
  message: OutboundMessage
  /** Same key, same message: a retried call never sends twice. */
  idempotency_key?: string
  /** The file an image or document message carries (see workflows/media). */
  media?: OutboundInsert["media"]
  /**
   * The conversation's opt-out and window as the caller read them a moment
   * ago (the automation engine's claim of a run returns them), so they are
   * not read a second time; absent or for another conversation, the step
   * reads them.
   */
  conversation?: { id: string; opted_out: boolean; last_inbound_at: Date | string | null } | null
}

/**
 * Checks everything that can be checked before a message is queued: Meta's
 * limits, opt-out, and the 24-hour window for free-form messages. A refusal
 * is a clear error and nothing reaches the Graph API.
 */
export const prepareOutboundMessageStep = createStep(
  "prepare-whatsapp-outbound-message",
  async (input: SendWhatsAppMessageInput, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    throwIfRefused(limitsRefusal(input.message))

    let conversation: { id: string; opted_out: boolean; last_inbound_at: Date | string | null }
    let opened: OpenedConversation | null = null
    if (input.conversation_id && input.conversation?.id === input.conversation_id) {
      conversation = input.conversation
    } else if (input.conversation_id) {
      conversation = await whatsapp.retrieveWhatsappConversation(input.conversation_id)
    } else if (input.account_id && input.to) {
      const identity = recipientIdentity(input.to)
      if (!identity) throw new MedusaError(MedusaError.Types.INVALID_DATA, "`to` must be a phone number or a business-scoped user ID")
      opened = await whatsapp.openConversation({ accountId: input.account_id, ...identity })
      conversation = opened
    } else {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Give conversation_id, or account_id and to")
    }

    throwIfRefused(conversationRefusal(input.message, conversation))
    return new StepResponse({
      conversationId: conversation.id,
      type: input.message.type,
      text: outboundPreview(input.message),
      payload: input.message,
      idempotencyKey: input.idempotency_key ?? randomUUID(),
      media: input.media ?? null,
    }, opened?.created ? opened.id : null)
  },
  async (createdConversationId, { container }) => {
    if (!createdConversationId) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.closeEmptyConversation(createdConversationId)
  }
)
