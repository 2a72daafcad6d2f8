import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { toOnboardedPhoneNumber } from "../../../lib/onboarding/phone-number"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

/** Reads the number as Meta now describes it: display name, status, quality, messaging tier. */
export const readPhoneNumberStep = createStep(
  "onboarding-read-number",
  async (input: { sealed_token: string; phone_number_id: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const info = await whatsapp.graphClientForSealedToken(input.sealed_token).getPhoneNumber(input.phone_number_id)
    return new StepResponse(toOnboardedPhoneNumber(info))
  }
)
