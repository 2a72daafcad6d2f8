// Meta's business-portfolio side of onboarding, as its documentation describes it:
// the business's catalogs, the WABA's one catalog connection, the business's
// verification status and the number's review statuses, with tokens that carry
// (or lack) the permissions Meta requires.
//
// - GET/POST /{business-id}/owned_product_catalogs: list `{ data, paging }` /
//   create `{ name, vertical }` → `{ id }`; error 200 "Permissions error".
//   https://developers.facebook.com/documentation/ads-commerce/marketing-api/reference/business/owned_product_catalogs
// - GET/POST /{waba-id}/product_catalogs: "Returns the product catalog connected
//   to the WhatsApp Business Account"; POST `catalog_id` (required) → `{ success }`;
//   requires whatsapp_business_management, whatsapp_business_messaging and
//   catalog_management. The page lists no DELETE today (older versions had one,
//   with `catalog_id`); the sandbox keeps it for WhatsApp Manager's "Disconnect".
//   Meta allows one catalog per WABA but does not document the error for
//   connecting a second one: the sandbox takes the strict reading (error 100,
//   disconnect first).
//   https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account/product_catalogs/
// - GET /{waba-id}?fields=owner_business_info,business_verification_status
//   (partner-led business verification page:
//   https://developers.facebook.com/documentation/business-messaging/whatsapp/solution-providers/partner-led-business-verification)
//   and GET /{business-id}?fields=verification_status: expired, failed,
//   ineligible, not_verified, pending, pending_need_more_info,
//   pending_submission, rejected, revoked, verified (Meta's Business node enum).
// - Phone number fields: `name_status` (display names page:
//   https://developers.facebook.com/documentation/business-messaging/whatsapp/display-names/),
//   `is_official_business_account`, `status`, and the portfolio's
//   `whatsapp_business_manager_messaging_limit` (TIER_250, TIER_2K, TIER_10K,
//   TIER_100K, TIER_UNLIMITED; `messaging_limit_tier` is deprecated:
//   https://developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits).
const crypto = require("node:crypto")
const { errors, metaError } = require("./meta-errors")

/** The business portfolio that owns every sandbox WABA and catalog unless told otherwise. */
const DEFAULT_BUSINESS_ID = "100000000000900"
const VERIFICATION_STATUSES = ["expired", "failed", "ineligible", "not_verified", "pending", "pending_need_more_info", "pending_submission", "rejected", "revoked", "verified"]
const NAME_STATUSES = ["APPROVED", "AVAILABLE_WITHOUT_REVIEW", "DECLINED", "EXPIRED", "PENDING_REVIEW", "NONE"]
const QUALITY_RATINGS = ["GREEN", "YELLOW", "RED", "UNKNOWN"]
const NUMBER_STATUSES = ["CONNECTED", "PENDING", "FLAGGED", "RESTRICTED", "RATE_LIMITED", "DISCONNECTED", "DELETED", "BANNED", "UNVERIFIED"]
const MESSAGING_LIMITS = ["TIER_250", "TIER_2K", "TIER_10K", "TIER_100K", "TIER_UNLIMITED", "UNTIERED"]
// ProductCatalog `vertical` values (Marketing API ProductCatalog reference).
const VERTICALS = ["adoptable_pets", "commerce", "destinations", "flights", "generic", "home_listings", "hotels", "jobs", "local_service_businesses", "offer_items", "offline_commerce", "transactable_items", "vehicles"]
/** What a token has when a test did not narrow it: everything a BSP's business token gets. */
const ALL_SCOPES = ["whatsapp_business_management", "whatsapp_business_messaging", "catalog_management", "business_management"]

const permissionError = (scope) => metaError(403, 200, `(#200) Requires ${scope} permission to manage the object`)

