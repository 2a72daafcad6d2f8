// A local stand-in for Meta's Graph API (WhatsApp Cloud API): strict like
// Meta, with switchable faults and a small inspection API under /__sandbox.
const fs = require("node:fs")
const http = require("node:http")
const path = require("node:path")
const { errors } = require("./meta-errors")
const { validateOutbound, placeholderCount } = require("./validate-message")
const { inboundMessage, statusUpdate, deliver, newWamid } = require("./webhooks")
const { createCatalogApi } = require("./catalog")
const { actionProblem, applyAction, customerEntries } = require("./customer-actions")

/** The Meta app the sandbox plays: the one that subscribes to WABAs. */
const SANDBOX_APP = { id: "670843887433847", name: "WhatsApp Commerce Sandbox" }
const WINDOW_MS = 24 * 60 * 60 * 1000
const SIMULATOR_DIR = path.join(__dirname, "simulator")
const SIMULATOR_FILES = { "": ["index.html", "text/html; charset=utf-8"], "app.js": ["app.js", "text/javascript; charset=utf-8"], "render.js": ["render.js", "text/javascript; charset=utf-8"], "style.css": ["style.css", "text/css; charset=utf-8"] }

/** The phone simulator's few static files (no build step); anything else is a 404. */
function serveSimulator(rest) {
  const file = SIMULATOR_FILES[rest.join("/")]
  if (!file) return { status: 404, raw: "not found", headers: { "content-type": "text/plain" } }
  return { status: 200, raw: fs.readFileSync(path.join(SIMULATOR_DIR, file[0])), headers: { "content-type": file[1], "cache-control": "no-store" } }
}

function defaultState() {
  return {
    accounts: new Map(),
    templates: new Map(), // waba_id → [{ name, language, status, category, components }]
    messages: [], // every accepted outbound message
    inbound: new Map(), // wamid → inbound message (for mark-as-read)
    windows: new Map(), // `${phone}:${wa_id}` → last inbound (ms)
    sends: new Map(), // phone → recent accept times (throughput)
    webhookDeliveries: [],
    catalogs: new Map(), // catalog_id → items, batches, counters (catalog.js)
    faults: { rate5xx: 0, rate429: 0, latencyMs: 0, catalog429: 0 },
  }
}

