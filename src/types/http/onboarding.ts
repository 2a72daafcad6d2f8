import type { AdminWhatsAppAccount } from "./accounts"

/**
 * Guided onboarding (issue 20): Embedded Signup, phone registration, the
 * Meta catalog step and the account's Meta statuses explained. The server
 * routes and the admin wizard share these shapes.
 */

/** GET /admin/whatsapp/onboarding: what the admin needs to run Meta's signup popup. */
export type AdminWhatsAppOnboardingConfigResponse = {
  embedded_signup: {
    /** False when the plugin has no `metaAppId`/`embeddedSignupConfigId`: only the manual (Advanced) path is offered. */
    enabled: boolean
    app_id: string | null
    config_id: string | null
    graph_api_version: string
    /** Where the admin loads Meta's JS SDK from (the sandbox serves a fake one). */
    sdk_url: string
  }
}

/** The session-info message Meta's popup posts back (WA_EMBEDDED_SIGNUP), as the admin forwards it. */
export type EmbeddedSignupSession = {
  waba_id: string
  phone_number_id: string
  business_id: string | null
}

/** POST /admin/whatsapp/onboarding/embedded-signup */
export type AdminWhatsAppEmbeddedSignupRequest = EmbeddedSignupSession & {
  /** The authorization code from FB.login's response (valid once, for minutes). */
  code: string
  /** The two-step verification PIN (6 digits); omitted: one is generated and returned once. */
  pin?: string
  name?: string
  region_id: string
  sales_channel_id: string
  language?: string
}

/** One step of the set-up as it went. */
export type OnboardingStep = {
  key: "exchange_code" | "check_permissions" | "subscribe_webhooks" | "register_number" | "read_number" | "create_account"
  ok: boolean
  detail: string
}

/** The number as Meta describes it after registration. */
export type OnboardedPhoneNumber = {
  display_phone_number: string | null
  verified_name: string | null
  status: string | null
  code_verification_status: string | null
  quality_rating: string | null
  messaging_limit_tier: string | null
  name_status: string | null
}

export type AdminWhatsAppEmbeddedSignupResponse = {
  account: AdminWhatsAppAccount
  phone_number: OnboardedPhoneNumber
  /** The generated two-step PIN, shown once; null when the merchant chose it. */
  generated_pin: string | null
  steps: OnboardingStep[]
}

/**
 * The error body of every onboarding route (HTTP 4xx/5xx): what failed in
 * plain words, what to do next, and Meta's own error when it came from Meta.
 * Nothing is left half-created when this is returned.
 */
export type AdminWhatsAppOnboardingError = {
  type: string
  message: string
  step: OnboardingStep["key"] | "request_code" | "verify_code" | "catalog" | "templates" | null
  next_step: string
  meta_error: { code: number; subcode: number | null; message: string } | null
}

/** POST /admin/whatsapp/onboarding/check-number: the requirements that can be checked before starting. */
export type AdminWhatsAppCheckNumberRequest = { phone: string }
export type AdminWhatsAppCheckNumberResponse = {
  ok: boolean
  /** +E.164 when it parses. */
  e164: string | null
  country: string | null
  problems: string[]
}

/** POST /admin/whatsapp/accounts/:id/phone/request-code */
export type AdminWhatsAppRequestCodeRequest = { method: "SMS" | "VOICE"; language?: string }
/** POST /admin/whatsapp/accounts/:id/phone/verify-code */
export type AdminWhatsAppVerifyCodeRequest = { code: string }
/** POST /admin/whatsapp/accounts/:id/phone/register */
export type AdminWhatsAppRegisterRequest = { pin?: string }
export type AdminWhatsAppPhoneStepResponse = { phone_number: OnboardedPhoneNumber; generated_pin?: string | null }

/** A catalog the business owns, as the catalog step lists it. */
export type MetaCatalogChoice = {
  id: string
  name: string
  vertical: string | null
  product_count: number | null
  /** Connected to this account's WABA now. */
  connected: boolean
  /** Other accounts of this store already on it (a shared catalog: one currency, shared items). */
  used_by: { id: string; name: string; display_phone_number: string | null }[]
}

/** GET /admin/whatsapp/accounts/:id/meta-catalogs */
export type AdminWhatsAppMetaCatalogsResponse = {
  business_id: string | null
  catalogs: MetaCatalogChoice[]
  /** The catalog the WABA is connected to at Meta (a WABA has one), or null. */
  waba_catalog_id: string | null
}

/** POST /admin/whatsapp/accounts/:id/meta-catalogs: creates a catalog in the business. */
export type AdminWhatsAppCreateMetaCatalogRequest = { name: string; vertical?: "commerce" }
export type AdminWhatsAppCreateMetaCatalogResponse = { catalog: MetaCatalogChoice }

/**
 * POST /admin/whatsapp/accounts/:id/catalog (existing route, extended):
 * `replace: true` is required when the WABA is connected to another catalog
 * (answered 409 with `waba_catalog_id` otherwise).
 */
export type AdminWhatsAppConnectCatalogRequest = { catalog_id: string; replace?: boolean; start_sync?: boolean }
/** The 409 of that route: the catalog the WABA is connected to now. */
export type AdminWhatsAppCatalogConflictError = AdminWhatsAppOnboardingError & { waba_catalog_id: string }

/** One Meta status of the account, explained. */
export type MetaStatusItem = {
  key: "business_verification" | "display_name" | "official_business_account" | "quality_rating" | "messaging_tier" | "number_registration"
  label: string
  /** Meta's raw value, e.g. "verified", "APPROVED", "GREEN", "TIER_1K". */
  value: string | null
  tone: "ok" | "attention" | "problem" | "unknown"
  meaning: string
  next_step: string | null
  /** Meta's page about it. */
  link: string | null
}

/** GET /admin/whatsapp/accounts/:id/meta-status */
export type AdminWhatsAppMetaStatusResponse = { account_id: string; items: MetaStatusItem[] }

/** POST /admin/whatsapp/accounts/:id/templates/starter: the store's templates, submitted for Meta's review. */
export type AdminWhatsAppSubmitStarterTemplatesRequest = {
  /** The templates' language; omitted: the account's. */
  language?: "es" | "pt" | "en"
  /** Make them the account's recovery and order-update templates where none is chosen (default true). */
  use?: boolean
}

/** One starter template as it went: created now, found already there, or refused by Meta (explained). */
export type StarterTemplateResult = {
  use: "recovery" | "order_update"
  name: string
  language: string
  category: string
  outcome: "submitted" | "already_existed" | "failed"
  /** Meta's status: PENDING until reviewed, then APPROVED or REJECTED; null when it failed. */
  status: string | null
  template_id: string | null
  /** Chosen as the account's template for this use by this request. */
  chosen: boolean
  error: AdminWhatsAppOnboardingError | null
}

export type AdminWhatsAppSubmitStarterTemplatesResponse = { account_id: string; templates: StarterTemplateResult[] }
