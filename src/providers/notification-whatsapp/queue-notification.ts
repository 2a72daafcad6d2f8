import { MedusaError } from "@medusajs/framework/utils"
import { WhatsAppEvents } from "../../events"
import { chooseNotificationMessage, type WhatsAppNotificationData } from "../../lib/notifications/notification-data"
import { outboundPreview } from "../../lib/outbound/limits"
import { limitsRefusal, throwIfRefused } from "../../lib/outbound/refusal"
import type WhatsAppModuleService from "../../modules/whatsapp/service"

type EventBus = { emit(message: { name: string; data: unknown }): Promise<void> }

/**
 * A notification as a queued WhatsApp message: its conversation, the text
 * inside the 24-hour window or the template outside it, queued once per
 * idempotency key; the dispatcher is told when a row was created. Throws
 * the reason when it cannot be sent (Medusa stores it on the notification).
 */
export async function queueWhatsAppNotification(
  deps: { whatsapp: WhatsAppModuleService; eventBus: EventBus },
  input: { to: string; data: WhatsAppNotificationData; idempotencyKey: string }
): Promise<{ id: string }> {
  const conversation = await deps.whatsapp.conversationForNotification(input.to, input.data)
  const choice = chooseNotificationMessage(input.data, conversation)
  if (!choice.ok) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, choice.error)
  }
  throwIfRefused(limitsRefusal(choice.message))
  if (choice.message.type === "template") {
    // Meta said the template is not approved, or the customer stopped marketing: refused with that reason.
    const { name, language } = choice.message.template
    const refusal = await deps.whatsapp.templateRefusal(conversation.id, name, language.code)
    if (refusal) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal)
  }
  const queued = await deps.whatsapp.queueOutboundMessage({
    conversationId: conversation.id,
    type: choice.message.type,
    text: outboundPreview(choice.message),
    payload: choice.message,
    idempotencyKey: `notification:${input.idempotencyKey}`,
  })
  if (queued.created) {
    await deps.eventBus.emit({ name: WhatsAppEvents.MESSAGE_QUEUED, data: { id: queued.id } })
  }
  return { id: queued.id }
}
