/** The variables a recovery step's text may name, as the automations contract spells them. */
export const RECOVERY_TEXT_VARIABLES = ["customer_name", "cart_total", "checkout_url", "discount_code", "discount_expires_at", "store_name"] as const
export type RecoveryTextVariable = (typeof RECOVERY_TEXT_VARIABLES)[number]

/** `{{name}}`, spaces allowed inside the braces. */
export const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g

export function namedVariables(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))]
}

/** Names in `text` that are not recovery variables (a typo would otherwise reach the customer as-is). */
export function unknownRecoveryVariables(text: string): string[] {
  return namedVariables(text).filter((name) => !(RECOVERY_TEXT_VARIABLES as readonly string[]).includes(name))
}

/**
 * The text with its variables filled; null when it names one that has no
 * value here (a discount variable on a step whose promotion failed), so the
 * caller sends the built-in message rather than a blank where the code goes.
 */
export function fillRecoveryText(text: string, values: Partial<Record<RecoveryTextVariable, string>>): string | null {
  let missing = false
  const filled = text.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name as RecoveryTextVariable]
    if (value === undefined || value === "") missing = true
    return value ?? ""
  })
  return missing ? null : filled
}
