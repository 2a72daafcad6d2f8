// Meta's Catalog Batch API as its documentation describes it, strict enough
// to catch what a real catalog would refuse:
//
// - POST /{catalog-id}/items_batch answers { handles, validation_status }:
//   `handles` holds 0 or 1 value, and an empty array means nothing was
//   ingested; `validation_status` lists intake errors per retailer id.
//   `allow_upsert` defaults to true: an UPDATE creates a missing item.
//   https://developers.facebook.com/docs/marketing-api/reference/product-catalog/items_batch/
// - GET /{catalog-id}/check_batch_request_status walks a batch through
//   scheduled → dispatched → started → finished (or canceled / error);
//   `errors` and `warnings` are samples beside `errors_total_count` and
//   `warnings_total_count`; `ids_of_invalid_requests` is filled only with
//   `load_ids_of_invalid_requests=true` (else an empty array); too frequent
//   polling answers 80009.
//   https://developers.facebook.com/docs/marketing-api/catalog-batch/guides/get-batch-request/
//   https://developers.facebook.com/docs/marketing-api/reference/check-batch-request-status/
//   https://developers.facebook.com/docs/marketing-api/reference/product-catalog/check_batch_request_status/
// - Unknown parameters answer error 100 (Invalid parameter), as both
//   endpoints' error tables list it.
//
// Time never moves a batch: each status answer does (one step per poll), so
// tests are deterministic. Faults (state.faults) force what Meta does rarely.
const crypto = require("node:crypto")
const { errors, metaError } = require("./meta-errors")
const { DEFAULT_BUSINESS_ID } = require("./business")

const MAX_REQUESTS = 5000
// items_batch: "The total size (in bytes) of the requests parameter should not exceed 30 MB"; the plugin stays under 28.
const MAX_BYTES = 30 * 1024 * 1024
const PRICE = /^\d+(\.\d{1,2})? [A-Z]{3}$/
const REQUIRED = ["title", "description", "availability", "condition", "price", "link", "image_link", "brand"]
// Enums from Meta's ProductItem reference (https://developers.facebook.com/docs/marketing-api/reference/product-item).
const AVAILABILITY = ["in stock", "out of stock", "preorder", "available for order", "discontinued"]
const CONDITION = ["new", "refurbished", "used"]
const VISIBILITY = ["published", "staging"]
// Fields items_batch takes for PRODUCT_ITEM (the feed names), from Meta's catalog batch field reference:
// https://developers.facebook.com/docs/marketing-api/catalog-batch/reference
const SUPPORTED_FIELDS = new Set([
  "id", "title", "description", "availability", "condition", "price", "sale_price", "sale_price_effective_date",
  "link", "mobile_link", "image_link", "additional_image_link", "brand", "gtin", "mpn", "item_group_id",
  "inventory", "quantity_to_sell_on_facebook", "size", "color", "gender", "age_group", "material", "pattern",
  "google_product_category", "fb_product_category", "product_type", "visibility", "shipping", "shipping_weight",
  "rich_text_description", "short_description", "additional_variant_attribute", "applink", "video", "status",
  "custom_label_0", "custom_label_1", "custom_label_2", "custom_label_3", "custom_label_4", "origin_country", "internal_label",
])
const ITEMS_BATCH_PARAMS = new Set(["item_type", "requests", "allow_upsert", "item_sub_type", "access_token"])
const STATUS_PARAMS = new Set(["handle", "load_ids_of_invalid_requests", "fields", "error_priority", "access_token"])
/** What a batch shows before Meta finishes it, one step per status answer. */
const LIFECYCLE = ["scheduled", "dispatched", "started"]

