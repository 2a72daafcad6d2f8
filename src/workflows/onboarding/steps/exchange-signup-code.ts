import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OnboardingProblem } from "../../../lib/onboarding/explain-error"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

/**
 * Exchanges Embedded Signup's code for the business token, server to server
 * with the app secret. The token is sealed at once: only its sealed form
 * travels between steps (a workflow may keep its steps' results).
 * Nothing to undo: an unused token grants nothing.
 */
export const exchangeSignupCodeStep = createStep("onboarding-exchange-code", async (input: { code: string }, { container }) => {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const { metaAppId, appSecret } = whatsapp.getOptions()
  if (!metaAppId || !appSecret) {
    throw new OnboardingProblem("embedded_signup_disabled", "Embedded Signup is not configured on this store.", "Set the plugin options metaAppId, embeddedSignupConfigId and appSecret, or connect under Advanced.")
  }
  const { access_token } = await whatsapp.graphClientForSealedToken(null).exchangeCode(metaAppId, appSecret, input.code)
  return new StepResponse({ sealed_token: whatsapp.sealSecret(access_token) })
})
