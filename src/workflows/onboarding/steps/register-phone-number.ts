import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

type Input = { sealed_token: string; phone_number_id: string; sealed_pin: string }

/**
 * Registers the number for Cloud API with its two-step PIN (sealed until
 * this call); undone with `POST /{phone-number-id}/deregister` when a later
 * step fails. Meta keeps the PIN on the number: "there is no endpoint to
 * disable two-step verification".
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/registration/
 */
export const registerPhoneNumberStep = createStep(
  "onboarding-register-number",
  async (input: Input, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const client = whatsapp.graphClientForSealedToken(input.sealed_token)
    await client.registerPhoneNumber(input.phone_number_id, whatsapp.openSealedSecret(input.sealed_pin))
    return new StepResponse({ registered: true }, { sealed_token: input.sealed_token, phone_number_id: input.phone_number_id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.graphClientForSealedToken(undo.sealed_token).deregisterPhoneNumber(undo.phone_number_id)
  }
)
