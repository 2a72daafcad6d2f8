import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { claimWebhookEvent } from "../../../modules/whatsapp/sql/webhook-events"

/** Null when the event is already processed or another worker holds it. */
export const claimWebhookEventStep = createStep("claim-whatsapp-webhook-event", async (id: string, { container }) => {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  return new StepResponse(await claimWebhookEvent(whatsapp.sql, id))
})
