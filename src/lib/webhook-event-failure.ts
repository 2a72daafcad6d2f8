import { backoffDelay } from "./outbound/retry-policy"
import { boundNote, summarizeError } from "./safe-error"

export type WebhookRetryOptions = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number }

export type FailedOutcome = { status: "failed"; note: string; retryInMs: number | null }

/**
 * The recorded outcome of a processing attempt that threw: a content-free
 * note (error class and codes), and a retry with backoff unless the cap is
 * reached or the error is one a retry cannot fix (a value PostgreSQL
 * refuses, a limit exceeded: only for an error of this event's own data, not
 * of a batch it was part of). `retryInMs: null` means given up for good.
 */
export function webhookFailureOutcome(
  error: unknown,
  attempts: number,
  options: WebhookRetryOptions,
  scope: "event" | "batch" = "event"
): FailedOutcome {
  const { text: note, permanent } = summarizeError(error)
  if (permanent && scope === "event") {
    return { status: "failed", note: boundNote(`gave up: permanent error, ${note}`), retryInMs: null }
  }
  if (attempts >= options.maxAttempts) {
    return { status: "failed", note: boundNote(`gave up after ${attempts} attempts: ${note}`), retryInMs: null }
  }
  return { status: "failed", note, retryInMs: backoffDelay(attempts, { baseDelayMs: options.baseDelayMs, maxDelayMs: options.maxDelayMs }) }
}