function createBusinessApi(getState) {
  const state = () => {
    const s = getState()
    s.businesses ??= new Map() // business id → { id, name, verification_status, messaging_limit }
    s.tokenScopes ??= new Map() // token → scopes (absent: ALL_SCOPES)
    return s
  }
  const accounts = () => [...state().accounts.values()]
  const businessIdOf = (account) => account.business_id ?? DEFAULT_BUSINESS_ID

  /** The business record, made on first use for any business an account or a catalog names. */
  function business(id) {
    const s = state()
    if (s.businesses.has(id)) return s.businesses.get(id)
    const named = accounts().some((a) => businessIdOf(a) === id) || [...s.catalogs.values()].some((c) => c.business_id === id)
    if (!named) return null
    const record = { id, name: "Sandbox Business", verification_status: "not_verified", messaging_limit: "TIER_250" }
    s.businesses.set(id, record)
    return record
  }

  const knownToken = (token) => !!token && accounts().some((a) => a.access_token === token)
  const hasScope = (token, scope) => (state().tokenScopes.get(token) ?? ALL_SCOPES).includes(scope)
  /** The businesses whose WABAs this token was issued for. */
  const businessesOfToken = (token) => new Set(accounts().filter((a) => a.access_token === token).map(businessIdOf))

  const pick = (object, query) => {
    const fields = (query.get("fields") ?? "").split(",").map((f) => f.trim()).filter(Boolean)
    if (!fields.length) return object
    return Object.fromEntries(Object.entries(object).filter(([key]) => key === "id" || fields.includes(key)))
  }
  const catalogNode = (catalog) => ({ id: catalog.id, name: catalog.name, vertical: catalog.vertical ?? "commerce", product_count: catalog.items.size })

  /** Who may use a catalog: a token of an account connected to it, or of its owner business with catalog_management. */
  function catalogRefusal(token, catalogId) {
    if (!knownToken(token)) return errors.badToken()
    const catalog = state().catalogs.get(catalogId)
    const connected = accounts().some((a) => a.catalog_id === catalogId && a.access_token === token)
    const owner = businessesOfToken(token).has(catalog.business_id)
    if (!connected && !owner) return errors.unknownObject(catalogId)
    if (!hasScope(token, "catalog_management")) return permissionError("catalog_management")
    return null
  }

  /** `/{business-id}[/owned_product_catalogs]`; null when `objectId` is no business. */
  function handleBusiness(req, objectId, edge, query, body, token, addCatalog) {
    const record = business(objectId)
    if (!record) return null
    if (!knownToken(token)) return errors.badToken()
    if (!businessesOfToken(token).has(objectId)) return errors.unknownObject(objectId)
    if (!edge && req.method === "GET") return { status: 200, body: pick({ id: record.id, name: record.name, verification_status: record.verification_status }, query) }
    if (edge !== "owned_product_catalogs") return errors.invalidParameter(`Unsupported ${req.method} on business edge ${edge}`)
    if (!hasScope(token, "catalog_management")) return permissionError("catalog_management")
    if (req.method === "GET") {
      const owned = [...state().catalogs.values()].filter((c) => c.business_id === objectId).map((c) => pick(catalogNode(c), query))
      return { status: 200, body: { data: owned, paging: { cursors: { before: "", after: "" } } } }
    }
    if (req.method === "POST") {
      const name = String(body?.name ?? "").trim()
      if (!name) return errors.invalidParameter("(#100) The parameter name is required")
      const vertical = String(body?.vertical ?? "commerce")
      if (!VERTICALS.includes(vertical)) return errors.invalidParameter(`vertical must be one of ${VERTICALS.join(", ")}`)
      const id = `1${String(crypto.randomInt(0, 1e14)).padStart(14, "0")}`
      addCatalog({ id, name, business_id: objectId, vertical })
      return { status: 200, body: { id } }
    }
    return errors.invalidParameter(`Unsupported ${req.method} on owned_product_catalogs`)
  }

  /** `/{waba-id}` and `/{waba-id}/product_catalogs`, after the WABA's token was checked; null for other edges. */
  function handleWaba(req, wabaId, edge, query, body, token, wabaAccounts) {
    const owner = business(businessIdOf(wabaAccounts[0]))
    if (!edge && req.method === "GET") {
      return {
        status: 200,
        body: pick({ id: wabaId, name: `${owner.name} WhatsApp`, owner_business_info: { id: owner.id, name: owner.name }, business_verification_status: owner.verification_status }, query),
      }
    }
    if (edge !== "product_catalogs") return null
    if (!hasScope(token, "catalog_management")) return permissionError("catalog_management")
    const connectedId = wabaAccounts[0].catalog_id ?? null
    if (req.method === "GET") {
      const catalog = connectedId ? state().catalogs.get(connectedId) : null
      return { status: 200, body: { data: connectedId ? [catalog ? pick(catalogNode(catalog), query) : { id: connectedId }] : [] } }
    }
    const catalogId = String(query.get("catalog_id") ?? body?.catalog_id ?? "")
    if (!catalogId) return errors.invalidParameter("(#100) The parameter catalog_id is required")
    if (req.method === "POST") {
      const catalog = state().catalogs.get(catalogId)
      if (!catalog || catalog.business_id !== owner.id) return errors.unknownObject(catalogId)
      if (connectedId && connectedId !== catalogId) {
        return errors.invalidParameter(`This WhatsApp Business Account is already connected to catalog ${connectedId}; disconnect it before connecting another`)
      }
      wabaAccounts.forEach((a) => (a.catalog_id = catalogId))
      return { status: 200, body: { success: true } }
    }
    if (req.method === "DELETE") {
      if (connectedId !== catalogId) return errors.invalidParameter(`Catalog ${catalogId} is not connected to this WhatsApp Business Account`)
      wabaAccounts.forEach((a) => (a.catalog_id = null))
      return { status: 200, body: { success: true } }
    }
    return errors.invalidParameter(`Unsupported ${req.method} on product_catalogs`)
  }

  /** The number's review and limit fields as Meta answers them (the limit is the portfolio's). */
  function phoneFields(account) {
    const owner = business(businessIdOf(account))
    return {
      status: account.status ?? "CONNECTED",
      is_official_business_account: account.is_official_business_account ?? false,
      whatsapp_business_manager_messaging_limit: account.whatsapp_business_manager_messaging_limit ?? owner.messaging_limit,
    }
  }

  const oneOf = (value, allowed, field) => (value === undefined || allowed.includes(value) ? null : `${field} must be one of ${allowed.join(", ")}`)

  /** Controls under /__sandbox; null for other actions. */
  function control(req, action, body, query) {
    if (action === "businesses" && req.method === "GET") {
      const list = [...new Set([...accounts().map(businessIdOf), ...state().businesses.keys()])].map(business)
      return {
        status: 200,
        body: {
          businesses: list.map((b) => ({
            ...b,
            catalogs: [...state().catalogs.values()].filter((c) => c.business_id === b.id).map(catalogNode),
            wabas: [...new Set(accounts().filter((a) => businessIdOf(a) === b.id).map((a) => a.waba_id))].map((waba_id) => ({
              waba_id,
              catalog_id: accounts().find((a) => a.waba_id === waba_id)?.catalog_id ?? null,
            })),
          })),
        },
      }
    }
    if (req.method !== "POST") return null
    if (action === "business") {
      // { id, name?, verification_status? }: another portfolio (e.g. one owning a catalog this token cannot manage).
      const problem = !body?.id ? "id is required" : oneOf(body.verification_status, VERIFICATION_STATUSES, "verification_status")
      if (problem) return { status: 400, body: { error: problem } }
      const record = { id: String(body.id), name: body.name ?? "Other Business", verification_status: body.verification_status ?? "not_verified", messaging_limit: "TIER_250" }
      state().businesses.set(record.id, record)
      return { status: 200, body: record }
    }
    if (action === "business-verification") {
      // { status, business_id? } — what Meta's review decided.
      const problem = oneOf(body?.status ?? null, VERIFICATION_STATUSES, "status")
      if (problem) return { status: 400, body: { error: problem } }
      const record = business(String(body.business_id ?? DEFAULT_BUSINESS_ID))
      if (!record) return { status: 404, body: { error: "no such business" } }
      record.verification_status = body.status
      // A verified business completed Meta's scaling path: the portfolio's limit rises to 2,000.
      if (body.status === "verified" && record.messaging_limit === "TIER_250") record.messaging_limit = "TIER_2K"
      return { status: 200, body: record }
    }
    if (action === "phone-status") {
      // { phone_number_id?, name_status?, is_official_business_account?, quality_rating?, status?, whatsapp_business_manager_messaging_limit? }
      const account = state().accounts.get(body?.phone_number_id) ?? accounts()[0]
      if (!account) return { status: 400, body: { error: "no account" } }
      const problem =
        oneOf(body.name_status, NAME_STATUSES, "name_status") ??
        oneOf(body.quality_rating, QUALITY_RATINGS, "quality_rating") ??
        oneOf(body.status, NUMBER_STATUSES, "status") ??
        oneOf(body.whatsapp_business_manager_messaging_limit, MESSAGING_LIMITS, "whatsapp_business_manager_messaging_limit") ??
        (body.is_official_business_account === undefined || typeof body.is_official_business_account === "boolean" ? null : "is_official_business_account must be a boolean")
      if (problem) return { status: 400, body: { error: problem } }
      for (const key of ["name_status", "quality_rating", "status", "whatsapp_business_manager_messaging_limit", "is_official_business_account"]) {
        if (body[key] !== undefined) account[key] = body[key]
      }
      return { status: 200, body: { phone_number_id: account.phone_number_id, ...phoneFields(account), name_status: account.name_status, quality_rating: account.quality_rating } }
    }
    if (action === "token-scopes") {
      // { token, scopes: [...] | null } — what the merchant granted when creating the token.
      if (!body?.token) return { status: 400, body: { error: "token is required" } }
      if (body.scopes === null) state().tokenScopes.delete(body.token)
      else if (Array.isArray(body.scopes)) state().tokenScopes.set(body.token, body.scopes.map(String))
      else return { status: 400, body: { error: "scopes must be an array or null" } }
      return { status: 200, body: { scopes: state().tokenScopes.get(body.token) ?? ALL_SCOPES } }
    }
    return null
  }

  /** A token a test narrowed (token-scopes) lacks the scope: Meta's permission error (code 200). */
  const scopeRefusal = (token, scope) => (hasScope(token, scope) ? null : permissionError(scope))

  return { catalogRefusal, scopeRefusal, handleBusiness, handleWaba, phoneFields, control }
}

module.exports = { createBusinessApi, DEFAULT_BUSINESS_ID, ALL_SCOPES, VERIFICATION_STATUSES }
