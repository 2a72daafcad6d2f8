import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { SupportedLanguage } from "../../../lib/account-settings"
import type { OnboardingStep } from "../../../types/http/onboarding"
import { createWhatsAppAccountStep } from "../../channel/steps/create-whatsapp-account"
import { checkTokenPermissionsStep } from "../steps/check-token-permissions"
import { exchangeSignupCodeStep } from "../steps/exchange-signup-code"
import { readPhoneNumberStep } from "../steps/read-phone-number"
import { registerPhoneNumberStep } from "../steps/register-phone-number"
import { subscribeWabaWebhooksStep } from "../steps/subscribe-waba-webhooks"

export type OnboardWhatsAppAccountInput = {
  code: string
  waba_id: string
  phone_number_id: string
  /** The two-step PIN, sealed by the route (chosen by the merchant or generated). */
  sealed_pin: string
  name?: string
  region_id: string
  sales_channel_id: string
  language?: SupportedLanguage
}

/** Which onboarding step a workflow step id is, for the error answer. */
export const ONBOARDING_STEP_KEYS: Record<string, OnboardingStep["key"]> = {
  "onboarding-exchange-code": "exchange_code",
  "onboarding-check-permissions": "check_permissions",
  "onboarding-subscribe-webhooks": "subscribe_webhooks",
  "onboarding-register-number": "register_number",
  "onboarding-read-number": "read_number",
  "create-whatsapp-account": "create_account",
}

/**
 * Embedded Signup's server side: code → token → permissions → webhooks →
 * registration → the number as Meta has it → the account (token stored
 * sealed). A failing step undoes the ones before it (unsubscribe,
 * deregister), so nothing is left half-created.
 */
export const onboardWhatsAppAccountWorkflow = createWorkflow("onboard-whatsapp-account", (input: OnboardWhatsAppAccountInput) => {
  const { sealed_token } = exchangeSignupCodeStep({ code: input.code })
  const target = transform({ input, sealed_token }, ({ input, sealed_token }) => ({
    sealed_token,
    waba_id: input.waba_id,
    phone_number_id: input.phone_number_id,
    sealed_pin: input.sealed_pin,
  }))
  checkTokenPermissionsStep(target)
  subscribeWabaWebhooksStep(target)
  registerPhoneNumberStep(target)
  const phoneNumber = readPhoneNumberStep(target)
  const accountInput = transform({ input, sealed_token, phoneNumber }, ({ input, sealed_token, phoneNumber }) => ({
    name: input.name ?? phoneNumber.verified_name ?? phoneNumber.display_phone_number ?? "WhatsApp",
    waba_id: input.waba_id,
    phone_number_id: input.phone_number_id,
    display_phone_number: phoneNumber.display_phone_number,
    // Already sealed: the module's sealSecrets leaves sealed values as they are.
    access_token: sealed_token,
    region_id: input.region_id,
    sales_channel_id: input.sales_channel_id,
    ...(input.language ? { language: input.language } : {}),
  }))
  const account = createWhatsAppAccountStep(accountInput)
  return new WorkflowResponse({ account_id: account.id, phone_number: phoneNumber })
})
