// Meta's side of onboarding, for the sandbox: the Facebook JS SDK's
// FB.init/FB.login (served at /sdk.js), the Embedded Signup popup
// (/dialog/oauth), the code exchange (/oauth/access_token), /debug_token,
// and the phone-number registration edges (register, deregister,
// request_code, verify_code). graph-api.js routes requests here.
//
// Pages followed (read before modelling):
// - Embedded Signup implementation (FB.login with config_id,
//   response_type "code", override_default_response_type, extras; the
//   session-info message posted to the opener as a JSON string, type WA_EMBEDDED_SIGNUP:
//   FINISH with { phone_number_id, waba_id, business_id }, CANCEL with
//   { current_step }, and errors reported by the user as CANCEL with
//   { error_message, error_id, session_id, timestamp }; the code is
//   exchanged server-side and lives 30 seconds):
//   https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/implementation/
// - Code exchange: GET /oauth/access_token?client_id&client_secret&code
//   (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow/);
//   a used code answers OAuthException 100/36009 "This authorization code has been used.",
//   an expired one 100/36007 "This authorization code has expired.".
// - GET /debug_token?input_token= with an app token: data { app_id, type, is_valid, scopes,
//   granular_scopes: [{ scope, target_ids? }] } (https://developers.facebook.com/docs/graph-api/reference/debug_token).
// - Register: POST /{phone-number-id}/register { messaging_product: "whatsapp", pin }
//   (https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/registration/):
//   10 requests per number per 72 h (else 133016); a number with two-step verification
//   needs its PIN (else 133005); an unverified number 133006. Deregister: POST /{id}/deregister.
// - request_code (code_method SMS|VOICE, language; error 136024) and verify_code (code; error 136025):
//   https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account-to-number-current-status/request_code/
//   https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account-to-number-current-status/verify_code/
// - Error codes 133005/133006/133010/133016/136025 and 10 (permission):
//   https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes/
//
// The popup page's stable handles, for browser tests (every one is a data-testid):
//   es-step-<business|waba|profile|phone|verify|done>   the visible step's section
//   es-business-option-<business_id>                   radio: an existing business
//   es-business-new / es-business-new-name             radio + input: create a business
//   es-waba-name                                       input: the new WhatsApp Business Account's name
//   es-display-name / es-category / es-description     the profile (display name, category select, description)
//   es-phone                                           input: the phone number (+E.164)
//   es-send-code                                       button: sends the verification code
//   es-code-shown                                      the code the phone received (shown on the page)
//   es-code                                            input: the code typed back
//   es-next / es-finish / es-cancel                    buttons
//   es-error                                           the current error text
const crypto = require("node:crypto")
const { metaError } = require("./meta-errors")

const CODE_TTL_MS = 30_000
const REGISTER_WINDOW_MS = 72 * 60 * 60 * 1000
const REGISTER_LIMIT = 10
const SCOPES = ["whatsapp_business_management", "whatsapp_business_messaging"]
const STEPS = ["business", "waba", "profile", "phone", "verify"]
const CATEGORIES = ["APPAREL", "BEAUTY", "ENTERTAIN", "EVENT_PLAN", "FINANCE", "GROCERY", "HOTEL", "NONPROFIT", "OTHER", "PROF_SERVICES", "RESTAURANT", "RETAIL", "TRAVEL"]

