/**
 * What to do after a failed Graph API call. Throttling, server and network
 * errors are retried with exponential backoff; everything else (outside the
 * window, undeliverable, invalid parameter, per-user marketing limit…) is
 * permanent: retrying would only repeat it.
 */
export const PAIR_RATE_LIMIT = "131056"
const THROTTLING = new Set(["130429", "80007", "4", "17", "32", "613", "131056"])
const PERMANENT = new Set(["131047", "131026", "131049", "131050", "131048", "131051", "131052", "131053", "100", "190", "131008", "131009", "131021", "132000", "132001", "132005", "132007", "132012", "132015", "132016", "133010", "368"])

export type RetryDecision = { retry: true; delayMs: number; reason: string } | { retry: false; reason: string }

export type RetryPolicyOptions = { baseDelayMs: number; maxDelayMs: number; maxAttempts: number; random?: () => number }

export const DEFAULT_RETRY_POLICY: RetryPolicyOptions = { baseDelayMs: 2_000, maxDelayMs: 15 * 60_000, maxAttempts: 10 }

export function decideRetry(
  error: { status: number; code: string; retryAfterMs?: number | null },
  attempt: number,
  options: RetryPolicyOptions = DEFAULT_RETRY_POLICY
): RetryDecision {
  const code = String(error.code)
  const retryable =
    !PERMANENT.has(code) && (THROTTLING.has(code) || code === "network" || error.status === 0 || error.status === 429 || error.status >= 500)
  if (!retryable) {
    return { retry: false, reason: `permanent error ${code}` }
  }
  if (attempt >= options.maxAttempts) {
    return { retry: false, reason: `gave up after ${attempt} attempts (last error ${code})` }
  }
  // Meta's advice for the pair limit is to wait 4^n seconds.
  const floorMs = Math.max(code === PAIR_RATE_LIMIT ? Math.pow(4, attempt) * 1000 : 0, error.retryAfterMs ?? 0)
  return { retry: true, delayMs: backoffDelay(attempt, options, floorMs), reason: `retryable error ${code}` }
}

/**
 * Exponential backoff, capped, half fixed and half random: spreads the
 * retries of a burst without ever retrying sooner than half the delay.
 */
export function backoffDelay(
  attempt: number,
  options: Pick<RetryPolicyOptions, "baseDelayMs" | "maxDelayMs" | "random">,
  floorMs = 0
): number {
  const exponential = options.baseDelayMs * Math.pow(2, Math.max(0, attempt - 1))
  const capped = Math.min(options.maxDelayMs, Math.max(exponential, floorMs))
  const random = options.random ?? Math.random
  return Math.round(capped / 2 + (random() * capped) / 2)
}
