import type { MetaStatusItem } from "../types/http/onboarding"

/**
 * Turns Meta's raw account values into the statuses the account page
 * explains: what each value means for selling on WhatsApp and what to do
 * next. Pure; the route reads the values (lib/graph-api/client).
 *
 * Values as Meta documents them:
 * - business `verification_status` (Business / WABA `business_verification_status`):
 *   expired, failed, ineligible, not_verified, pending, pending_need_more_info,
 *   pending_submission, rejected, revoked, verified (Meta's Business SDK enum).
 * - `name_status`: APPROVED, AVAILABLE_WITHOUT_REVIEW, DECLINED, EXPIRED,
 *   PENDING_REVIEW, NONE (display names page).
 * - `quality_rating`: GREEN, YELLOW, RED, UNKNOWN (or NA).
 * - `whatsapp_business_manager_messaging_limit`: TIER_250, TIER_2K, TIER_10K,
 *   TIER_100K, TIER_UNLIMITED, UNTIERED; the deprecated `messaging_limit_tier`
 *   had TIER_50…TIER_1K….
 * - number `status`: CONNECTED, PENDING, FLAGGED, RESTRICTED, RATE_LIMITED,
 *   DISCONNECTED, DELETED, BANNED, UNVERIFIED…; `code_verification_status`:
 *   VERIFIED, NOT_VERIFIED, EXPIRED.
 */

export const META_STATUS_LINKS = {
  business_verification: "https://developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits",
  display_name: "https://developers.facebook.com/documentation/business-messaging/whatsapp/display-names/",
  official_business_account: "https://developers.facebook.com/docs/whatsapp/official-business-accounts/",
  quality_rating: "https://www.facebook.com/business/help/896873687365001",
  messaging_tier: "https://developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits",
  number_registration: "https://developers.facebook.com/documentation/business-messaging/whatsapp/solution-providers/manage-phone-numbers",
} as const

/** What the route could read; null where Meta's answer failed or lacked the field. */
export type MetaStatusInput = {
  business_verification_status: string | null
  phone: {
    status?: string | null
    code_verification_status?: string | null
    name_status?: string | null
    new_name_status?: string | null
    verified_name?: string | null
    is_official_business_account?: boolean | null
    quality_rating?: string | null
    whatsapp_business_manager_messaging_limit?: string | null
    messaging_limit_tier?: string | null
  } | null
  /** Meta's error text when a read failed, shown on the lines it left unknown. */
  business_error?: string | null
  phone_error?: string | null
}

type Explained = Pick<MetaStatusItem, "tone" | "meaning" | "next_step">

const unknown = (what: string, error: string | null | undefined): Explained => ({
  tone: "unknown",
  meaning: error ? `Meta did not say (${error}).` : `Meta did not return the ${what}.`,
  next_step: "Run the connection check; if it stays unknown, look it up in WhatsApp Manager.",
})

const VERIFY_HOW = "In Meta Business Suite open Settings → Security Center and start (or finish) Business verification."

export function explainBusinessVerification(raw: string | null, error?: string | null): Explained {
  const value = raw?.toLowerCase() ?? null
  switch (value) {
    case "verified":
      return { tone: "ok", meaning: "Meta has verified your business: it can scale past the first messaging limit and apply for the Official Business Account badge.", next_step: null }
    case "pending":
    case "pending_submission":
    case "pending_need_more_info":
      return {
        tone: "attention",
        meaning:
          value === "pending"
            ? "Meta is reviewing your business. Until it is verified, business-initiated conversations stay at the starting limit and the badge cannot be requested."
            : value === "pending_need_more_info"
              ? "Meta needs more information before it can verify your business."
              : "Business verification was started but not submitted.",
        next_step: value === "pending" ? "Wait for Meta's decision (usually a few working days); Meta emails the business admins." : `${VERIFY_HOW} Send the documents Meta asks for.`,
      }
    case "not_verified":
      return {
        tone: "attention",
        meaning:
          "Your business is not verified. You can answer customers, but you can start conversations (templates) with only 250 customers a day, and you cannot get the Official Business Account badge.",
        next_step: VERIFY_HOW,
      }
    case "rejected":
    case "failed":
    case "revoked":
    case "expired":
      return {
        tone: "problem",
        meaning: `Business verification is ${value.replace("_", " ")}: conversations you start stay at the starting limit and the badge cannot be requested.`,
        next_step: `Check Meta's reason in Security Center, correct the business details or documents, and submit again. ${VERIFY_HOW}`,
      }
    case "ineligible":
      return {
        tone: "problem",
        meaning: "Meta says this business portfolio is not eligible for verification.",
        next_step: "Check in Security Center why; verify the portfolio that owns this WhatsApp account, or contact Meta support.",
      }
    default:
      return value ? { tone: "unknown", meaning: `Meta reports "${raw}".`, next_step: "See Security Center in Meta Business Suite." } : unknown("business verification status", error)
  }
}

