import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../../modules/whatsapp/service"
import type { AdminWhatsAppPhoneStepResponse } from "../../../../../../../types/http/onboarding"
import { respondOnboardingError } from "../../../../onboarding/respond"
import type { AdminVerifyCodeType } from "../../../../onboarding/validators"
import { retrieveAccount } from "../../../helpers"
import { readNumber } from "../read-number"

/** Sends Meta the code the number received (`POST /{phone-number-id}/verify_code`); the number is then verified. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminVerifyCodeType>, res: MedusaResponse<AdminWhatsAppPhoneStepResponse>) => {
  const account = await retrieveAccount(req.scope, req.params.id)
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const client = await whatsapp.graphClientFor(account.id)
  try {
    await client.verifyCode(account.phone_number_id, req.validatedBody.code)
    res.json({ phone_number: await readNumber(client, account.phone_number_id) })
  } catch (error) {
    respondOnboardingError(res, error, "verify_code")
  }
}
