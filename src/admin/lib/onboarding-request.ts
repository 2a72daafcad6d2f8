import { onboardingFailure, OnboardingRequestError } from "../../lib/onboarding-error-body"

/**
 * A JSON request to an onboarding route. Not the JS SDK's `fetch`: its error
 * keeps only `message`, and these screens need the body's `next_step`,
 * `meta_error` and (409) `waba_catalog_id`. Same session cookie as the SDK.
 */
export async function onboardingRequest<T>(path: string, init: { method?: "GET" | "POST"; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    credentials: "include",
    headers: { accept: "application/json", ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  })
  const body = await response.json().catch(() => null)
  if (!response.ok) throw new OnboardingRequestError(onboardingFailure(response.status, body, response.statusText))
  return body as T
}