export function explainDisplayName(raw: string | null, pendingNew: string | null, error?: string | null): Explained {
  const value = raw?.toUpperCase() ?? null
  const renaming = pendingNew?.toUpperCase() === "PENDING_REVIEW" ? " A new name is waiting for review." : ""
  switch (value) {
    case "APPROVED":
      return { tone: "ok", meaning: `Meta approved the display name: customers see it on your profile and in chats.${renaming}`, next_step: null }
    case "AVAILABLE_WITHOUT_REVIEW":
      return { tone: "ok", meaning: `The display name shows on your profile; Meta reviews it when you reach a higher messaging limit.${renaming}`, next_step: null }
    case "PENDING_REVIEW":
      return { tone: "attention", meaning: "Meta is reviewing the display name against its guidelines.", next_step: "Wait for the review; nothing to do unless it is declined." }
    case "DECLINED":
      return {
        tone: "problem",
        meaning: "Meta declined the display name: it does not follow the display name guidelines (it must match your business and brand).",
        next_step: "Edit the display name in WhatsApp Manager → Phone numbers so it matches your business, or appeal through Meta support.",
      }
    case "EXPIRED":
      return { tone: "problem", meaning: "The display name certificate expired before the number was registered.", next_step: "Submit the display name again in WhatsApp Manager, then register the number." }
    case "NONE":
      return { tone: "attention", meaning: "No display name has been submitted for this number.", next_step: "Add a display name in WhatsApp Manager → Phone numbers." }
    default:
      return value ? { tone: "unknown", meaning: `Meta reports "${raw}".`, next_step: "See the number in WhatsApp Manager." } : unknown("display name status", error)
  }
}

export function explainOfficialBadge(official: boolean | null | undefined, verification: string | null, error?: string | null): Explained {
  if (official === true) return { tone: "ok", meaning: "This number is an Official Business Account: customers see a blue check beside its name.", next_step: null }
  if (official === false) {
    const verified = verification?.toLowerCase() === "verified"
    return {
      tone: "attention",
      meaning: "No blue badge. The badge is optional; without it the number does not appear when customers search WhatsApp for it.",
      next_step: verified
        ? "If your brand is notable, request Official Business Account status in WhatsApp Manager → Phone numbers → Settings (a rejected request can be repeated after 30 days)."
        : "Verify your business first: the badge can only be requested for a verified business.",
    }
  }
  return unknown("Official Business Account status", error)
}

export function explainQuality(raw: string | null, error?: string | null): Explained {
  switch (raw?.toUpperCase() ?? null) {
    case "GREEN":
      return { tone: "ok", meaning: "High quality: customers rarely block or report your messages.", next_step: null }
    case "YELLOW":
      return { tone: "attention", meaning: "Medium quality: some customers block or report your messages.", next_step: "Send fewer marketing templates, only to customers who opted in, and make them relevant." }
    case "RED":
      return {
        tone: "problem",
        meaning: "Low quality: many customers block or report your messages. Meta may lower your messaging limit or restrict the number.",
        next_step: "Pause marketing templates and review which ones customers block until the rating recovers.",
      }
    case "UNKNOWN":
    case "NA":
      return { tone: "unknown", meaning: "Meta has not rated this number yet (too few messages).", next_step: null }
    default:
      return raw ? { tone: "unknown", meaning: `Meta reports "${raw}".`, next_step: null } : unknown("quality rating", error)
  }
}

const TIER_LIMITS: Record<string, string> = {
  TIER_50: "50",
  TIER_250: "250",
  TIER_1K: "1,000",
  TIER_2K: "2,000",
  TIER_10K: "10,000",
  TIER_100K: "100,000",
}

