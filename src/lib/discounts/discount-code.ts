import { createHash } from "node:crypto"

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

/**
 * A promotion code derived from what it is for (a cart's recovery step, an
 * automation run): the same purpose always gives the same code, so a retried
 * run finds the promotion it already made instead of making a second one.
 * Unambiguous letters only (no 0/O, 1/I) since customers may type it.
 */
export function discountCode(purpose: string, prefix = "WA"): string {
  const digest = createHash("sha256").update(`whatsapp-discount:${purpose}`).digest()
  let code = ""
  for (let i = 0; i < 10; i++) code += ALPHABET[digest[i] % ALPHABET.length]
  return `${prefix}-${code}`
}

export function recoveryDiscountCode(whatsappCartId: string, step: number): string {
  return discountCode(`recovery:${whatsappCartId}:${step}`)
}

export function automationDiscountCode(runId: string): string {
  return discountCode(`automation-run:${runId}`)
}

export type DiscountSpec = { kind: "percentage" | "fixed"; value: number; expires_in_hours: number }

export function discountExpiry(spec: Pick<DiscountSpec, "expires_in_hours">, now: Date): Date {
  return new Date(now.getTime() + spec.expires_in_hours * 3_600_000)
}
