/**
 * Log-safe forms of personal data. Phone numbers keep the country prefix and
 * the last two digits, enough to tell customers apart in a log.
 */
export function redactPhone(phone: string | null | undefined): string {
  if (!phone) {
    return "(none)"
  }
  const digits = phone.replace(/\D/g, "")
  if (digits.length <= 4) {
    return "•".repeat(digits.length)
  }
  return `${digits.slice(0, 2)}${"•".repeat(digits.length - 4)}${digits.slice(-2)}`
}