function createSandbox(options = {}) {
  const config = {
    webhookUrl: options.webhookUrl ?? null,
    appSecret: options.appSecret ?? "sandbox-app-secret",
    sendStatuses: options.sendStatuses ?? true,
    statusDelayMs: options.statusDelayMs ?? 50,
    throughputPerSecond: options.throughputPerSecond ?? 80,
    random: options.random ?? Math.random,
    // The clock (ms) that throughput windows, customer-service windows and records use;
    // tests pass a frozen one so a rate limit never depends on how fast the machine is.
    now: options.now ?? Date.now,
  }
  let state = defaultState()
  const pending = new Set()
  let catalogApi = createCatalogApi(state, { pollsBeforeFinished: options.pollsBeforeFinished })

  function addAccount(account) {
    const full = {
      display_phone_number: "+1 555 010 0000",
      verified_name: "Sandbox Store",
      quality_rating: "GREEN",
      name_status: "APPROVED",
      messaging_limit_tier: "TIER_1K",
      catalog_id: null,
      commerce: { is_cart_enabled: false, is_catalog_visible: false },
      subscribed: false,
      ...account,
    }
    state.accounts.set(full.phone_number_id, full)
    if (full.catalog_id && !state.catalogs.has(full.catalog_id)) {
      catalogApi.addCatalog({ id: full.catalog_id, token: full.access_token })
    }
    return full
  }
  for (const account of options.accounts ?? []) addAccount(account)
  for (const template of options.templates ?? []) addTemplate(template)

  function addTemplate(t) {
    const list = state.templates.get(t.waba_id) ?? []
    const template = { id: String(100000 + list.length + state.templates.size * 1000), status: "APPROVED", category: "MARKETING", components: [], ...t }
    state.templates.set(t.waba_id, [...list.filter((x) => !(x.name === t.name && x.language === t.language)), template])
    return template
  }

  function tokenOf(req) {
    const header = req.headers.authorization ?? ""
    return header.startsWith("Bearer ") ? header.slice(7) : null
  }
  const byWaba = (wabaId) => [...state.accounts.values()].filter((a) => a.waba_id === wabaId)

  function later(fn, ms) {
    const timer = setTimeout(() => {
      pending.delete(timer)
      fn().catch(() => {})
    }, ms)
    pending.add(timer)
  }

  async function sendWebhook(payload) {
    if (!config.webhookUrl) return null
    const status = await deliver(config.webhookUrl, config.appSecret, payload).catch(() => 0)
    state.webhookDeliveries.push({ at: config.now(), status })
    return status
  }

  function scheduleStatuses(account, record) {
    if (!config.sendStatuses) return
    const steps = record.failure ? [["failed", record.failure]] : [["sent"], ["delivered"], ["read"]]
    steps.forEach(([status, error], i) => {
      later(() => {
        record.status = status
        return sendWebhook(statusUpdate(account, { wamid: record.wamid, status, recipient: record.to, error }))
      }, config.statusDelayMs * (i + 1))
    })
  }

  /**
   * Meta's throughput limit: "For each registered business phone number, Cloud API
   * supports up to 80 messages per second (mps) by default … If you attempt to send
   * more messages than your current throughput level allows, the API will return
   * error code 130429 until you are within your allowed level again."
   * (https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput)
   * Modelled as a sliding one-second window of accepted sends per number, counted at
   * the request's arrival on `config.now()`. Meta also counts inbound messages; the
   * sandbox counts only the business's sends, which is what the plugin paces.
   */
  function throughputExceeded(phone, now) {
    const recent = (state.sends.get(phone) ?? []).filter((t) => now - t < 1000)
    state.sends.set(phone, recent)
    return recent.length >= config.throughputPerSecond
  }

  function checkTemplate(account, template) {
    const found = (state.templates.get(account.waba_id) ?? []).find((t) => t.name === template.name && t.language === template.language.code)
    if (!found) return errors.templateMissing(template.name, template.language.code)
    if (found.status === "PAUSED") return errors.templatePaused(found.name)
    if (found.status !== "APPROVED") return errors.templateNotApproved(found.name, found.status)
    const given = template.components ?? []
    for (const component of found.components ?? []) {
      const type = String(component.type).toLowerCase()
      if (type === "buttons") {
        // A URL button with a variable takes one text parameter, addressed by the button's index.
        for (const [index, button] of (component.buttons ?? []).entries()) {
          if (String(button.type).toUpperCase() !== "URL" || !placeholderCount(button.url)) continue
          const param = given.find((c) => c.type === "button" && c.sub_type === "url" && String(c.index) === String(index))
          const parameters = param?.parameters ?? []
          if (parameters.length !== 1 || parameters[0].type !== "text" || !String(parameters[0].text ?? "").length) {
            return errors.templateParams(`BUTTONS: URL button ${index} expects 1 text parameter, got ${parameters.length}`)
          }
        }
        continue
      }
      const expected = placeholderCount(component.text)
      if (!expected) continue
      const parameters = given.find((c) => c.type === type)?.parameters ?? []
      if (parameters.length !== expected) return errors.templateParams(`${component.type}: expected ${expected}, got ${parameters.length}`)
      const bad = parameters.map(parameterProblem).find(Boolean)
      if (bad) return errors.invalidParameter(`${component.type}: ${bad}`)
    }
    return null
  }

  /** Meta's shape for body and header parameters; a malformed one is rejected with code 100. */
  function parameterProblem(p) {
    if (p?.type === "text") return typeof p.text === "string" && p.text.trim() ? null : "text parameter is empty"
    if (p?.type === "currency") {
      const c = p.currency ?? {}
      if (!/^[A-Z]{3}$/.test(String(c.code ?? ""))) return "currency.code must be an ISO 4217 code"
      if (!Number.isInteger(c.amount_1000)) return "currency.amount_1000 must be an integer"
      return typeof c.fallback_value === "string" && c.fallback_value ? null : "currency.fallback_value is required"
    }
    if (p?.type === "date_time") return p.date_time?.fallback_value ? null : "date_time.fallback_value is required"
    return `unsupported parameter type ${p?.type}`
  }

  /** Meta stopped delivering marketing templates to US numbers; it fails them by webhook with 131049. */
  function marketingBlocked(account, template, to) {
    const found = (state.templates.get(account.waba_id) ?? []).find((t) => t.name === template.name && t.language === template.language.code)
    return found?.category === "MARKETING" && to.startsWith("1")
  }

  async function postMessages(account, body, arrivedAt) {
    if (body?.status === "read") {
      const received = state.inbound.get(body.message_id)
      if (!received) return errors.invalidParameter(`message_id ${body.message_id} is not a received message`)
      // The customer's phone shows blue ticks once the business has read it.
      received.status = "read"
      return { status: 200, body: { success: true } }
    }
    const problems = validateOutbound(body)
    if (problems.length) return errors.invalidParameter(problems.join("; "))
    if (body.type === "template") {
      const problem = checkTemplate(account, body.template)
      if (problem) return problem
    }
    const now = arrivedAt
    // Faults and throttling answer before anything is recorded: nothing was sent.
    if (config.random() < state.faults.rate5xx) return errors.serverError()
    if (config.random() < state.faults.rate429 || throughputExceeded(account.phone_number_id, now)) return errors.throughput()

    const to = String(body.to).replace(/\D/g, "")
    const last = state.windows.get(`${account.phone_number_id}:${to}`)
    const freeForm = body.type !== "template"
    const record = {
      wamid: newWamid(),
      phone_number_id: account.phone_number_id,
      to,
      type: body.type ?? "text",
      body,
      at: now,
      // Like Meta: accepted now, failed later by webhook when outside the window.
      failure: freeForm && !(last && now - last < WINDOW_MS)
        ? { code: 131047, title: "Re-engagement message", message: "Re-engagement message", error_data: { details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number." } }
        : !freeForm && marketingBlocked(account, body.template, to)
          ? { code: 131049, title: "This message was not delivered to maintain healthy ecosystem engagement.", message: "This message was not delivered to maintain healthy ecosystem engagement.", error_data: { details: "Marketing template messages to US phone numbers are not delivered." } }
          : null,
    }
    state.sends.get(account.phone_number_id).push(now)
    state.messages.push(record)
    scheduleStatuses(account, record)
    return { status: 200, body: { messaging_product: "whatsapp", contacts: [{ input: body.to, wa_id: to }], messages: [{ id: record.wamid }] } }
  }

  /** One customer's chat with one business number, as their phone shows it: both directions, oldest first, with ticks. */
  function conversationOf(phone, phoneNumberId) {
    const waId = String(phone ?? "").replace(/\D/g, "")
    const account = state.accounts.get(phoneNumberId) ?? [...state.accounts.values()][0]
    if (!waId || !account) return []
    const sent = customerEntries([...state.inbound.values()].filter((m) => m.from === waId && m.phone_number_id === account.phone_number_id))
    const received = state.messages
      .filter((m) => m.to === waId && m.phone_number_id === account.phone_number_id)
      .map((m) => ({ direction: "business", wamid: m.wamid, at: m.at, status: m.failure ? "failed" : m.status ?? "sent", error: m.failure, message: m.body, reaction: m.reaction ?? null }))
    return [...sent, ...received].sort((a, b) => a.at - b.at)
  }

  async function graph(req, res, parts, query, body, arrivedAt, rawSize) {
    const [, objectId, edge] = parts
    const token = tokenOf(req)
    if (state.catalogs.has(objectId)) {
      const allowed = [...state.accounts.values()].filter((a) => a.catalog_id === objectId).map((a) => a.access_token)
      if (!token || !allowed.includes(token)) return errors.badToken()
      return catalogApi.handle(req, objectId, edge, query, body, rawSize)
    }
    const account = state.accounts.get(objectId)
    const wabaAccounts = byWaba(objectId)
    const owner = account ?? wabaAccounts[0]
    if (!owner) return errors.unknownObject(objectId)
    const tokens = account ? [account.access_token] : wabaAccounts.map((a) => a.access_token)
    if (!token || !tokens.includes(token)) return errors.badToken()

    if (account && edge === "messages" && req.method === "POST") return postMessages(account, body, arrivedAt)
    if (account && !edge && req.method === "GET") {
      const { access_token, commerce, subscribed, catalog_id, waba_id, phone_number_id, ...info } = account
      return { status: 200, body: { id: phone_number_id, ...info, code_verification_status: "VERIFIED", throughput: { level: "STANDARD" } } }
    }
    if (account && edge === "whatsapp_commerce_settings") {
      if (req.method === "POST") {
        for (const key of ["is_cart_enabled", "is_catalog_visible"]) {
          const value = query.get(key) ?? body?.[key]
          if (value !== undefined && value !== null) account.commerce[key] = String(value) === "true"
        }
        return { status: 200, body: { success: true } }
      }
      return { status: 200, body: { data: [{ ...account.commerce, id: `${account.phone_number_id}_commerce` }] } }
    }
    if (!account && edge === "subscribed_apps") {
      // Meta, "Manage webhooks" (Solution Providers):
      // https://developers.facebook.com/documentation/business-messaging/whatsapp/solution-providers/manage-webhooks
      // POST and DELETE /{WABA_ID}/subscribed_apps answer { "success": true };
      // GET lists the apps subscribed to the WABA, none until one subscribed:
      // { "data": [ { "whatsapp_business_api_data": { "id", "link", "name" } } ] }
      // (reference: https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account/subscribed_apps/).
      if (req.method === "POST") wabaAccounts.forEach((a) => (a.subscribed = true))
      if (req.method === "DELETE") wabaAccounts.forEach((a) => (a.subscribed = false))
      if (req.method !== "GET") return { status: 200, body: { success: true } }
      const subscribed = wabaAccounts.some((a) => a.subscribed)
      const app = { id: SANDBOX_APP.id, link: `https://www.facebook.com/games/?app_id=${SANDBOX_APP.id}`, name: SANDBOX_APP.name }
      return { status: 200, body: { data: subscribed ? [{ whatsapp_business_api_data: app }] : [] } }
    }
    if (!account && edge === "message_templates" && req.method === "GET") {
      const list = state.templates.get(objectId) ?? []
      return { status: 200, body: { data: list.map(({ waba_id, ...t }) => t), paging: { cursors: { before: "", after: "" } } } }
    }
    return errors.invalidParameter(`Unsupported ${req.method} on ${parts.join("/")}`)
  }

  async function inspect(req, parts, query, body) {
    const action = parts[1]
    if (action === "state") {
      return { status: 200, body: { accounts: [...state.accounts.values()], messages: state.messages.length, faults: state.faults, config: { ...config, random: undefined } } }
    }
    if (action === "messages") {
      const to = query.get("to")
      return { status: 200, body: { messages: state.messages.filter((m) => !to || m.to === to) } }
    }
    if (action === "conversation" && req.method === "GET") {
      return { status: 200, body: { messages: conversationOf(query.get("phone"), query.get("phone_number_id")) } }
    }
    if (action === "business" && req.method === "GET") {
      const accounts = [...state.accounts.values()].map(({ access_token, ...a }) => a)
      return { status: 200, body: { accounts, templates: [...state.templates.values()].flat() } }
    }
    if (action === "faults" && req.method === "POST") {
      state.faults = { ...state.faults, ...body }
      return { status: 200, body: { faults: state.faults } }
    }
    if (action === "config" && req.method === "POST") {
      Object.assign(config, body)
      return { status: 200, body: { ok: true } }
    }
    if (action === "accounts" && req.method === "POST") return { status: 200, body: addAccount(body) }
    if (action === "templates" && req.method === "POST") return { status: 200, body: addTemplate(body) }
    if (action === "catalog" && req.method === "GET") {
      const catalog = state.catalogs.get(query.get("id"))
      if (!catalog) return { status: 404, body: { error: "no such catalog" } }
      return { status: 200, body: { id: catalog.id, items: [...catalog.items.values()], batch_calls: catalog.batchCalls, polls: catalog.polls, items_received: catalog.itemsReceived } }
    }
    if (action === "catalog" && req.method === "POST") return { status: 200, body: { id: catalogApi.addCatalog(body).id } }
    if (action === "reset" && req.method === "POST") {
      const accounts = [...state.accounts.values()]
      const templates = [...state.templates.values()].flat()
      state = defaultState()
      catalogApi = createCatalogApi(state, { pollsBeforeFinished: options.pollsBeforeFinished })
      accounts.forEach((a) => addAccount({ ...a, subscribed: false }))
      templates.forEach(addTemplate)
      return { status: 200, body: { ok: true } }
    }
    if (action === "inbound" && req.method === "POST") {
      const account = state.accounts.get(body.phone_number_id) ?? [...state.accounts.values()][0]
      if (!account) return { status: 400, body: { error: "no account" } }
      const from = String(body.from).replace(/\D/g, "")
      const problem = actionProblem(state, account, from, body, config.now())
      if (problem) return { status: 400, body: { error: problem } }
      const { wamid, payload } = inboundMessage(account, { ...body, from })
      applyAction(state, body)
      state.windows.set(`${account.phone_number_id}:${from}`, config.now())
      const received = { wamid, from, phone_number_id: account.phone_number_id, payload, at: config.now(), status: "sent" }
      state.inbound.set(wamid, received)
      const delivered = await sendWebhook(payload)
      // Meta held it (one tick) until the business's webhook answered 200 (two ticks).
      if (delivered === 200 && received.status === "sent") received.status = "delivered"
      return { status: 200, body: { wamid, webhook_status: delivered, payload } }
    }
    return { status: 404, body: { error: `unknown sandbox action ${action}` } }
  }

  const server = http.createServer(async (req, res) => {
    // When the request arrived, before this process spends time on it: what Meta's rate limit counts.
    const arrivedAt = config.now()
    const url = new URL(req.url, "http://sandbox")
    const parts = url.pathname.split("/").filter(Boolean)
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const text = Buffer.concat(chunks).toString("utf8")
    let body = null
    if (text) {
      try {
        body = JSON.parse(text)
      } catch {
        body = Object.fromEntries(new URLSearchParams(text))
      }
    }
    let result
    try {
      if (parts[0] === "__sandbox") {
        result = await inspect(req, parts, url.searchParams, body)
      } else if (/^v\d+\.\d+$/.test(parts[0] ?? "") && parts[1]) {
        if (state.faults.latencyMs) await new Promise((r) => setTimeout(r, state.faults.latencyMs))
        result = await graph(req, res, parts, url.searchParams, body, arrivedAt, chunks.reduce((n, c) => n + c.length, 0))
      } else if (parts[0] === "favicon.ico") {
        result = { status: 204, raw: "" }
      } else if (!parts.length || parts[0] === "simulator") {
        result = serveSimulator(parts.slice(1))
      } else if (parts[0] === "health") {
        result = { status: 200, body: { ok: true } }
      } else {
        result = errors.invalidParameter(`Unknown path ${url.pathname}`)
      }
    } catch (error) {
      result = { status: 500, body: { error: { message: String(error?.message ?? error) } } }
    }
    if (result.raw !== undefined) {
      res.writeHead(result.status, result.headers ?? {})
      res.end(result.raw)
      return
    }
    res.writeHead(result.status, { "content-type": "application/json", ...(result.headers ?? {}) })
    res.end(JSON.stringify(result.body))
  })

  return {
    server,
    config,
    get state() {
      return state
    },
    addAccount,
    addTemplate,
    addCatalog: (catalog) => catalogApi.addCatalog(catalog),
    listen(port = 0, host = "127.0.0.1") {
      return new Promise((resolve) => server.listen(port, host, () => resolve(`http://${host}:${server.address().port}`)))
    },
    async close() {
      for (const timer of pending) clearTimeout(timer)
      pending.clear()
      server.closeAllConnections?.()
      await new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

module.exports = { createSandbox }
