/**
 * Canned replies: saved texts with {{variables}} filled for the conversation
 * they are inserted into. Pure: the caller gathers the values.
 */
export const CANNED_REPLY_VARIABLES = [
  "customer_name",
  "customer_first_name",
  "store_name",
  "phone",
  "username",
  "agent_name",
] as const
export type CannedReplyVariable = (typeof CANNED_REPLY_VARIABLES)[number]
export type CannedReplyValues = Partial<Record<CannedReplyVariable, string | null>>

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g

/** Variables a text names that are not known (a typo the team would send as-is). */
export function unknownCannedReplyVariables(text: string): string[] {
  const known = new Set<string>(CANNED_REPLY_VARIABLES)
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((name) => !known.has(name)))]
}

/**
 * Fills the variables. One without a value for this conversation becomes
 * empty and is listed in `missing`, so the composer can warn before sending;
 * the spaces it leaves behind are folded.
 */
export function renderCannedReply(text: string, values: CannedReplyValues): { text: string; missing: string[] } {
  const missing = new Set<string>()
  const filled = text.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = values[name as CannedReplyVariable]?.trim()
    if (!value) {
      missing.add(name)
      return ""
    }
    return value
  })
  return { text: filled.replace(/[ \t]{2,}/g, " ").replace(/ +([,.!?])/g, "$1").trim(), missing: [...missing] }
}

/** The first word of a name, for a friendlier greeting. */
export function firstName(name: string | null | undefined): string | null {
  const first = name?.trim().split(/\s+/)[0]
  return first || null
}
