/** Upper-case, accent-free, trimmed of punctuation: how a keyword is compared. */
export function normalizeKeyword(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/[^\p{L}\p{N} ]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toUpperCase()
}

export type OptCommand = "opt_out" | "opt_in" | null

/** A message that is exactly an opt-out or opt-in word ("stop", "Baja.", " sair "). */
export function detectOptCommand(
  text: string | null | undefined,
  optOut: readonly string[],
  optIn: readonly string[]
): OptCommand {
  if (!text) {
    return null
  }
  const word = normalizeKeyword(text)
  if (optOut.some((k) => normalizeKeyword(k) === word)) {
    return "opt_out"
  }
  if (optIn.some((k) => normalizeKeyword(k) === word)) {
    return "opt_in"
  }
  return null
}
