import type { AdminWhatsAppOnboardingError } from "../../types/http/onboarding"
import { asGraphApiError } from "../graph-api/meta-error"

export type OnboardingErrorStep = AdminWhatsAppOnboardingError["step"]

/**
 * A failure the plugin itself finds (a permission missing from the token,
 * a number already connected), already in plain words. Survives a workflow:
 * the orchestrator keeps an error's own properties and its name.
 */
export class OnboardingProblem extends Error {
  readonly name = "OnboardingProblem"
  constructor(
    readonly type: string,
    message: string,
    readonly next_step: string,
    readonly status = 400
  ) {
    super(message)
  }
}

function asProblem(error: unknown): OnboardingProblem | null {
  if (error instanceof OnboardingProblem) return error
  const e = error as Partial<OnboardingProblem> | null
  if (e && typeof e === "object" && e.name === "OnboardingProblem" && typeof e.type === "string" && typeof e.next_step === "string") {
    return new OnboardingProblem(e.type, String(e.message), e.next_step, typeof e.status === "number" ? e.status : 400)
  }
  return null
}

type Explained = { type: string; message: string; next_step: string }

const AGAIN = "Run “Connect with Facebook” again."
const PERMISSION = {
  type: "missing_permission",
  message: "Meta refused: the access you granted does not include the WhatsApp permissions this store needs for this WhatsApp Business Account.",
  next_step: `${AGAIN} In Facebook's window keep "Manage WhatsApp Business accounts" and "Send WhatsApp messages" allowed for this account.`,
}

/**
 * Meta's documented errors, in plain words with what to do next. Sources:
 * WhatsApp error codes (https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes/),
 * Graph API error handling (https://developers.facebook.com/docs/graph-api/guides/error-handling/),
 * registration (https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/registration/)
 * and request_code / verify_code (136024 / 136025 on their reference pages).
 */
