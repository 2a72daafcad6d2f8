// Meta's Catalog API, as strict as the plugin needs it to be: items_batch
// validates every item, answers with a handle, and reports per-item errors
// through check_batch_request_status; products are listed with paging.
const crypto = require("node:crypto")
const { errors, metaError } = require("./meta-errors")

const MAX_REQUESTS = 5000
const MAX_BYTES = 28 * 1024 * 1024
const PRICE = /^\d+(\.\d{1,2})? [A-Z]{3}$/
const REQUIRED = ["title", "description", "availability", "condition", "price", "link", "image_link", "brand"]

function validateItem(method, data) {
  const problems = []
  if (!data || typeof data.id !== "string" || !data.id) return ["id is required"]
  if ([...data.id].length > 100) problems.push("id must be at most 100 characters")
  if (method === "DELETE") return problems
  for (const field of REQUIRED) if (!data[field]) problems.push(`${field} is required`)
  if (data.title && [...data.title].length > 200) problems.push("title must be at most 200 characters")
  if (data.description && [...data.description].length > 9999) problems.push("description must be at most 9999 characters")
  if (data.price && !PRICE.test(data.price)) problems.push(`price "${data.price}" is not "<amount> <ISO currency>"`)
  if (data.availability && !["in stock", "out of stock", "preorder", "available for order", "discontinued"].includes(data.availability))
    problems.push(`availability "${data.availability}" is not valid`)
  if (data.condition && !["new", "refurbished", "used"].includes(data.condition)) problems.push(`condition "${data.condition}" is not valid`)
  for (const field of ["link", "image_link"]) if (data[field] && !/^https?:\/\//.test(data[field])) problems.push(`${field} must be a URL`)
  return problems
}

function createCatalogApi(state, options = {}) {
  const pollsBeforeFinished = options.pollsBeforeFinished ?? 1

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

  function itemsBatch(catalog, body, rawSize) {
    if (rawSize > MAX_BYTES) return errors.invalidParameter(`items_batch payload must be under 28 MB (got ${rawSize} bytes)`)
    if (body?.item_type !== "PRODUCT_ITEM") return errors.invalidParameter("item_type must be PRODUCT_ITEM")
    const requests = typeof body.requests === "string" ? JSON.parse(body.requests) : body.requests
    if (!Array.isArray(requests) || !requests.length) return errors.invalidParameter("requests must be a non-empty array")
    if (requests.length > MAX_REQUESTS) return errors.invalidParameter(`at most ${MAX_REQUESTS} requests per batch (got ${requests.length})`)
    if (state.faults.catalog429 && state.faults.catalog429 > 0) {
      state.faults.catalog429--
      return { ...metaError(429, 80014, "There have been too many calls for this catalog. Wait a bit and try again.", { details: "catalog batch rate limit" }), headers: usageHeaders({ ...catalog, callsThisHour: catalog.quotaPerHour }) }
    }
    catalog.callsThisHour++
    catalog.batchCalls++
    const handle = crypto.randomBytes(12).toString("base64url")
    const result = { handle, polls: 0, errors: [], warnings: [], applied: 0 }
    requests.forEach((request, line) => {
      const method = String(request?.method ?? "").toUpperCase()
      const data = request?.data
      if (!["CREATE", "UPDATE", "DELETE"].includes(method)) {
        result.errors.push({ line, id: data?.id ?? null, message: `method "${request?.method}" is not valid` })
        return
      }
      const problems = validateItem(method, data)
      if (problems.length) {
        problems.forEach((message) => result.errors.push({ line, id: data?.id ?? null, message }))
        return
      }
      const exists = catalog.items.has(data.id)
      if (method === "CREATE" && exists) {
        result.errors.push({ line, id: data.id, message: "An item with this retailer id already exists" })
        return
      }
      if (method === "UPDATE" && !exists) {
        result.errors.push({ line, id: data.id, message: "No item with this retailer id exists" })
        return
      }
      if (method === "DELETE") catalog.items.delete(data.id)
      else {
        catalog.items.set(data.id, { ...(exists ? catalog.items.get(data.id) : {}), ...data, retailer_id: data.id })
        if (!data.brand) result.warnings.push({ line, id: data.id, message: "brand is recommended" })
      }
      result.applied++
      catalog.itemsReceived++
    })
    catalog.batches.set(handle, result)
    return { status: 200, body: { handles: [handle], validation_status: [] }, headers: usageHeaders(catalog) }
  }

  function batchStatus(catalog, handle) {
    const batch = catalog.batches.get(handle)
    if (!batch) return errors.invalidParameter(`unknown handle ${handle}`)
    batch.polls++
    catalog.polls++
    const finished = batch.polls > pollsBeforeFinished
    return {
      status: 200,
      body: {
        data: [
          finished
            ? { handle, status: "finished", errors_total_count: batch.errors.length, errors: batch.errors, warnings: batch.warnings }
            : { handle, status: "started", errors_total_count: 0, errors: [], warnings: [] },
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
    if (!edge && req.method === "GET") return { status: 200, body: { id: catalog.id, name: catalog.name, product_count: catalog.items.size } }
    if (edge === "items_batch" && req.method === "POST") return itemsBatch(catalog, body, rawSize)
    if (edge === "check_batch_request_status" && req.method === "GET") return batchStatus(catalog, query.get("handle"))
    if (edge === "products" && req.method === "GET") return listProducts(catalog, query)
    return errors.invalidParameter(`Unsupported ${req.method} on catalog edge ${edge}`)
  }

  function addCatalog({ id, name = "Sandbox catalog", business_id = "sandbox-business", token, items = [] }) {
    const catalog = { id, name, business_id, token, items: new Map(), batches: new Map(), callsThisHour: 0, quotaPerHour: 200, batchCalls: 0, polls: 0, itemsReceived: 0 }
    for (const item of items) catalog.items.set(item.retailer_id ?? item.id, { ...item, retailer_id: item.retailer_id ?? item.id })
    state.catalogs.set(id, catalog)
    return catalog
  }

  return { handle, addCatalog }
}

module.exports = { createCatalogApi, validateItem }
