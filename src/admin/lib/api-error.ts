/**
 * The message Medusa put in an error response (the JS SDK's FetchError carries
 * only that), or the error's own text. A Graph API failure's message already
 * names Meta's code and fbtrace_id (src/lib/graph-api/meta-error.ts), so every
 * screen shows Meta's errors the same way through this function.
 */
export function apiErrorMessage(error: unknown): string {
  const e = error as { message?: unknown; body?: { message?: unknown } } | null
  if (typeof e?.body?.message === "string") return e.body.message
  if (typeof e?.message === "string" && e.message) return e.message
  return String(error)
}
