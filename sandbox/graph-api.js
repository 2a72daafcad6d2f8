// A local stand-in for Meta's Graph API (WhatsApp Cloud API): strict like
// Meta, with switchable faults and a small inspection API under /__sandbox.
const fs = require("node:fs")
const http = require("node:http")
const path = require("node:path")
const { errors, metaError } = require("./meta-errors")
const { validateOutbound, placeholderCount } = require("./validate-message")
const { inboundMessage, numberChangeMessages, statusUpdate, pricingOf, deliver, newWamid } = require("./webhooks")
const { createCustomers } = require("./customers")
const accountWebhooks = require("./account-webhooks")
const { createCatalogApi } = require("./catalog")
const { createBusinessApi } = require("./business")
const { createTemplateApi } = require("./message-templates")
const { createMediaApi } = require("./media")
const { actionProblem, applyAction, customerEntries } = require("./customer-actions")
const { createSignup, defaultSignupState, signupErrors } = require("./embedded-signup")
const { sdkScript, popupPage } = require("./embedded-signup-pages")

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
    marketingStopped: new Set(), // `${phone_number_id}:${wa_id}` of customers who stopped marketing messages
    catalogs: new Map(), // catalog_id → items, batches, counters (catalog.js)
    media: new Map(), // media id → file customers sent or the business uploaded (media.js)
    // Catalog faults (catalog.js): catalog429 / catalog80009 count down the next throttled answers;
    // catalogBatchEnds queues how the next batches end ("canceled", "error"); catalogErrorSample is
    // how many errors a status shows; catalogItemErrors / catalogItemWarnings / catalogIntakeErrors
    // map retailer ids to the message Meta gives them while processing / at intake.
    // expireMediaUrls / mediaDownload5xx: how many media URLs to hand out already expired, downloads to fail with 500.
    // phoneRead5xx: how many phone number reads (GET /{phone-number-id}) to fail with 500.
    faults: { rate5xx: 0, rate429: 0, latencyMs: 0, catalog429: 0, catalog80009: 0, catalogBatchEnds: [], catalogErrorSample: 1, catalogItemErrors: {}, catalogItemWarnings: {}, catalogIntakeErrors: {}, expireMediaUrls: 0, mediaDownload5xx: 0, phoneRead5xx: 0 },
    customers: createCustomers(), // phones, BSUIDs and usernames (customers.js)
    signup: defaultSignupState(), // Embedded Signup: businesses, codes, tokens and their scopes (embedded-signup.js)
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
    // How long Meta's review of a created template takes; null: until /__sandbox/templates/review decides (message-templates.js).
    templateReviewMs: options.templateReviewMs ?? null,
  }
  let state = defaultState()
  const pending = new Set()
  // Batches move one step per status answer (not by time); minPollIntervalMs > 0 answers 80009 to faster polling, on config.now.
  const catalogOptions = { pollsBeforeFinished: options.pollsBeforeFinished, minPollIntervalMs: options.catalogMinPollIntervalMs, now: () => config.now() }
  let catalogApi = createCatalogApi(state, catalogOptions)
  const mediaApi = createMediaApi(() => state, config)
  // The business portfolio: its catalogs, the WABA's catalog connection, verification and review statuses (business.js).
  const businessApi = createBusinessApi(() => state)
  let createdTemplates = 0
  const templateApi = createTemplateApi({
    state: () => state,
    config,
    nextId: () => String(900000000000000 + ++createdTemplates),
    notify: async (wabaId, template, event) => {
      const account = byWaba(wabaId)[0]
      return account ? sendWebhook(accountWebhooks.templateStatusUpdate(account, template, event)) : null
    },
  })
  const tokenOfNumber = (phoneNumberId) => state.accounts.get(phoneNumberId)?.access_token ?? null
  const signupApi = () => createSignup({ state, config, app: SANDBOX_APP, addAccount })

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
      // Registration (embedded-signup.js): numbers given by tests are verified and registered with no PIN.
      code_verification_status: "VERIFIED",
      registered: true,
      status: "CONNECTED",
      pin: null,
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
        return sendWebhook(statusUpdate(account, { wamid: record.wamid, status, recipient: record.to, customer: record.customer, viaBsuid: record.viaBsuid, error, pricing: record.pricing }))
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
    if (found.status === "DISABLED") return errors.templateDisabled(found.name)
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

  const templateOf = (account, template) =>
    (state.templates.get(account.waba_id) ?? []).find((t) => t.name === template.name && t.language === template.language.code)

  /** Meta stopped delivering marketing templates to US numbers; it fails them by webhook with 131049. */
  function marketingBlocked(account, template, to) {
    return templateOf(account, template)?.category === "MARKETING" && to.startsWith("1")
  }

  /** A marketing template to a customer who stopped marketing messages fails by webhook with 131050. */
  function marketingStopped(account, template, to) {
    return templateOf(account, template)?.category === "MARKETING" && state.marketingStopped.has(`${account.phone_number_id}:${to}`)
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
    // Meta answers with one code: an unknown parameter first, then a missing one, then an invalid value.
    if (problems.length) return errors.forProblems(problems)
    const mediaProblem = mediaApi.sendProblem(account, body.type, body[body.type])
    if (mediaProblem) return mediaProblem
    if (body.type === "template") {
      const problem = checkTemplate(account, body.template)
      if (problem) return problem
    }
    const now = arrivedAt
    // Faults and throttling answer before anything is recorded: nothing was sent.
    if (config.random() < state.faults.rate5xx) return errors.serverError()
    if (config.random() < state.faults.rate429 || throughputExceeded(account.phone_number_id, now)) return errors.throughput()

    const addressed = state.customers.resolveRecipient(account, body)
    if (!addressed) return errors.invalidParameter(`recipient ${body.recipient} is not a business-scoped user ID of this business's customers`)
    if (addressed.viaBsuid && body.type === "template" && templateOf(account, body.template)?.category === "AUTHENTICATION") {
      // Meta's BSUID page: one-tap, zero-tap and copy-code authentication templates still need a phone.
      return metaError(400, 131062, "(#131062) Business-scoped User ID recipients are not supported for this message.")
    }
    const to = addressed.phone
    // Meta gives every user a BSUID: a number the business writes to first gets one too.
    addressed.customer ??= state.customers.register(account, { phone: to })
    const last = state.windows.get(`${account.phone_number_id}:${to}`)
    const freeForm = body.type !== "template"
    const record = {
      wamid: newWamid(),
      phone_number_id: account.phone_number_id,
      to,
      customer: addressed.customer,
      viaBsuid: addressed.viaBsuid,
      type: body.type ?? "text",
      body,
      at: now,
      // Like Meta: accepted now, failed later by webhook when outside the window.
      failure: freeForm && !(last && now - last < WINDOW_MS)
        ? { code: 131047, title: "Re-engagement message", message: "Re-engagement message", error_data: { details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number." } }
        : !freeForm && marketingStopped(account, body.template, to)
          ? errors.marketingStopped()
          : !freeForm && marketingBlocked(account, body.template, to)
            ? { code: 131049, title: "This message was not delivered to maintain healthy ecosystem engagement.", message: "This message was not delivered to maintain healthy ecosystem engagement.", error_data: { details: "Marketing template messages to US phone numbers are not delivered." } }
            : null,
      pricing: pricingOf({ template: freeForm ? null : templateOf(account, body.template), windowOpen: !!(last && now - last < WINDOW_MS) }),
    }
    state.sends.get(account.phone_number_id).push(now)
    state.messages.push(record)
    scheduleStatuses(account, record)
    const contact = addressed.viaBsuid ? { input: body.recipient, user_id: addressed.customer.user_id } : { input: body.to, wa_id: to }
    return { status: 200, body: { messaging_product: "whatsapp", contacts: [contact], messages: [{ id: record.wamid }] } }
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

  /**
   * GET /{phone-number-id}: the fields Meta documents for a business phone number
   * (https://developers.facebook.com/documentation/business-messaging/whatsapp/reference/whatsapp-business-phone-number/whatsapp-business-account-phone-number-api).
   */
  function phoneNumberNode(account) {
    return {
      id: account.phone_number_id,
      display_phone_number: account.display_phone_number,
      verified_name: account.verified_name,
      quality_rating: account.quality_rating,
      name_status: account.name_status,
      messaging_limit_tier: account.messaging_limit_tier,
      code_verification_status: account.code_verification_status,
      status: account.status,
      platform_type: account.registered ? "CLOUD_API" : "NOT_APPLICABLE",
      throughput: { level: "STANDARD" },
    }
  }

  async function graph(req, res, parts, query, body, arrivedAt, rawSize, raw) {
    const [, objectId, edge] = parts
    const token = tokenOf(req)
    if (objectId === "oauth" && edge === "access_token" && req.method === "GET") return signupApi().exchange(query)
    if (objectId === "debug_token" && !edge && req.method === "GET") return signupApi().debugToken(query, token)
    const media = !edge && mediaApi.live(objectId)
    if (media) {
      if (!token || token !== tokenOfNumber(media.phone_number_id)) return errors.badToken()
      if (req.method === "GET") return mediaApi.lookup(media, `http://${req.headers.host}`)
      if (req.method === "DELETE") {
        state.media.delete(objectId)
        return { status: 200, body: { success: true } }
      }
    }
    if (state.catalogs.has(objectId)) {
      const refused = businessApi.catalogRefusal(token, objectId)
      if (refused) return refused
      return catalogApi.handle(req, objectId, edge, query, body, rawSize)
    }
    const businessAnswer = businessApi.handleBusiness(req, objectId, edge, query, body, token, catalogApi.addCatalog)
    if (businessAnswer) return businessAnswer
    const account = state.accounts.get(objectId)
    const wabaAccounts = byWaba(objectId)
    const owner = account ?? wabaAccounts[0]
    if (!owner) return errors.unknownObject(objectId)
    const tokens = account ? [account.access_token] : wabaAccounts.map((a) => a.access_token)
    if (!token || !tokens.includes(token)) return errors.badToken()
    // Sending needs whatsapp_business_messaging on the WABA; everything else here whatsapp_business_management.
    const sending = account && (edge === "messages" || edge === "media") && req.method === "POST"
    const scope = sending ? "whatsapp_business_messaging" : "whatsapp_business_management"
    const denied = signupApi().permissionProblem(token, scope, owner.waba_id) ?? businessApi.scopeRefusal(token, scope)
    if (denied) return denied

    // Meta: a number must be registered (POST /register) before it can send.
    if (sending && !account.registered) return signupErrors.notRegistered()
    if (account && edge === "messages" && req.method === "POST") return postMessages(account, body, arrivedAt)
    if (account && edge === "media" && req.method === "POST") return mediaApi.upload(account, raw, req.headers["content-type"])
    if (account && ["register", "deregister", "request_code", "verify_code"].includes(edge) && req.method === "POST") {
      return signupApi().phoneEdge(account, edge, { ...Object.fromEntries(query), ...(body ?? {}) })
    }
    if (account && !edge && req.method === "GET") {
      if (state.faults.phoneRead5xx > 0) {
        state.faults.phoneRead5xx--
        return errors.serverError()
      }
      return { status: 200, body: { ...phoneNumberNode(account), ...businessApi.phoneFields(account) } }
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
    const wabaAnswer = !account && businessApi.handleWaba(req, objectId, edge, query, body, token, wabaAccounts)
    if (wabaAnswer) return wabaAnswer
    if (!account && edge === "message_templates" && req.method === "POST") return templateApi.create(objectId, body)
    if (!account && edge === "message_templates" && req.method === "GET") {
      const list = state.templates.get(objectId) ?? []
      return { status: 200, body: { data: list.map(({ waba_id, ...t }) => t), paging: { cursors: { before: "", after: "" } } } }
    }
    return errors.invalidParameter(`Unsupported ${req.method} on ${parts.join("/")}`)
  }

  /**
   * Controls for tests and the simulator that make Meta's account-level
   * webhooks happen: each changes the sandbox's state as Meta would (a
   * paused template is refused, a customer who stopped marketing gets no
   * marketing template) and posts the webhook. Answers with the payload.
   */
  const ACCOUNT_WEBHOOK_ACTIONS = {
    // { name, language, event, reason?, other_info? } — "set template X PAUSED"
    "template-status": async (account, body) => {
      const template = (state.templates.get(account.waba_id) ?? []).find((t) => t.name === body.name && t.language === body.language)
      if (!template) return { status: 404, body: { error: `no template ${body.name} (${body.language})` } }
      if (accountWebhooks.STATUS_EVENTS.has(body.event)) template.status = body.event === "REINSTATED" ? "APPROVED" : body.event
      return posted(accountWebhooks.templateStatusUpdate(account, template, body))
    },
    // { wa_id, value: "stop" | "resume" } — "the customer stops marketing messages"
    "user-preferences": async (account, body) => {
      const waId = String(body.wa_id ?? "").replace(/\D/g, "")
      if (!waId || !["stop", "resume"].includes(body.value)) return { status: 400, body: { error: "wa_id and value stop|resume are required" } }
      const key = `${account.phone_number_id}:${waId}`
      if (body.value === "stop") state.marketingStopped.add(key)
      else state.marketingStopped.delete(key)
      return posted(accountWebhooks.userPreferences(account, { ...body, wa_id: waId }))
    },
    // { event, ...details } e.g. { event: "ACCOUNT_RESTRICTION", restriction_info: [...] }
    "account-update": async (account, body) => posted(accountWebhooks.accountUpdate(account, body)),
    // { event, current_limit?, old_limit?, max_daily_conversations_per_business? }
    "quality-update": async (account, body) => {
      const tier = body.max_daily_conversations_per_business ?? body.current_limit
      if (tier) account.messaging_limit_tier = tier
      return posted(accountWebhooks.phoneNumberQualityUpdate(account, body))
    },
    // { decision: APPROVED | REJECTED | PENDING | DEFERRED }
    "account-review": async (account, body) => posted(accountWebhooks.accountReviewUpdate(account, body)),
    // { to, text } — the business answers from the WhatsApp Business app (coexistence)
    echo: async (account, body) => {
      const to = String(body.to ?? "").replace(/\D/g, "")
      if (!to || !body.text) return { status: 400, body: { error: "to and text are required" } }
      const { wamid, payload } = accountWebhooks.smbMessageEcho(account, { to, text: body.text })
      // The customer's phone shows it like any business message.
      state.messages.push({ wamid, phone_number_id: account.phone_number_id, to, type: "text", body: { type: "text", text: { body: body.text } }, at: config.now(), failure: null, status: "sent", echo: true })
      return posted(payload, { wamid })
    },
  }

  async function posted(payload, extra = {}) {
    const delivered = await sendWebhook(payload)
    return { status: 200, body: { ...extra, webhook_status: delivered, payload } }
  }

  async function inspect(req, parts, query, body) {
    const action = parts[1]
    const businessControl = businessApi.control(req, action, body ?? {}, query)
    if (businessControl) return businessControl
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
      return { status: 200, body: { accounts, templates: [...state.templates.values()].flat(), marketing_stopped: [...state.marketingStopped] } }
    }
    if (action === "media" && req.method === "GET") {
      // The phone's view of a file (the simulator shows it; tests compare bytes): no token, inspection only.
      const record = state.media.get(query.get("id"))
      if (!record) return { status: 404, body: { error: "no such media" } }
      return { status: 200, raw: record.bytes, headers: { "content-type": record.mime_type } }
    }
    if (action === "signup") {
      const answer = signupApi().control(req, parts[2], query, body ?? {})
      if (answer) return answer
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
    if (action === "templates" && parts[2] === "review" && req.method === "POST") {
      // { waba_id, name, language, decision: APPROVED | REJECTED, reason? } — Meta's review of a created template
      return templateApi.review(String(body?.waba_id ?? ""), body?.name, body?.language, body ?? {})
    }
    if (action === "templates" && req.method === "POST") return { status: 200, body: addTemplate(body) }
    if (action === "catalog" && req.method === "GET") {
      const catalog = state.catalogs.get(query.get("id"))
      if (!catalog) return { status: 404, body: { error: "no such catalog" } }
      return { status: 200, body: { id: catalog.id, items: [...catalog.items.values()], batch_calls: catalog.batchCalls, polls: catalog.polls, items_received: catalog.itemsReceived } }
    }
    if (action === "catalog" && req.method === "POST") return { status: 200, body: { id: catalogApi.addCatalog(body).id } }
    if (action === "reset" && req.method === "POST") {
      templateApi.reset()
      const accounts = [...state.accounts.values()]
      const templates = [...state.templates.values()].flat()
      state = defaultState()
      catalogApi = createCatalogApi(state, catalogOptions)
      // Numbers made by Embedded Signup sessions go with the sessions' codes and tokens.
      accounts.filter((a) => !a.business_id).forEach((a) => addAccount({ ...a, subscribed: false }))
      templates.forEach(addTemplate)
      return { status: 200, body: { ok: true } }
    }
    if (ACCOUNT_WEBHOOK_ACTIONS[action] && req.method === "POST") {
      const account = state.accounts.get(body?.phone_number_id) ?? [...state.accounts.values()][0]
      if (!account) return { status: 400, body: { error: "no account" } }
      return ACCOUNT_WEBHOOK_ACTIONS[action](account, body ?? {})
    }
    if (action === "inbound" && req.method === "POST") {
      const account = state.accounts.get(body.phone_number_id) ?? [...state.accounts.values()][0]
      if (!account) return { status: 400, body: { error: "no account" } }
      const from = String(body.from).replace(/\D/g, "")
      const problem = actionProblem(state, account, from, body, config.now())
      if (problem) return { status: 400, body: { error: problem } }
      // A username customer (`username`, `hide_phone`) writes without showing the number.
      const customer = state.customers.register(account, { phone: from, username: body.username, hidePhone: body.hide_phone })
      // A photo, voice note, document…: its file is kept for download and the message carries its media id.
      const media = body.media ? { type: body.media.type, [body.media.type]: mediaApi.customerMediaPart(account, body.media) } : null
      const { wamid, payload } = inboundMessage(account, { ...body, from, customer, ...(media ? { raw: media } : {}) })
      applyAction(state, body)
      state.windows.set(`${account.phone_number_id}:${from}`, config.now())
      const received = { wamid, from, phone_number_id: account.phone_number_id, payload, at: config.now(), status: "sent" }
      state.inbound.set(wamid, received)
      const delivered = await sendWebhook(payload)
      // Meta held it (one tick) until the business's webhook answered 200 (two ticks).
      if (delivered === 200 && received.status === "sent") received.status = "delivered"
      return { status: 200, body: { wamid, webhook_status: delivered, payload } }
    }
    if (action === "change-number" && req.method === "POST") {
      const account = state.accounts.get(body.phone_number_id) ?? [...state.accounts.values()][0]
      const to = String(body.to ?? "").replace(/\D/g, "")
      const changed = account && to ? state.customers.changeNumber(account, String(body.from ?? "").replace(/\D/g, ""), to) : null
      if (!changed) return { status: 400, body: { error: "unknown customer number, or no new number" } }
      const last = state.windows.get(`${account.phone_number_id}:${changed.previous.phone}`)
      if (last) state.windows.set(`${account.phone_number_id}:${to}`, last)
      const statuses = []
      for (const payload of numberChangeMessages(account, { ...changed, name: body.name })) statuses.push(await sendWebhook(payload))
      return { status: 200, body: { user_id: changed.customer.user_id, previous: changed.previous, webhook_statuses: statuses } }
    }
    if (action === "customer" && req.method === "GET") {
      const account = state.accounts.get(query.get("phone_number_id")) ?? [...state.accounts.values()][0]
      const customer = account ? state.customers.find(account, String(query.get("phone") ?? "").replace(/\D/g, "")) : null
      return customer ? { status: 200, body: customer } : { status: 404, body: { error: "unknown customer" } }
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
    const raw = Buffer.concat(chunks)
    const text = /multipart\/form-data/i.test(req.headers["content-type"] ?? "") ? "" : raw.toString("utf8")
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
        result = await graph(req, res, parts, url.searchParams, body, arrivedAt, raw.length, raw)
      } else if (parts[0] === "whatsapp_business" && parts[1] === "attachments") {
        result = mediaApi.download(url.searchParams, tokenOf(req), tokenOfNumber)
      } else if (parts[0] === "sdk.js") {
        result = { status: 200, raw: sdkScript(), headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" } }
      } else if (parts[0] === "dialog" && parts[1] === "oauth" && parts[2] === "api" && req.method === "POST") {
        result = signupApi().popupApi(body ?? {})
      } else if (parts[0] === "dialog" && parts[1] === "oauth") {
        const page = popupPage({ app: SANDBOX_APP, query: url.searchParams, businesses: signupApi().businesses(), categories: signupApi().CATEGORIES })
        result = { status: 200, raw: page, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } }
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
      templateApi.close()
      for (const timer of pending) clearTimeout(timer)
      pending.clear()
      server.closeAllConnections?.()
      await new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

module.exports = { createSandbox }
