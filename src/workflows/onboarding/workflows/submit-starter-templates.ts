import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AccountSettingsPatch, SupportedLanguage } from "../../../lib/account-settings"
import type { StarterTemplateResult } from "../../../types/http"
import { updateWhatsAppAccountStep } from "../../channel/steps/update-whatsapp-account"
import { submitStarterTemplatesStep } from "../steps/submit-starter-templates"

type Input = { account_id: string; language: SupportedLanguage; use: boolean }

/**
 * The store's templates submitted for review, then chosen as the account's
 * recovery and order-update templates where the merchant has chosen none
 * (Meta's status decides when they are actually sent).
 */
export const submitStarterTemplatesWorkflow = createWorkflow("whatsapp-submit-starter-templates", (input: Input) => {
  const submitted = submitStarterTemplatesStep({ account_id: input.account_id, language: input.language })
  const plan = transform({ input, submitted }, ({ input, submitted: { results, settings } }) => {
    const patch: AccountSettingsPatch = {}
    const chosen = results.map((r): StarterTemplateResult => {
      if (!input.use || r.outcome === "failed") return r
      const ref = { name: r.name, language: r.language, category: r.category as "MARKETING" | "UTILITY" }
      if (r.use === "recovery" && !settings.recovery_template) patch.recovery_template = ref
      else if (r.use === "order_update" && !settings.order_update_template) patch.order_update_template = ref
      else return r
      return { ...r, chosen: true }
    })
    return { patch, chosen, changed: Object.keys(patch).length > 0 }
  })
  when({ plan }, ({ plan }) => plan.changed).then(() => {
    updateWhatsAppAccountStep(transform({ input, plan }, ({ input, plan }) => ({ id: input.account_id, settings: plan.patch })))
  })
  return new WorkflowResponse(transform({ plan }, ({ plan }) => plan.chosen))
})
