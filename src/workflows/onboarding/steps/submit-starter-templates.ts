import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveAccountSettings, type SupportedLanguage } from "../../../lib/account-settings"
import { asGraphApiError } from "../../../lib/graph-api/meta-error"
import { listAllTemplates } from "../../../lib/graph-api/list-templates"
import { explainOnboardingError } from "../../../lib/onboarding/explain-error"
import { starterTemplates } from "../../../lib/onboarding/starter-templates"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { StarterTemplateResult } from "../../../types/http"

type Input = { account_id: string; language: SupportedLanguage }

/**
 * Submits the store's cart-reminder and order-update templates for Meta's
 * review (POST /{waba-id}/message_templates). A template already in the WABA
 * under that name and language is kept as it is (asked first, and Meta's
 * "already exists" answer means the same), so submitting twice is harmless;
 * that is also why there is nothing to undo: a later failure leaves
 * templates a second run finds and keeps. Each status Meta answers is
 * recorded at once, so nothing is sent with a template before approval.
 */
export const submitStarterTemplatesStep = createStep("onboarding-submit-starter-templates", async (input: Input, { container }) => {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const account = await whatsapp.retrieveWhatsappAccount(input.account_id, { select: ["id", "waba_id", "settings"] })
  const client = await whatsapp.graphClientFor(account.id)
  const existing = await listAllTemplates(client, account.waba_id)
  const results: StarterTemplateResult[] = []
  for (const template of starterTemplates(input.language, whatsapp.checkoutButtonUrl())) {
    const base = { use: template.use, name: template.name, language: template.language, category: template.category, chosen: false }
    const found = existing.find((t) => t.name === template.name && t.language === template.language)
    if (found) {
      results.push({ ...base, category: found.category, outcome: "already_existed", status: found.status, template_id: found.id, error: null })
      continue
    }
    try {
      const created = await client.createMessageTemplate(account.waba_id, template)
      await whatsapp.recordSubmittedTemplate(account.waba_id, { templateId: created.id, name: template.name, language: template.language, status: created.status, category: created.category })
      results.push({ ...base, category: created.category, outcome: "submitted", status: created.status, template_id: created.id, error: null })
    } catch (error) {
      const graph = asGraphApiError(error)
      if (!graph) throw error
      const explained = explainOnboardingError(error, "templates").body
      results.push({ ...base, outcome: explained.type === "template_exists" ? "already_existed" : "failed", status: null, template_id: null, error: explained })
    }
  }
  return new StepResponse({ results, settings: resolveAccountSettings(account.settings) })
})
