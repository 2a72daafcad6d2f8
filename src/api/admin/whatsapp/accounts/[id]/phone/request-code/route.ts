import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../../modules/whatsapp/service"
import type { AdminWhatsAppPhoneStepResponse } from "../../../../../../../types/http/onboarding"
import { respondOnboardingError } from "../../../../onboarding/respond"
import type { AdminRequestCodeType } from "../../../../onboarding/validators"
import { retrieveAccount } from "../../../helpers"
import { readNumber } from "../read-number"

/** Asks Meta to send a verification code to the account's number by SMS or voice call (`POST /{phone-number-id}/request_code`). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRequestCodeType>, res: MedusaResponse<AdminWhatsAppPhoneStepResponse>) => {
  const account = await retrieveAccount(req.scope, req.params.id)
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const client = await whatsapp.graphClientFor(account.id)
  try {
    await client.requestVerificationCode(account.phone_number_id, req.validatedBody.method, req.validatedBody.language ?? "en_US")
    res.json({ phone_number: await readNumber(client, account.phone_number_id) })
  } catch (error) {
    respondOnboardingError(res, error, "request_code")
  }
}