/** Problems Meta reports once it processes the item (check_batch_request_status `errors`). */
function validateItem(method, data) {
  const problems = []
  if (!data || typeof data.id !== "string" || !data.id) return ["id is required"]
  if ([...data.id].length > 100) problems.push("id must be at most 100 characters")
  if (method === "DELETE") return problems
  for (const field of REQUIRED) if (method === "CREATE" && !data[field]) problems.push(`${field} is required`)
  if (data.title && [...data.title].length > 200) problems.push("title must be at most 200 characters")
  if (data.description && [...data.description].length > 9999) problems.push("description must be at most 9999 characters")
  if (data.price && !PRICE.test(data.price)) problems.push(`price "${data.price}" is not "<amount> <ISO currency>"`)
  if (data.availability && !AVAILABILITY.includes(data.availability)) problems.push(`availability "${data.availability}" is not valid`)
  if (data.condition && !CONDITION.includes(data.condition)) problems.push(`condition "${data.condition}" is not valid`)
  if (data.visibility && !VISIBILITY.includes(data.visibility)) problems.push(`visibility "${data.visibility}" is not valid`)
  for (const field of ["link", "image_link"]) if (data[field] && !/^https?:\/\//.test(data[field])) problems.push(`${field} must be a URL`)
  return problems
}

/** Problems found at intake (items_batch `validation_status`): a field items_batch does not know. */
function intakeProblems(data) {
  if (!data || typeof data !== "object") return []
  return Object.keys(data).filter((key) => !SUPPORTED_FIELDS.has(key)).map((key) => `"${key}" is not a supported field for PRODUCT_ITEM`)
}

function createCatalogApi(state, options = {}) {
  const pollsBeforeFinished = options.pollsBeforeFinished ?? LIFECYCLE.length
  const now = options.now ?? Date.now
  const faults = () => state.faults

  function catalogOf(id) {
    if (!state.catalogs.has(id)) return null
    return state.catalogs.get(id)
  }

  function usageHeaders(catalog) {
    const pct = Math.min(100, Math.round((catalog.callsThisHour / catalog.quotaPerHour) * 100))
    return {
      "x-business-use-case-usage": JSON.stringify({
        [catalog.business_id]: [{ type: "catalog_batch", call_count: pct, total_cputime: Math.round(pct / 4), total_time: Math.round(pct / 4), estimated_time_to_regain_access: 0 }],
      }),
    }
  }

  const unknownParam = (keys, allowed) => keys.find((key) => !allowed.has(key))

  function itemsBatch(catalog, body, rawSize) {
    if (rawSize > MAX_BYTES) return errors.invalidParameter(`items_batch payload must be under 30 MB (got ${rawSize} bytes)`)
    const unknown = unknownParam(Object.keys(body ?? {}), ITEMS_BATCH_PARAMS)
    if (unknown) return errors.invalidParameter(`Param ${unknown} is not a valid parameter of items_batch`)
    if (body?.item_type !== "PRODUCT_ITEM") return errors.invalidParameter("item_type must be PRODUCT_ITEM")
    let requests = body.requests
    if (typeof requests === "string") {
      try {
        requests = JSON.parse(requests)
      } catch {
        return errors.invalidParameter("requests must be a JSON array")
      }
    }
    if (!Array.isArray(requests) || !requests.length) return errors.invalidParameter("requests must be a non-empty array")
    if (requests.length > MAX_REQUESTS) return errors.invalidParameter(`at most ${MAX_REQUESTS} requests per batch (got ${requests.length})`)
    if (faults().catalog429 > 0) {
      faults().catalog429--
      return { ...metaError(429, 80014, "There have been too many calls for the batch uploads to this catalog account. Wait a bit and try again.", { details: "catalog batch rate limit" }), headers: usageHeaders({ ...catalog, callsThisHour: catalog.quotaPerHour }) }
    }
    catalog.callsThisHour++
    catalog.batchCalls++

    // Intake: a request Meta cannot read refuses the whole call; nothing is ingested and `handles` is empty.
    const forced = faults().catalogIntakeErrors ?? {}
    const validation = requests
      .map((request) => {
        const id = request?.data?.id ?? null
        const messages = [...intakeProblems(request?.data), ...(id && forced[id] ? [forced[id]] : [])]
        return messages.length ? { retailer_id: id, errors: messages.map((message) => ({ message })), warnings: [] } : null
      })
      .filter(Boolean)
    if (validation.length) return { status: 200, body: { handles: [], validation_status: validation }, headers: usageHeaders(catalog) }

    const handle = crypto.randomBytes(12).toString("base64url")
    const end = (faults().catalogBatchEnds ?? []).shift() ?? "finished"
    catalog.batches.set(handle, { handle, requests, allowUpsert: String(body.allow_upsert ?? "true") !== "false", polls: 0, lastPollAt: null, end, result: null, history: [] })
    return { status: 200, body: { handles: [handle], validation_status: [] }, headers: usageHeaders(catalog) }
  }

  /** Applies a batch the way Meta ends it: finished applies every valid request, error only some, canceled none. */
  function process(catalog, batch) {
    const result = { errors: [], warnings: [] }
    const itemErrors = faults().catalogItemErrors ?? {}
    const itemWarnings = faults().catalogItemWarnings ?? {}
    const applyUpTo = batch.end === "finished" ? batch.requests.length : batch.end === "error" ? Math.floor(batch.requests.length / 2) : 0
    batch.requests.slice(0, applyUpTo).forEach((request, line) => {
      const method = String(request?.method ?? "").toUpperCase()
      const data = request?.data
      const fail = (message) => result.errors.push({ line, id: data?.id ?? null, message })
      if (!["CREATE", "UPDATE", "DELETE"].includes(method)) return fail(`method "${request?.method}" is not valid`)
      const problems = validateItem(method, data)
      if (data?.id && itemErrors[data.id]) problems.push(itemErrors[data.id])
      if (problems.length) return problems.forEach(fail)
      const exists = catalog.items.has(data.id)
      // Meta's pages do not say what CREATE of an existing id does; the sandbox takes the strict reading.
      if (method === "CREATE" && exists) return fail("An item with this retailer id already exists")
      if (method === "UPDATE" && !exists && !batch.allowUpsert) return fail("No item with this retailer id exists (allow_upsert is false)")
      if (method === "UPDATE" && !exists) {
        // Upserted: it must then carry everything a new item needs.
        const missing = REQUIRED.filter((field) => !data[field])
        if (missing.length) return missing.forEach((field) => fail(`You cannot create a product item without required field ${field}`))
      }
      if (method === "DELETE") catalog.items.delete(data.id)
      else {
        catalog.items.set(data.id, { ...(exists ? catalog.items.get(data.id) : {}), ...data, retailer_id: data.id })
        if (itemWarnings[data.id]) result.warnings.push({ line, id: data.id, message: itemWarnings[data.id] })
      }
      catalog.itemsReceived++
    })
    return result
  }

  function batchStatus(catalog, query) {
    const unknown = unknownParam([...query.keys()], STATUS_PARAMS)
    if (unknown) return errors.invalidParameter(`Param ${unknown} is not a valid parameter of check_batch_request_status`)
    const batch = catalog.batches.get(query.get("handle"))
    if (!batch) return errors.invalidParameter(`unknown handle ${query.get("handle")}`)
    catalog.polls++
    // "There have been too many calls to this Catalog account": forced, or polled faster than the configured interval.
    const at = now()
    const tooSoon = (catalog.minPollIntervalMs ?? 0) > 0 && batch.lastPollAt !== null && at - batch.lastPollAt < catalog.minPollIntervalMs
    batch.lastPollAt = at
    if (faults().catalog80009 > 0 || tooSoon) {
      if (!tooSoon) faults().catalog80009--
      return { ...metaError(400, 80009, "There have been too many calls to this Catalog account. Wait a bit and try again.", { subcode: 2446079, details: "catalog status rate limit" }), headers: usageHeaders(catalog) }
    }
    batch.polls++
    if (batch.polls <= pollsBeforeFinished) {
      const status = LIFECYCLE[Math.min(batch.polls - 1, LIFECYCLE.length - 1)]
      batch.history.push(status)
      return { status: 200, body: { data: [{ handle: batch.handle, status, errors_total_count: 0, errors: [], warnings_total_count: 0, warnings: [], ids_of_invalid_requests: [] }] }, headers: usageHeaders(catalog) }
    }
    if (!batch.result) batch.result = process(catalog, batch)
    batch.history.push(batch.end)
    const sample = Math.max(1, faults().catalogErrorSample ?? 1)
    const invalidIds = [...new Set(batch.result.errors.map((e) => e.id).filter(Boolean))]
    return {
      status: 200,
      body: {
        data: [
          {
            handle: batch.handle,
            status: batch.end,
            errors_total_count: batch.result.errors.length,
            errors: batch.result.errors.slice(0, sample),
            warnings_total_count: batch.result.warnings.length,
            warnings: batch.result.warnings.slice(0, sample),
            ids_of_invalid_requests: query.get("load_ids_of_invalid_requests") === "true" ? invalidIds : [],
          },
        ],
      },
      headers: usageHeaders(catalog),
    }
  }

  function listProducts(catalog, query) {
    const limit = Math.min(Number(query.get("limit") ?? 25), 1000)
    const after = Number(query.get("after") ?? 0)
    const all = [...catalog.items.values()]
    const page = all.slice(after, after + limit).map((item) => ({
      id: `fb_${item.retailer_id}`,
      retailer_id: item.retailer_id,
      name: item.title,
      price: item.price,
      availability: item.availability,
      image_url: item.image_link,
      url: item.link,
      brand: item.brand,
      visibility: item.visibility ?? "published",
      retailer_product_group_id: item.item_group_id,
    }))
    const next = after + limit < all.length ? String(after + limit) : null
    return { status: 200, body: { data: page, paging: { cursors: { before: String(after), after: next ?? String(after + page.length) }, ...(next ? { next: `?after=${next}` } : {}) } } }
  }

  /** Returns a response, or null when the path is not a catalog path. */
  function handle(req, objectId, edge, query, body, rawSize) {
    const catalog = catalogOf(objectId)
    if (!catalog) return null
    if (!edge && req.method === "GET") return { status: 200, body: { id: catalog.id, name: catalog.name, vertical: catalog.vertical, product_count: catalog.items.size } }
    if (edge === "items_batch" && req.method === "POST") return itemsBatch(catalog, body, rawSize)
    if (edge === "check_batch_request_status" && req.method === "GET") return batchStatus(catalog, query)
    if (edge === "products" && req.method === "GET") return listProducts(catalog, query)
    return errors.invalidParameter(`Unsupported ${req.method} on catalog edge ${edge}`)
  }

  function addCatalog({ id, name = "Sandbox catalog", business_id = DEFAULT_BUSINESS_ID, vertical = "commerce", token, items = [], minPollIntervalMs = options.minPollIntervalMs ?? 0 }) {
    const catalog = { id, name, business_id, vertical, token, items: new Map(), batches: new Map(), callsThisHour: 0, quotaPerHour: 200, batchCalls: 0, polls: 0, itemsReceived: 0, minPollIntervalMs }
    for (const item of items) catalog.items.set(item.retailer_id ?? item.id, { ...item, retailer_id: item.retailer_id ?? item.id })
    state.catalogs.set(id, catalog)
    return catalog
  }

  return { handle, addCatalog }
}

module.exports = { createCatalogApi, validateItem, SUPPORTED_FIELDS }
