import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { queueOutboundMessage } from "../../../modules/whatsapp/sql/outbound"

type QueueInput = { conversationId: string; type: string; text: string | null; payload: unknown; idempotencyKey: string }

/** The row exists before any Graph API call; the dispatcher sends from it. */
export const queueOutboundMessageStep = createStep(
  "queue-whatsapp-outbound-message",
  async (input: QueueInput, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const queued = await queueOutboundMessage(whatsapp.sql, input)
    return new StepResponse(queued, queued.created ? queued.id : null)
  },
  async (createdId, { container }) => {
    if (!createdId) {
      return
    }
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.sql.execute(`delete from whatsapp_message where id = ? and status = 'queued'`, [createdId])
  }
)
