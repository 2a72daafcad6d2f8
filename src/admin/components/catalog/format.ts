export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "—"
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString()
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

/** "link_sent" → "Link sent" */
export function humanize(value: string): string {
  const text = value.replace(/_/g, " ")
  return text.charAt(0).toUpperCase() + text.slice(1)
}
