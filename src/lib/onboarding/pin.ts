import { randomInt } from "node:crypto"

/** A two-step verification PIN: 6 digits (Meta's format), from a cryptographic source. */
export function generatePin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0")
}

export const PIN_PATTERN = /^\d{6}$/
