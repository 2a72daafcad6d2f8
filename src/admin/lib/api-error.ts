/** The message Medusa put in an error response, or the error's own text. */
export function apiErrorMessage(error: unknown): string {
  const e = error as { message?: string; body?: { message?: string } } | null
  return e?.body?.message ?? e?.message ?? String(error)
}