export function explainMessagingTier(current: string | null, legacy: string | null, error?: string | null): Explained & { value: string | null } {
  const value = current ?? legacy
  const tier = value?.toUpperCase() ?? null
  if (tier === "TIER_UNLIMITED" || tier === "UNLIMITED") {
    return { value, tone: "ok", meaning: "No limit on how many customers you can start conversations with each day.", next_step: null }
  }
  if (tier && TIER_LIMITS[tier]) {
    const starting = tier === "TIER_50" || tier === "TIER_250"
    return {
      value,
      tone: starting ? "attention" : "ok",
      meaning: `You can start conversations (templates) with up to ${TIER_LIMITS[tier]} different customers in a rolling 24 hours; replies to customers who wrote to you do not count.${starting ? "" : " Higher limits come automatically while the quality rating stays good."}`,
      next_step: starting
        ? "Verify your business (or complete another of Meta's scaling paths) to reach 2,000; higher limits then come automatically with good quality."
        : null,
    }
  }
  if (tier === "UNTIERED") return { value, tone: "unknown", meaning: "Meta has not assigned a messaging limit yet.", next_step: "Register the number and send a first template." }
  return value ? { value, tone: "unknown", meaning: `Meta reports "${value}".`, next_step: null } : { value, ...unknown("messaging limit", error) }
}

export function explainRegistration(status: string | null, codeStatus: string | null, error?: string | null): Explained {
  const value = status?.toUpperCase() ?? null
  switch (value) {
    case "CONNECTED":
      return { tone: "ok", meaning: "The number is registered for Cloud API and can send and receive messages.", next_step: null }
    case "PENDING":
    case "UNVERIFIED":
    case "DISCONNECTED":
    case null:
      if (!value && !codeStatus) return unknown("registration status", error)
      return {
        tone: "attention",
        meaning:
          codeStatus?.toUpperCase() === "VERIFIED"
            ? "The number is verified but not registered for Cloud API: it cannot send messages yet."
            : "The number is not verified yet: it cannot send or receive messages.",
        next_step: codeStatus?.toUpperCase() === "VERIFIED" ? "Register the number (two-step PIN) from this page." : "Request a verification code by SMS or voice, enter it, then register.",
      }
    case "FLAGGED":
      return { tone: "problem", meaning: "Meta flagged the number for low quality; its messaging limit may drop.", next_step: "Improve quality (fewer, relevant templates) within 7 days." }
    case "RESTRICTED":
    case "RATE_LIMITED":
      return { tone: "problem", meaning: "Meta restricted how many messages this number can send.", next_step: "Slow down business-initiated messages and check WhatsApp Manager for the reason." }
    case "BANNED":
    case "DELETED":
      return { tone: "problem", meaning: `The number is ${value.toLowerCase()} on WhatsApp.`, next_step: "Check WhatsApp Manager → Account quality; request a review if you think it is a mistake." }
    default:
      return { tone: "unknown", meaning: `Meta reports "${status}".`, next_step: "See the number in WhatsApp Manager." }
  }
}

/** Every status line of the account page, in reading order. */
export function metaStatusItems(input: MetaStatusInput): MetaStatusItem[] {
  const phone = input.phone ?? {}
  const pe = input.phone_error ?? null
  const verification = input.business_verification_status
  const tier = explainMessagingTier(phone.whatsapp_business_manager_messaging_limit ?? null, phone.messaging_limit_tier ?? null, pe)
  const item = (key: MetaStatusItem["key"], label: string, value: string | null, explained: Explained): MetaStatusItem => ({
    key,
    label,
    value,
    ...explained,
    link: META_STATUS_LINKS[key],
  })
  return [
    item("business_verification", "Business verification", verification, explainBusinessVerification(verification, input.business_error)),
    item("display_name", "Display name review", phone.name_status ?? null, explainDisplayName(phone.name_status ?? null, phone.new_name_status ?? null, pe)),
    item(
      "official_business_account",
      "Official Business Account badge",
      typeof phone.is_official_business_account === "boolean" ? String(phone.is_official_business_account) : null,
      explainOfficialBadge(phone.is_official_business_account, verification, pe)
    ),
    item("quality_rating", "Quality rating", phone.quality_rating ?? null, explainQuality(phone.quality_rating ?? null, pe)),
    item("messaging_tier", "Messaging limit", tier.value, { tone: tier.tone, meaning: tier.meaning, next_step: tier.next_step }),
    item("number_registration", "Number registration", phone.status ?? null, explainRegistration(phone.status ?? null, phone.code_verification_status ?? null, pe)),
  ]
}