function explainMeta(code: string, subcode: string | null, step: OnboardingErrorStep, pinChosen: boolean): Explained {
  if (code === "100" && subcode === "36009") {
    return { type: "code_used", message: "This Facebook sign-in was already used: each one can set up the store once.", next_step: AGAIN }
  }
  if (code === "100" && subcode === "36007") {
    return {
      type: "code_expired",
      message: "The Facebook sign-in expired before the set-up could use it (Meta keeps it valid for a few seconds only).",
      next_step: `${AGAIN} The set-up starts by itself when Facebook's window closes.`,
    }
  }
  if (step === "exchange_code" && (code === "1" || code === "101")) {
    return {
      type: "app_credentials",
      message: "Meta did not accept this store's Meta app id or app secret.",
      next_step: "Check the plugin options metaAppId and appSecret: they must belong to the Meta app whose configuration is embeddedSignupConfigId.",
    }
  }
  if (step === "exchange_code" && code === "100") {
    return { type: "code_invalid", message: "Meta did not recognise the Facebook sign-in code.", next_step: AGAIN }
  }
  if (code === "190") {
    return { type: "token_invalid", message: "Meta no longer accepts this access token (expired or revoked).", next_step: `${AGAIN} Or paste a new system-user token under Advanced.` }
  }
  if (code === "10" || /^2\d\d$/.test(code)) return PERMISSION
  if (code === "133005") {
    return pinChosen
      ? {
          type: "pin_mismatch",
          message: "The PIN you entered is not this number's two-step verification PIN.",
          next_step: "Enter the number's current 6-digit PIN, or reset it in WhatsApp Manager (Phone numbers → Two-step verification), then try again.",
        }
      : {
          type: "registered_elsewhere",
          message: "This number already has a two-step verification PIN: it was registered before, in another app or with another provider.",
          next_step: "Enter that PIN in the PIN field and try again. If nobody knows it, reset it in WhatsApp Manager (Phone numbers → Two-step verification) first.",
        }
  }
  if (code === "133006") {
    return { type: "number_not_verified", message: "Meta has not verified that this business owns the number yet.", next_step: "Request a verification code by SMS or voice call, enter it, then register the number." }
  }
  if (code === "133008" || code === "133009") {
    return { type: "too_many_pin_attempts", message: "Too many wrong PINs were tried for this number; Meta blocks new tries for a while.", next_step: "Wait for the time Meta gives (see its message), then try again with the right PIN." }
  }
  if (code === "133010") {
    return { type: "number_not_registered", message: "The number is not registered for the Cloud API yet, so it cannot send or receive.", next_step: "Register the number with its two-step PIN." }
  }
  if (code === "133015") {
    return { type: "register_wait", message: "Meta asks to wait a few minutes before registering this number again.", next_step: "Wait a few minutes, then try again." }
  }
  if (code === "133016") {
    return { type: "register_limit", message: "This number reached Meta's limit of 10 registrations in 72 hours.", next_step: "Wait until 72 hours after the first of those registrations, then try again." }
  }
  if (code === "133000") {
    return { type: "incomplete_deregistration", message: "A previous removal of this number from the Cloud API did not finish.", next_step: "Deregister the number again, then register it." }
  }
  if (code === "136024") {
    return { type: "request_code_failed", message: "Meta could not send a verification code to this number.", next_step: "Check that the number can receive SMS or calls, try the other method, or wait and ask again." }
  }
  if (code === "136025") {
    return { type: "wrong_code", message: "The verification code is not right.", next_step: "Enter the last code the number received; ask for a new one if it is old." }
  }
  if (code === "131031") {
    return { type: "account_locked", message: "Meta has locked this WhatsApp Business Account.", next_step: "Open WhatsApp Manager to see why and appeal; nothing can be set up until Meta unlocks it." }
  }
  if (step === "templates" && code === "100" && subcode === "2388024") {
    return { type: "template_exists", message: "A template with this name already exists in this language.", next_step: "Nothing to do: the existing template is used once Meta approves it." }
  }
  if (step === "templates" && code === "4") {
    return { type: "template_limit", message: "Meta allows 100 new templates per WhatsApp Business Account per hour.", next_step: "Wait an hour, then submit again." }
  }
  if (step === "templates" && code === "100") {
    return { type: "template_refused", message: "Meta refused the template's content.", next_step: "Read Meta's message; edit the template in WhatsApp Manager (Message templates) and submit it there." }
  }
  if (code === "network") {
    return { type: "meta_unreachable", message: "Meta could not be reached.", next_step: "Check the server's connection to graph.facebook.com and try again." }
  }
  return { type: "meta_error", message: "Meta refused the request.", next_step: "Try again. If it keeps failing, contact Meta support with the fbtrace_id in Meta's message." }
}

/**
 * The error answer of an onboarding route: what failed in plain words, what
 * to do next, Meta's own error when it came from Meta, and the HTTP status
 * (4xx for a refusal, 502 when Meta could not be reached, 500 otherwise).
 * `pinChosen`: the merchant typed the PIN (a mismatch is then their PIN's).
 */
export function explainOnboardingError(error: unknown, step: OnboardingErrorStep, pinChosen = false): { status: number; body: AdminWhatsAppOnboardingError } {
  const problem = asProblem(error)
  if (problem) {
    return { status: problem.status, body: { type: problem.type, message: problem.message, step, next_step: problem.next_step, meta_error: null } }
  }
  const graph = asGraphApiError(error)
  if (graph) {
    const explained = explainMeta(graph.code, graph.subcode, step, pinChosen)
    const code = Number(graph.code)
    const metaText = [graph.message, graph.details].filter(Boolean).join(": ")
    return {
      status: graph.code === "network" || graph.status >= 500 ? 502 : 400,
      body: {
        ...explained,
        message: `${explained.message} (Meta: ${metaText})`,
        step,
        meta_error: Number.isFinite(code) ? { code, subcode: graph.subcode ? Number(graph.subcode) : null, message: metaText } : null,
      },
    }
  }
  return {
    status: 500,
    body: { type: "unexpected", message: "The set-up failed on the store's side; nothing was kept.", step, next_step: "Try again; if it fails again, check the server log.", meta_error: null },
  }
}

export { PERMISSION as MISSING_PERMISSION_TEXT }
