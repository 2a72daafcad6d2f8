import type { AdminWhatsAppOnboardingError } from "../../types/http/onboarding"
import { asGraphApiError } from "./meta-error"

type Explanation = { type: string; plain: string; next_step: string }

const THROTTLED = new Set(["4", "17", "32", "613", "80008", "80009", "80014"])

/** Meta's error in words a merchant acts on, for the catalog step. */
function explain(code: string, subcode: string | null, message: string, details: string | null): Explanation {
  if (code === "190") {
    return {
      type: "token_invalid",
      plain: "Meta did not accept this account's access token (it expired or was revoked).",
      next_step: "Connect the account again with Facebook, or paste a new system-user token under Advanced.",
    }
  }
  if (code === "200" || code === "10" || code === "3") {
    return {
      type: "catalog_permission",
      plain: "The access token is not allowed to manage catalogs: it lacks the catalog_management permission, or the catalog is not assigned to it.",
      next_step:
        "In Meta Business Suite open Settings → Users → System users, assign the catalog with \"Manage catalog\", and generate a new token that includes catalog_management; or connect again with Facebook and allow catalog access.",
    }
  }
  if (code === "100" && subcode === "33") {
    return {
      type: "catalog_unreachable",
      plain: "The catalog does not exist, or the business that owns this WhatsApp account cannot reach it.",
      next_step: "Pick one of the business's catalogs from the list, or share the catalog with this business in Commerce Manager (Catalog → Settings → Business assets).",
    }
  }
  if (THROTTLED.has(code)) {
    return { type: "meta_throttled", plain: "Meta is limiting calls for this account right now.", next_step: "Wait a few minutes and try again." }
  }
  return {
    type: "meta_refused",
    plain: `Meta refused the request: ${details ?? message}.`,
    next_step: "Check the catalog in Commerce Manager and try again; if it keeps failing, give Meta support the fbtrace id from the server log.",
  }
}

/**
 * The onboarding error answer (contract's AdminWhatsAppOnboardingError, step
 * "catalog") when `error` is a Graph API failure, else null: 400 when Meta
 * refused (the merchant has something to fix), 502 when Meta could not answer.
 * `failed` starts the message ("Catalog 123 could not be reached").
 */
export function catalogErrorResponse(error: unknown, failed: string): { status: 400 | 502; body: AdminWhatsAppOnboardingError } | null {
  const graph = asGraphApiError(error)
  if (!graph) return null
  const unreachable = graph.status === 0 || graph.status >= 500
  const { type, plain, next_step } = unreachable
    ? { type: "meta_unreachable", plain: "Meta could not be reached or failed to answer.", next_step: "Try again in a moment." }
    : explain(graph.code, graph.subcode, graph.message, graph.details)
  return {
    status: unreachable ? 502 : 400,
    body: {
      type,
      message: `${failed}: ${plain}`,
      step: "catalog",
      next_step,
      meta_error: unreachable && graph.code === "network" ? null : { code: Number(graph.code) || graph.status, subcode: graph.subcode ? Number(graph.subcode) : null, message: graph.message },
    },
  }
}
