/** The message the API put in its error response (js-sdk FetchError.message), or the error's text. */
export function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message
  const e = error as { message?: unknown } | null
  return typeof e?.message === "string" ? e.message : String(error)
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—"
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString()
}

/**
 * Meta's messages are stored as JSON: normally strings, but older rows or other
 * writers may hold objects. Show every message in full, whatever its shape.
 */
export function messagesOf(value: unknown): string[] {
  if (value == null) return []
  const list = Array.isArray(value) ? value : [value]
  return list
    .map((entry) => {
      if (typeof entry === "string") return entry
      const e = entry as { message?: unknown; error_user_msg?: unknown } | null
      if (typeof e?.error_user_msg === "string") return e.error_user_msg
      if (typeof e?.message === "string") return e.message
      return JSON.stringify(entry)
    })
    .filter((m) => m.length > 0)
}

/** bigNumber columns may arrive as a number, a numeric string or `{ value }`. */
export function amountOf(value: unknown): number | null {
  if (typeof value === "number") return value
  if (typeof value === "string" && value.trim() !== "") return Number(value)
  const v = value as { value?: unknown } | null
  if (v && (typeof v.value === "string" || typeof v.value === "number")) return Number(v.value)
  return null
}

export function formatAmount(value: unknown, currency: string | null): string {
  const amount = amountOf(value)
  if (amount === null || Number.isNaN(amount)) return "—"
  if (!currency) return String(amount)
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(amount)
  } catch {
    return `${amount} ${currency.toUpperCase()}`
  }
}

/** "link_sent" → "Link sent" */
export function humanize(value: string): string {
  const text = value.replace(/_/g, " ")
  return text.charAt(0).toUpperCase() + text.slice(1)
}
