/**
 * Where a number stands on the way to sending through the Cloud API, read
 * from Meta's phone number fields (the health check's phone line):
 * `code_verification_status` (VERIFIED once the SMS/voice code was entered)
 * and `status` (CONNECTED once registered).
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/solution-providers/registering-phone-numbers/
 *
 * - "needs_verification": request a code, enter it, then register.
 * - "needs_registration": verified, register with the two-step PIN.
 * - "registered" / "unknown" (Meta did not say): nothing to offer.
 */
export type PhoneRegistrationState = "needs_verification" | "needs_registration" | "registered" | "unknown"

export function phoneRegistrationState(phone: Record<string, unknown> | null | undefined): PhoneRegistrationState {
  if (!phone) return "unknown"
  const verification = typeof phone.code_verification_status === "string" ? phone.code_verification_status : null
  const status = typeof phone.status === "string" ? phone.status : null
  if (verification !== null && verification !== "VERIFIED") return "needs_verification"
  if (status !== null && status !== "CONNECTED") return "needs_registration"
  return verification || status ? "registered" : "unknown"
}
