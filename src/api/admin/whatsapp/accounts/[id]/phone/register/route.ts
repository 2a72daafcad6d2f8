import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { generatePin } from "../../../../../../../lib/onboarding/pin"
import { WHATSAPP_MODULE } from "../../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../../modules/whatsapp/service"
import type { AdminWhatsAppPhoneStepResponse } from "../../../../../../../types/http/onboarding"
import { respondOnboardingError } from "../../../../onboarding/respond"
import type { AdminRegisterNumberType } from "../../../../onboarding/validators"
import { retrieveAccount } from "../../../helpers"
import { readNumber } from "../read-number"

/**
 * Registers the account's (verified) number for Cloud API with a two-step
 * PIN: the merchant's, or one generated here and returned once as
 * `generated_pin` (never logged nor stored).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRegisterNumberType>, res: MedusaResponse<AdminWhatsAppPhoneStepResponse>) => {
  const account = await retrieveAccount(req.scope, req.params.id)
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const client = await whatsapp.graphClientFor(account.id)
  const chosen = req.validatedBody.pin
  const pin = chosen ?? generatePin()
  try {
    await client.registerPhoneNumber(account.phone_number_id, pin)
    res.json({ phone_number: await readNumber(client, account.phone_number_id), generated_pin: chosen ? null : pin })
  } catch (error) {
    respondOnboardingError(res, error, "register_number", !!chosen)
  }
}
