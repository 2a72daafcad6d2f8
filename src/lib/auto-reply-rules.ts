export type AutoReplyRule = {
  id: string
  match: "exact" | "contains"
  keywords: string[]
  priority: number
  active: boolean
}

/**
 * Lower-case, accent-free, single-spaced, without punctuation or emoji at the
 * ends: "  ¡Envío  GRATIS!! 🙂" → "envio gratis". Inner punctuation stays so
 * "t-shirt" is still one keyword.
 */
export function normalizeForMatch(text: string): string {
  return (text ?? "")
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, "")
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

/** Keyword as whole word(s): no letter or digit may touch it on either side ("hola" ≠ "holanda"). */
function containsWords(message: string, keyword: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(keyword)}(?![\\p{L}\\p{N}])`, "u").test(message)
}

/**
 * The rule that answers `text`, or null. Highest priority wins; on a tie an
 * exact match beats a contains match (it is the more specific rule), then the
 * lower id, so the answer never depends on the order rules were loaded in.
 */
export function matchAutoReply(text: string, rules: AutoReplyRule[]): AutoReplyRule | null {
  const message = normalizeForMatch(text)
  if (!message) {
    return null
  }
  let best: AutoReplyRule | null = null
  for (const rule of rules) {
    if (!rule.active) {
      continue
    }
    const keywords = rule.keywords.map(normalizeForMatch).filter(Boolean)
    const hit =
      rule.match === "exact"
        ? keywords.includes(message)
        : keywords.some((k) => containsWords(message, k))
    if (hit && (!best || outranks(rule, best))) {
      best = rule
    }
  }
  return best
}

function outranks(a: AutoReplyRule, b: AutoReplyRule): boolean {
  if (a.priority !== b.priority) {
    return a.priority > b.priority
  }
  if (a.match !== b.match) {
    return a.match === "exact"
  }
  return a.id < b.id
}
