import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OnboardingProblem } from "../../../lib/onboarding/explain-error"
import { missingPermissions } from "../../../lib/onboarding/token-permissions"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

/** Asks Meta what the new token may do (`debug_token`): both WhatsApp permissions on this WABA, or nothing goes further. */
export const checkTokenPermissionsStep = createStep(
  "onboarding-check-permissions",
  async (input: { sealed_token: string; waba_id: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const app = whatsapp.graphAppClient()
    if (!app) throw new OnboardingProblem("embedded_signup_disabled", "Embedded Signup is not configured on this store.", "Set the plugin options metaAppId and appSecret.")
    const { data } = await app.debugToken(whatsapp.openSealedSecret(input.sealed_token))
    const missing = missingPermissions(data, input.waba_id)
    if (missing.length) {
      throw new OnboardingProblem(
        "missing_permission",
        `The access granted in Facebook's window lacks ${missing.join(" and ")} for WhatsApp Business Account ${input.waba_id}, which this store needs to manage the account and send messages.`,
        `Run “Connect with Facebook” again and keep every WhatsApp permission allowed for this account.`,
        403
      )
    }
    return new StepResponse({ permissions: data.scopes ?? [] })
  }
)
