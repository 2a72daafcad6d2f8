import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from "../../../../../../../lib/account-settings"
import { explainOnboardingError } from "../../../../../../../lib/onboarding/explain-error"
import type { AdminWhatsAppOnboardingError, AdminWhatsAppSubmitStarterTemplatesResponse } from "../../../../../../../types/http"
import { submitStarterTemplatesWorkflow } from "../../../../../../../workflows/onboarding/workflows/submit-starter-templates"
import { retrieveAccount } from "../../../helpers"
import type { AdminSubmitStarterTemplatesType } from "./validators"

/**
 * Submits the store's cart-reminder and order-update templates for Meta's
 * review, in the account's language unless told otherwise, and chooses them
 * for the account where no template is chosen. Each template says how it
 * went; one Meta refuses does not stop the other. Approval arrives later by
 * Meta's status webhook (the templates list and the connection check show it).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSubmitStarterTemplatesType>,
  res: MedusaResponse<AdminWhatsAppSubmitStarterTemplatesResponse | AdminWhatsAppOnboardingError>
) => {
  const account = await retrieveAccount(req.scope, req.params.id)
  const fallback = (SUPPORTED_LANGUAGES as readonly string[]).includes(account.language) ? (account.language as SupportedLanguage) : "en"
  try {
    const { result } = await submitStarterTemplatesWorkflow(req.scope).run({
      input: { account_id: account.id, language: req.validatedBody.language ?? fallback, use: req.validatedBody.use ?? true },
    })
    res.json({ account_id: account.id, templates: result })
  } catch (error) {
    // The WABA's templates could not even be read (a token without the permission, Meta unreachable): nothing was submitted.
    const explained = explainOnboardingError(error, "templates")
    res.status(explained.status).json(explained.body)
  }
}