const signupErrors = {
  codeUsed: () => metaError(400, 100, "This authorization code has been used.", { subcode: 36009 }),
  codeExpired: () => metaError(400, 100, "This authorization code has expired.", { subcode: 36007 }),
  codeInvalid: () => metaError(400, 100, "Invalid verification code format."),
  badClientSecret: () => metaError(400, 1, "Error validating client secret."),
  badAppId: () => metaError(400, 101, "Error validating application. Invalid application ID."),
  permission: () => metaError(403, 10, "(#10) Application does not have permission for this action"),
  pinMismatch: () => metaError(400, 133005, "(#133005) Two step verification PIN Mismatch", { details: "Two-step verification PIN incorrect." }),
  reverify: () => metaError(400, 133006, "(#133006) Phone number re-verification needed", { details: "Phone number needs to be verified before registering." }),
  notRegistered: () => metaError(400, 133010, "(#133010) Account not registered", { details: "The phone number is not registered on the WhatsApp Business Platform." }),
  registerLimit: () => metaError(400, 133016, "(#133016) Account register deregister rate limit exceeded", { details: "Registration requests for this number are limited to 10 in 72 hours." }),
  requestCode: (details) => metaError(400, 136024, "(#136024) Request code error", { details }),
  verifyCode: (details) => metaError(400, 136025, "(#136025) Verify code error", { details }),
}

const randomId = () => String(400000000000000 + crypto.randomInt(0, 99999999999999))
const sixDigits = () => String(crypto.randomInt(0, 1_000_000)).padStart(6, "0")

