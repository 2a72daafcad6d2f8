import { describeError } from "../safe-error"

/** A Graph API failure with Meta's error code kept for the retry decision and the admin. */
export class GraphApiError extends Error {
  readonly name = "GraphApiError"
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly subcode: string | null = null,
    readonly details: string | null = null,
    readonly retryAfterMs: number | null = null,
    /** Meta's request id (`fbtrace_id`), for Meta support. */
    readonly fbtraceId: string | null = null
  ) {
    super(message)
  }

  static network(cause: unknown): GraphApiError {
    // Only the cause's kind: a database error raised while recording the send would otherwise store its SQL and values.
    return new GraphApiError(`Network error calling the Graph API: ${describeError(cause)}`, 0, "network")
  }

  /** Builds the error from Meta's `{ error: { message, code, error_subcode, error_data, fbtrace_id } }`. */
  static fromResponse(status: number, body: unknown, retryAfterMs: number | null): GraphApiError {
    const error = (body as { error?: Record<string, any> } | null)?.error ?? {}
    const details = error.error_data?.details ?? null
    return new GraphApiError(
      String(error.message ?? `Graph API answered HTTP ${status}`),
      status,
      error.code !== undefined ? String(error.code) : String(status),
      error.error_subcode !== undefined ? String(error.error_subcode) : null,
      details,
      retryAfterMs,
      typeof error.fbtrace_id === "string" ? error.fbtrace_id : null
    )
  }
}
