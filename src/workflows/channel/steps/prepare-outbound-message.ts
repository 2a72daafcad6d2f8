import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { randomUUID } from "node:crypto"
import { isServiceWindowOpen } from "../../../lib/customer-window"
import type { OutboundMessage } from "../../../lib/graph-api/types"
import { isFreeForm, outboundPreview, validateOutboundMessage } from "../../../lib/outbound/limits"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type { OpenedConversation } from "../../../modules/whatsapp/types"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

export type SendWhatsAppMessageInput = {
  /** The conversation to answer; or `account_id` and `to` (a wa_id) to start one with a template. */
  conversation_id?: string
  account_id?: string
  to?: string
  message: OutboundMessage
  /** Same key, same message: a retried call never sends twice. */
  idempotency_key?: string
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
    const problems = validateOutboundMessage(input.message)
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The message breaks WhatsApp's limits: ${problems.join("; ")}`)
    }

    let conversation: { id: string; opted_out: boolean; last_inbound_at: Date | null }
    let opened: OpenedConversation | null = null
    if (input.conversation_id) {
      conversation = await whatsapp.retrieveWhatsappConversation(input.conversation_id)
    } else if (input.account_id && input.to) {
      opened = await whatsapp.openConversation({ accountId: input.account_id, waId: input.to.replace(/\D/g, "") })
      conversation = opened
    } else {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Give conversation_id, or account_id and to")
    }

    if (conversation.opted_out) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The customer opted out of messages (they can send START to resume)")
    }
    if (isFreeForm(input.message) && !isServiceWindowOpen(conversation.last_inbound_at)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Outside the 24-hour customer-service window only approved templates can be sent; this message was not sent"
      )
    }
    return new StepResponse({
      conversationId: conversation.id,
      type: input.message.type,
      text: outboundPreview(input.message),
      payload: input.message,
      idempotencyKey: input.idempotency_key ?? randomUUID(),
    }, opened?.created ? opened.id : null)
  },
  async (createdConversationId, { container }) => {
    if (!createdConversationId) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.closeEmptyConversation(createdConversationId)
  }
)
