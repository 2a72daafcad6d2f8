import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { OnboardingProblem } from "../../../../../lib/onboarding/explain-error"
import { generatePin } from "../../../../../lib/onboarding/pin"
import { WHATSAPP_MODULE } from "../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../modules/whatsapp/service"
import type { AdminWhatsAppEmbeddedSignupResponse, OnboardingStep } from "../../../../../types/http/onboarding"
import { ONBOARDING_STEP_KEYS, onboardWhatsAppAccountWorkflow } from "../../../../../workflows/onboarding/workflows/onboard-whatsapp-account"
import { queryAccounts, retrieveAccount } from "../../accounts/helpers"
import { respondOnboardingError } from "../respond"
import type { AdminEmbeddedSignupType } from "../validators"

const DONE: Record<OnboardingStep["key"], string> = {
  exchange_code: "Facebook's sign-in exchanged for the business's access token (stored encrypted).",
  check_permissions: "The token may manage the WhatsApp Business Account and send messages from it.",
  subscribe_webhooks: "This store receives the account's messages and statuses (webhooks subscribed).",
  register_number: "The number is registered for the Cloud API with its two-step PIN.",
  read_number: "The number's name, status, quality and messaging tier were read from Meta.",
  create_account: "The WhatsApp account was created with its region and sales channel.",
}

/** The step a failed workflow step id stands for (ids may come prefixed by the workflow's name). */
function failedStep(action: string): OnboardingStep["key"] | null {
  const found = Object.entries(ONBOARDING_STEP_KEYS).find(([id]) => action === id || action.endsWith(`.${id}`) || action.includes(id))
  return found ? found[1] : null
}

/** What must exist before anything is asked of Meta: the feature configured, a new number, a real region and sales channel. */
async function preconditionProblem(req: AuthenticatedMedusaRequest<AdminEmbeddedSignupType>): Promise<OnboardingProblem | null> {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const { metaAppId, embeddedSignupConfigId, appSecret } = whatsapp.getOptions()
  if (!metaAppId || !embeddedSignupConfigId || !appSecret) {
    return new OnboardingProblem("embedded_signup_disabled", "Embedded Signup is not configured on this store.", "Set the plugin options metaAppId, embeddedSignupConfigId and appSecret, or connect under Advanced.")
  }
  const body = req.validatedBody
  const { accounts } = await queryAccounts(req.scope, { phone_number_id: body.phone_number_id })
  if (accounts.length) {
    return new OnboardingProblem("already_connected", `This number is already connected as “${accounts[0].name}” (${accounts[0].id}).`, "Open that account in Settings → WhatsApp, or delete it first to connect the number again.", 409)
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: regions }, { data: channels }] = await Promise.all([
    query.graph({ entity: "region", fields: ["id"], filters: { id: body.region_id } }),
    query.graph({ entity: "sales_channel", fields: ["id"], filters: { id: body.sales_channel_id } }),
  ])
  if (!regions.length) return new OnboardingProblem("unknown_region", `Region ${body.region_id} does not exist.`, "Choose one of the store's regions.")
  if (!channels.length) return new OnboardingProblem("unknown_sales_channel", `Sales channel ${body.sales_channel_id} does not exist.`, "Choose one of the store's sales channels.")
  return null
}

/**
 * Finishes Embedded Signup on the server (onboardWhatsAppAccountWorkflow).
 * The two-step PIN is the merchant's or generated here, returned once as
 * `generated_pin`, never logged, and sealed while the workflow runs.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminEmbeddedSignupType>, res: MedusaResponse<AdminWhatsAppEmbeddedSignupResponse>) => {
  const body = req.validatedBody
  const problem = await preconditionProblem(req)
  if (problem) return respondOnboardingError(res, problem, problem.type === "embedded_signup_disabled" ? "exchange_code" : "create_account")
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const pin = body.pin ?? generatePin()
  const { result, errors } = await onboardWhatsAppAccountWorkflow(req.scope).run({
    input: {
      code: body.code,
      waba_id: body.waba_id,
      phone_number_id: body.phone_number_id,
      sealed_pin: whatsapp.sealSecret(pin),
      name: body.name,
      region_id: body.region_id,
      sales_channel_id: body.sales_channel_id,
      language: body.language,
    },
    throwOnError: false,
  })
  const failure = errors?.find((e) => e.handlerType === "invoke") ?? errors?.[0]
  if (failure) return respondOnboardingError(res, failure.error, failedStep(failure.action), !!body.pin)
  const steps = (Object.keys(DONE) as OnboardingStep["key"][]).map((key) => ({ key, ok: true, detail: DONE[key] }))
  res.status(201).json({
    account: await retrieveAccount(req.scope, result.account_id),
    phone_number: result.phone_number,
    generated_pin: body.pin ? null : pin,
    steps,
  })
}
