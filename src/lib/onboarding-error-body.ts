import type { AdminWhatsAppOnboardingError } from "../types/http/onboarding"

/**
 * An onboarding route's failure as the admin shows it: what failed, what to
 * do next, Meta's own error when there is one, and (409 on connecting a
 * catalog) the catalog the WABA is already connected to.
 */
export type OnboardingFailure = {
  status: number
  message: string
  next_step: string | null
  step: AdminWhatsAppOnboardingError["step"]
  meta_error: AdminWhatsAppOnboardingError["meta_error"]
  waba_catalog_id: string | null
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null)

/**
 * Reads any error body: the onboarding shape (`message`, `next_step`,
 * `meta_error`…), Medusa's `{ type, message }`, or nothing usable (a proxy's
 * HTML page), which still yields a sentence with the HTTP status.
 */
export function onboardingFailure(status: number, body: unknown, statusText = ""): OnboardingFailure {
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>
  const meta = b.meta_error && typeof b.meta_error === "object" ? (b.meta_error as Record<string, unknown>) : null
  return {
    status,
    message: text(b.message) ?? `The request failed (HTTP ${status}${statusText ? ` ${statusText}` : ""}).`,
    next_step: text(b.next_step),
    step: (text(b.step) as OnboardingFailure["step"]) ?? null,
    meta_error:
      meta && typeof meta.code === "number" && typeof meta.message === "string"
        ? { code: meta.code, subcode: typeof meta.subcode === "number" ? meta.subcode : null, message: meta.message }
        : null,
    waba_catalog_id: text(b.waba_catalog_id),
  }
}

/** The thrown error of an onboarding request; `failure` is what the screens show. */
export class OnboardingRequestError extends Error {
  constructor(readonly failure: OnboardingFailure) {
    super(failure.message)
    this.name = "OnboardingRequestError"
  }
}

/** The failure behind any error an onboarding screen receives (a network error included). */
export function failureOf(error: unknown): OnboardingFailure {
  if (error instanceof OnboardingRequestError) return error.failure
  const message = error instanceof Error && error.message ? error.message : String(error)
  return { status: 0, message, next_step: null, step: null, meta_error: null, waba_catalog_id: null }
}
