import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { GraphApiError } from "../../../lib/graph-api/errors"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

type Input = { sealed_token: string; waba_id: string }

/**
 * Subscribes the app to the WABA's webhooks (`POST /{waba-id}/subscribed_apps`);
 * undone with `DELETE` on the same edge when a later step fails
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/solution-providers/manage-webhooks).
 */
export const subscribeWabaWebhooksStep = createStep(
  "onboarding-subscribe-webhooks",
  async (input: Input, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const { success } = await whatsapp.graphClientForSealedToken(input.sealed_token).subscribeApp(input.waba_id)
    if (!success) throw new GraphApiError("Meta did not confirm the subscription (success: false)", 200, "success_false")
    return new StepResponse({ subscribed: true }, input)
  },
  async (undo, { container }) => {
    if (!undo) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.graphClientForSealedToken(undo.sealed_token).unsubscribeApp(undo.waba_id)
  }
)
