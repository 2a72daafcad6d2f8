/** The message Medusa put in an error response (the JS SDK's FetchError carries it), or the error's own text. */
export function apiErrorMessage(error: unknown): string {
  const e = error as { message?: unknown; body?: { message?: unknown } } | null
  if (typeof e?.body?.message === "string") return e.body.message
  if (typeof e?.message === "string" && e.message) return e.message
  return String(error)
}