function createSignup({ state, config, app, addAccount }) {
  // Sandbox time for codes and the registration window: config.now plus what the control advanced.
  const now = () => config.now() + state.signup.clockOffsetMs
  const signup = () => state.signup

  function business(input) {
    if (input.business_id && signup().businesses.has(input.business_id)) return signup().businesses.get(input.business_id)
    const created = { id: randomId(), name: String(input.business_name ?? "Sandbox Business") }
    signup().businesses.set(created.id, created)
    return created
  }

  /** What the popup ends with: a business, a WABA, a verified but unregistered number, and a code (single use, 30 s). */
  function createSession(input = {}) {
    const owner = business(input)
    const wabaId = randomId()
    const phoneNumberId = randomId()
    const digits = String(input.phone ?? `+1555${sixDigits()}0`).replace(/\D/g, "")
    addAccount({
      waba_id: wabaId,
      phone_number_id: phoneNumberId,
      access_token: null,
      business_id: owner.id,
      waba_name: input.waba_name ?? owner.name,
      display_phone_number: `+${digits}`,
      verified_name: input.display_name ?? owner.name,
      category: input.category ?? "RETAIL",
      description: input.description ?? "",
      name_status: "PENDING_REVIEW",
      messaging_limit_tier: "TIER_250",
      quality_rating: "UNKNOWN",
      code_verification_status: input.verified === false ? "NOT_VERIFIED" : "VERIFIED",
      registered: false,
      status: "PENDING",
    })
    const code = `sbx-code-${crypto.randomBytes(12).toString("hex")}`
    signup().codes.set(code, { waba_id: wabaId, phone_number_id: phoneNumberId, business_id: owner.id, issued_at: now(), used: false, scopes: input.scopes ?? SCOPES })
    return { code, waba_id: wabaId, phone_number_id: phoneNumberId, business_id: owner.id }
  }

  /** GET /oauth/access_token: a business token for the code's WABA, once. */
  function exchange(query) {
    if (query.get("client_id") !== app.id) return signupErrors.badAppId()
    if (query.get("client_secret") !== config.appSecret) return signupErrors.badClientSecret()
    const grant = signup().codes.get(query.get("code") ?? "")
    if (!grant) return signupErrors.codeInvalid()
    if (grant.used) return signupErrors.codeUsed()
    if (now() - grant.issued_at > CODE_TTL_MS) return signupErrors.codeExpired()
    grant.used = true
    const token = `EAAsbx${crypto.randomBytes(24).toString("hex")}`
    signup().tokens.set(token, { scopes: grant.scopes.map((scope) => ({ scope, target_ids: [grant.waba_id] })), issued_at: now(), business_id: grant.business_id })
    for (const account of state.accounts.values()) if (account.waba_id === grant.waba_id) account.access_token = token
    return { status: 200, body: { access_token: token, token_type: "bearer" } }
  }

  /** Scopes of a token: a signup token's own, or every scope on its accounts' WABAs for a token set up by tests. */
  function grantsOf(token) {
    const issued = signup().tokens.get(token)
    if (issued) return issued.scopes
    const wabas = [...new Set([...state.accounts.values()].filter((a) => a.access_token === token).map((a) => a.waba_id))]
    if (!wabas.length) return null
    const revoked = signup().revoked.get(token) ?? []
    return SCOPES.filter((s) => !revoked.includes(s)).map((scope) => ({ scope, target_ids: wabas }))
  }

  function debugToken(query, bearer) {
    const appToken = query.get("access_token") ?? bearer
    if (appToken !== `${app.id}|${config.appSecret}`) return metaError(400, 190, "Invalid OAuth access token - Cannot parse access token")
    const grants = grantsOf(query.get("input_token") ?? "")
    if (!grants) return { status: 200, body: { data: { is_valid: false, error: { code: 190, message: "Invalid OAuth access token." } } } }
    const issuedAt = Math.floor((signup().tokens.get(query.get("input_token"))?.issued_at ?? now()) / 1000)
    return {
      status: 200,
      body: { data: { app_id: app.id, type: "SYSTEM_USER", application: app.name, data_access_expires_at: 0, expires_at: 0, is_valid: true, issued_at: issuedAt, scopes: grants.map((g) => g.scope), granular_scopes: grants, user_id: "sandbox-system-user" } },
    }
  }

  /** Meta refuses a WhatsApp call whose token lacks the permission for that WABA (code 10). */
  function permissionProblem(token, scope, wabaId) {
    const grants = grantsOf(token)
    if (!grants) return null
    const grant = grants.find((g) => g.scope === scope)
    return grant && (!grant.target_ids || grant.target_ids.includes(wabaId)) ? null : signupErrors.permission()
  }

  /** The register, deregister, request_code and verify_code edges of a phone number. */
  function phoneEdge(account, edge, params) {
    if (edge === "register") {
      if (params.messaging_product !== "whatsapp") return metaError(400, 100, "(#100) Invalid parameter", { details: "messaging_product must be whatsapp" })
      if (!/^\d{6}$/.test(String(params.pin ?? ""))) return metaError(400, 100, "(#100) Invalid parameter", { details: "pin must be 6 digits" })
      const recent = (account.register_calls ?? []).filter((t) => now() - t < REGISTER_WINDOW_MS)
      if (recent.length >= REGISTER_LIMIT) return signupErrors.registerLimit()
      account.register_calls = [...recent, now()]
      if (account.code_verification_status !== "VERIFIED") return signupErrors.reverify()
      if (account.pin && account.pin !== String(params.pin)) return signupErrors.pinMismatch()
      Object.assign(account, { pin: String(params.pin), registered: true, registered_by: app.id, status: "CONNECTED" })
      return { status: 200, body: { success: true } }
    }
    if (edge === "deregister") {
      // Two-step verification stays: "There is no endpoint to disable two-step verification."
      Object.assign(account, { registered: false, registered_by: null, status: "DISCONNECTED" })
      return { status: 200, body: { success: true } }
    }
    if (edge === "request_code") {
      if (!["SMS", "VOICE"].includes(params.code_method)) return metaError(400, 100, "(#100) Invalid parameter", { details: "code_method must be SMS or VOICE" })
      if (!params.language) return metaError(400, 100, "(#100) Invalid parameter", { details: "language is required" })
      if (account.code_verification_status === "VERIFIED" && account.registered) return signupErrors.requestCode("The phone number is already verified and registered.")
      account.verification_code = sixDigits()
      account.verification_method = params.code_method
      return { status: 200, body: { success: true } }
    }
    if (edge === "verify_code") {
      if (!account.verification_code) return signupErrors.verifyCode("No verification code was requested for this number.")
      if (String(params.code ?? "") !== account.verification_code) return signupErrors.verifyCode("Code couldn't be verified, You have entered a wrong code.")
      account.code_verification_status = "VERIFIED"
      account.verification_code = null
      return { status: 200, body: { success: true } }
    }
    return null
  }

  /** Controls under /__sandbox/signup/… for tests (no browser needed). */
  function control(req, action, query, body = {}) {
    if (action === "session" && req.method === "POST") return { status: 200, body: createSession(body) }
    if (action === "advance-clock" && req.method === "POST") {
      signup().clockOffsetMs += Number(body.ms ?? 0)
      return { status: 200, body: { offset_ms: signup().clockOffsetMs } }
    }
    if (action === "registered-elsewhere" && req.method === "POST") {
      const account = state.accounts.get(body.phone_number_id)
      if (!account) return { status: 404, body: { error: "no such number" } }
      Object.assign(account, { registered: true, registered_by: "another-app", status: "CONNECTED", pin: String(body.pin ?? sixDigits()) })
      return { status: 200, body: { ok: true } }
    }
    if (action === "revoke-scope" && req.method === "POST") {
      const accounts = [...state.accounts.values()].filter((a) => a.waba_id === body.waba_id)
      for (const token of new Set(accounts.map((a) => a.access_token).filter(Boolean))) {
        const issued = signup().tokens.get(token)
        if (issued) issued.scopes = issued.scopes.filter((g) => g.scope !== body.scope)
        else signup().revoked.set(token, [...(signup().revoked.get(token) ?? []), body.scope])
      }
      return { status: 200, body: { ok: true } }
    }
    if (action === "number" && req.method === "GET") {
      const account = state.accounts.get(query.get("id"))
      if (!account) return { status: 404, body: { error: "no such number" } }
      const { access_token, pin, ...visible } = account
      return { status: 200, body: { ...visible, has_pin: !!pin } }
    }
    return null
  }

  /** The popup's server side: sends a code to the phone, then finishes (creates everything) or reports a cancel. */
  function popupApi(body = {}) {
    if (body.action === "send_code") {
      const digits = String(body.phone ?? "").replace(/\D/g, "")
      if (!String(body.phone ?? "").trim().startsWith("+") || digits.length < 8 || digits.length > 15) {
        return { status: 400, body: { error: "Enter the number with its country code, e.g. +34 612 345 678." } }
      }
      if ([...state.accounts.values()].some((a) => String(a.display_phone_number ?? "").replace(/\D/g, "") === digits)) {
        return { status: 400, body: { error: "This phone number is already connected to a WhatsApp Business Account." } }
      }
      const id = crypto.randomBytes(8).toString("hex")
      signup().popupCodes.set(id, { phone: `+${digits}`, code: sixDigits() })
      return { status: 200, body: { verification_id: id, code_shown: signup().popupCodes.get(id).code } }
    }
    if (body.action === "finish") {
      const sent = signup().popupCodes.get(body.verification_id ?? "")
      if (!sent) return { status: 400, body: { error: "Send a verification code to your phone first." } }
      if (String(body.code ?? "").trim() !== sent.code) return { status: 400, body: { error: "That code is not right. Check the code sent to your phone and try again." } }
      if (!String(body.display_name ?? "").trim()) return { status: 400, body: { error: "Enter a display name." } }
      signup().popupCodes.delete(body.verification_id)
      const session = createSession({ ...body, phone: sent.phone })
      return { status: 200, body: session }
    }
    return { status: 400, body: { error: "unknown action" } }
  }

  function businesses() {
    return [...signup().businesses.values()]
  }

  return { exchange, debugToken, permissionProblem, phoneEdge, control, popupApi, businesses, createSession, CATEGORIES, STEPS }
}

function defaultSignupState() {
  return { businesses: new Map(), codes: new Map(), tokens: new Map(), revoked: new Map(), popupCodes: new Map(), clockOffsetMs: 0 }
}

module.exports = { createSignup, defaultSignupState, signupErrors, SCOPES, CODE_TTL_MS }
