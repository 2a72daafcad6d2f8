import type { EmbeddedSignupSession } from "../types/http/onboarding"

/**
 * The session-info message Meta's Embedded Signup popup posts to the page
 * that opened it (`window.postMessage`), read without trusting it: only from
 * the allowed origins, only `type: "WA_EMBEDDED_SIGNUP"`, ids checked.
 *
 * Shapes, from Meta's pages:
 * - https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/implementation#session-logging-message-event-listener
 *   finished: `{ type, event: "FINISH" | "FINISH_ONLY_WABA" | "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING", data: { phone_number_id, waba_id, business_id } }`
 *   reported error: `{ type, event: "CANCEL", data: { error_message, error_id, session_id, timestamp } }`
 * - https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/errors
 *   abandoned: `{ type, event: "CANCEL", data: { current_step }, version: 3 }`
 * The payload usually arrives as a JSON string; an object is accepted too.
 * An `event: "ERROR"` is read like a reported error.
 */
export type SignupSessionMessage =
  | { kind: "finish"; session: EmbeddedSignupSession }
  /** Finished without a phone number (FINISH_ONLY_WABA, or no phone_number_id): nothing to register. */
  | { kind: "finish_without_number"; waba_id: string; business_id: string | null }
  | { kind: "cancel"; current_step: string | null }
  | { kind: "error"; message: string; error_id: string | null; session_id: string | null }

export const META_SIGNUP_ORIGINS = ["https://www.facebook.com", "https://web.facebook.com"] as const

/** Meta's numeric ids (WABA, phone number, business portfolio). */
const META_ID = /^\d{1,25}$/

/**
 * Origins whose messages are read: Meta's, plus the origin the SDK was
 * loaded from when it is not Meta's own CDN (the sandbox's fake popup posts
 * from there).
 */
export function signupMessageOrigins(sdkUrl: string): string[] {
  const origins: string[] = [...META_SIGNUP_ORIGINS]
  let origin: string
  try {
    origin = new URL(sdkUrl).origin
  } catch {
    return origins
  }
  if (origin !== "null" && origin !== "https://connect.facebook.net" && !origins.includes(origin)) origins.push(origin)
  return origins
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : typeof value === "number" ? String(value) : null)
const metaId = (value: unknown): string | null => {
  const id = text(value)
  return id && META_ID.test(id) ? id : null
}

/** The message as the wizard acts on it, or null when it is not a session-info message from an allowed origin. */
export function parseSignupSessionMessage(origin: string, payload: unknown, allowedOrigins: readonly string[]): SignupSessionMessage | null {
  if (!allowedOrigins.includes(origin)) return null
  let message = payload
  if (typeof message === "string") {
    try {
      message = JSON.parse(message)
    } catch {
      return null // Meta's SDK posts other, non-JSON messages on the same channel.
    }
  }
  if (!message || typeof message !== "object") return null
  const { type, event, data: rawData } = message as { type?: unknown; event?: unknown; data?: unknown }
  if (type !== "WA_EMBEDDED_SIGNUP" || typeof event !== "string") return null
  const data = (rawData && typeof rawData === "object" ? rawData : {}) as Record<string, unknown>

  if (event.startsWith("FINISH")) {
    const wabaId = metaId(data.waba_id)
    if (!wabaId) return { kind: "error", message: "Meta's answer has no valid WhatsApp Business Account id.", error_id: null, session_id: null }
    const businessId = metaId(data.business_id)
    const phoneNumberId = metaId(data.phone_number_id)
    if (event === "FINISH_ONLY_WABA" || !phoneNumberId) return { kind: "finish_without_number", waba_id: wabaId, business_id: businessId }
    return { kind: "finish", session: { waba_id: wabaId, phone_number_id: phoneNumberId, business_id: businessId } }
  }
  const errorMessage = text(data.error_message)
  if (event === "ERROR" || (event === "CANCEL" && errorMessage)) {
    return {
      kind: "error",
      message: errorMessage ?? "Meta reported an error in the signup window.",
      error_id: text(data.error_id),
      session_id: text(data.session_id),
    }
  }
  if (event === "CANCEL") return { kind: "cancel", current_step: text(data.current_step) }
  return null
}

/**
 * The screen where the merchant closed Meta's window, in words, with what to
 * do. Values from Meta's "Abandoned flow screens" table (errors page above).
 */
const CANCEL_STEPS: Record<string, { screen: string; next: string }> = {
  BUSINESS_ACCOUNT_SELECTION: {
    screen: "choosing or creating the business portfolio",
    next: "Start again and pick the business that owns the number, or create one.",
  },
  WABA_PHONE_PROFILE_PICKER: {
    screen: "choosing the WhatsApp Business Account and phone number",
    next: "Start again and pick (or create) the WhatsApp Business Account and the number to sell with.",
  },
  WHATSAPP_BUSINESS_PROFILE_SETUP: {
    screen: "setting up the WhatsApp business profile (display name, category, description)",
    next: "Start again and fill in the profile; the display name must match your business's name.",
  },
  PHONE_NUMBER_SETUP: {
    screen: "adding the phone number",
    next: "Check the number against the requirements above, then start again.",
  },
  PHONE_NUMBER_VERIFICATION: {
    screen: "verifying the phone number with a code",
    next: "Have the phone at hand to receive the SMS or call, then start again.",
  },
  PERMISSIONS: {
    screen: "granting the permissions",
    next: "Start again and accept the permissions: without them the store cannot send or receive messages.",
  },
}

export function describeSignupCancel(currentStep: string | null): { title: string; next: string } {
  const known = currentStep ? CANCEL_STEPS[currentStep] : undefined
  if (known) return { title: `The Facebook window was closed while ${known.screen}.`, next: known.next }
  return {
    title: currentStep ? `The Facebook window was closed (at step ${currentStep}).` : "The Facebook window was closed before the end.",
    next: "Nothing was created here. Start again when ready.",
  }
}

/** A two-step verification PIN: exactly 6 digits (Meta's register endpoint). Empty means "generate one". */
export function pinProblem(pin: string): string | null {
  if (!pin) return null
  return /^\d{6}$/.test(pin) ? null : "The PIN is 6 digits, nothing else."
}
