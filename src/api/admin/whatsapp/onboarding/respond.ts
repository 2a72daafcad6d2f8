import type { MedusaResponse } from "@medusajs/framework/http"
import { explainOnboardingError, type OnboardingErrorStep } from "../../../../lib/onboarding/explain-error"

/** Answers with the onboarding error body (what failed in words, the next step, Meta's error). */
export function respondOnboardingError(res: MedusaResponse<any>, error: unknown, step: OnboardingErrorStep, pinChosen = false) {
  const { status, body } = explainOnboardingError(error, step, pinChosen)
  res.status(status).json(body)
}
