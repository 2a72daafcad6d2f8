/** bigNumber columns may arrive as a number, a numeric string or `{ value }`. */
export function amountOf(value: unknown): number | null {
  if (typeof value === "number") return value
  if (typeof value === "string" && value.trim() !== "") return Number(value)
  const v = value as { value?: unknown } | null
  if (v && (typeof v.value === "string" || typeof v.value === "number")) return Number(v.value)
  return null
}

/** An amount in major units (Medusa's and Meta's: 12.5 = 12.50) in its currency; an unknown code never breaks a page. */
export function formatMoney(value: unknown, currency: string | null | undefined): string {
  const amount = amountOf(value)
  if (amount === null || Number.isNaN(amount)) return "—"
  if (!currency) return String(amount)
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(amount)
  } catch {
    return `${amount} ${currency.toUpperCase()}`
  }
}
