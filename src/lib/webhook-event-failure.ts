import { backoffDelay } from "./outbound/retry-policy"
import { boundNote, summarizeError } from "./safe-error"

export type WebhookRetryOptions = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number }

/** The plugin's retry settings for queued work (webhook events, answers, catalog changes). */
export function workRetryOptions(options: { maxWebhookAttempts: number; retryBaseDelayMs: number; maxRetryDelayMs: number }): WebhookRetryOptions {
  return { maxAttempts: options.maxWebhookAttempts, baseDelayMs: options.retryBaseDelayMs, maxDelayMs: options.maxRetryDelayMs }
}

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
  return { status: "failed", ...retryOrGiveUp(note, attempts, options) }
}

/**
 * After a failed attempt of any work: a retry with backoff, or, once the
 * attempts reach the cap, given up for good (`retryInMs: null`) with the
 * count in the note.
 */
export function retryOrGiveUp(note: string, attempts: number, options: WebhookRetryOptions): { note: string; retryInMs: number | null } {
  if (attempts >= options.maxAttempts) {
    return { note: boundNote(`gave up after ${attempts} attempts: ${note}`), retryInMs: null }
  }
  return { note, retryInMs: backoffDelay(attempts, { baseDelayMs: options.baseDelayMs, maxDelayMs: options.maxDelayMs }) }
}

/** The same decision as a work-queue outcome. */
export function failedWorkOutcome(id: string, note: string, attempts: number, options: WebhookRetryOptions) {
  const next = retryOrGiveUp(note, attempts, options)
  return next.retryInMs === null
    ? { id, result: "failed" as const, note: next.note }
    : { id, result: "retry" as const, delayMs: next.retryInMs, note: next.note }
}
