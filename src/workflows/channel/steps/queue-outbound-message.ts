import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { OutboundInsert } from "../../../modules/whatsapp/types"

/** The row exists before any Graph API call; the dispatcher sends from it. */
export const queueOutboundMessageStep = createStep(
  "queue-whatsapp-outbound-message",
  async (input: OutboundInsert, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const queued = await whatsapp.queueOutboundMessage(input)
    return new StepResponse(queued, queued.created ? queued.id : null)
  },
  async (createdId, { container }) => {
    if (!createdId) {
      return
    }
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.discardQueuedMessages([createdId])
  }
)
