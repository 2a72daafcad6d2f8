// Creating message templates and Meta's review of them, as Meta documents it:
// - "Template fundamentals" (creation, names, categories, languages, limits):
//   https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/overview
//   POST /{WABA_ID}/message_templates { name, category, language, components,
//   parameter_format? } → { id, status, category }. Names: lowercase letters,
//   digits and underscores, at most 512 characters. At most 100 templates
//   created per WABA per hour. Body text at most 1024 characters, header and
//   footer text at most 60. A body or URL variable needs an example.
// - message_template_status_update webhook (PENDING → APPROVED | REJECTED with
//   a reason such as INVALID_FORMAT, PROMOTIONAL, TAG_CONTENT_MISMATCH):
//   https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update
// Meta reviews "within minutes, up to 24 hours". The sandbox reviews after
// `templateReviewMs` (the demo: a few seconds) or, when that is null (tests),
// when /__sandbox/templates/review decides, so no test waits on a clock.
// Two answers Meta does not spell out are assumptions, marked below: the error
// for a name already used in that language (other projects see subcode
// 2388024) and the one for the hourly creation limit.
const { metaError } = require("./meta-errors")

const CATEGORIES = ["MARKETING", "UTILITY", "AUTHENTICATION"]
/** Meta's template language codes the sandbox accepts (a subset of Meta's list: those a store here uses). */
const LANGUAGES = ["en", "en_US", "en_GB", "es", "es_ES", "es_MX", "es_AR", "pt_BR", "pt_PT", "fr", "de", "it"]
const CREATIONS_PER_HOUR = 100
const MAX_TEMPLATES = 250
const HOUR_MS = 60 * 60 * 1000

const invalid = (message, subcode) => metaError(400, 100, `(#100) ${message}`, { subcode, type: "OAuthException" })
// Assumption: the answer other projects record for an existing name and language.
const duplicate = (name, language) => metaError(400, 100, `(#100) Content in this language already exists for template ${name} (${language})`, { subcode: 2388024 })
// Assumption: Meta documents the hourly limit, not its error; Graph's throttling code stands for it.
const throttled = () => metaError(400, 4, `(#4) A WhatsApp Business Account can create ${CREATIONS_PER_HOUR} message templates per hour; try again later`)

const placeholders = (text) => [...String(text ?? "").matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => Number(m[1]))

/** What Meta refuses at creation, in the order a request is read; null when the template may be reviewed. */
function creationProblem(body) {
  const { name, category, language, components } = body ?? {}
  if (typeof name !== "string" || !name) return invalid("Param name is required")
  if (name.length > 512 || !/^[a-z0-9_]+$/.test(name)) return invalid("Param name must be lowercase letters, numbers and underscores, at most 512 characters")
  if (!CATEGORIES.includes(category)) return invalid(`Param category must be one of {${CATEGORIES.join(", ")}}`)
  if (!LANGUAGES.includes(language)) return invalid(`Param language is not a supported template language: ${language}`)
  if (!Array.isArray(components)) return invalid("Param components must be an array")
  const body_ = components.find((c) => String(c?.type).toUpperCase() === "BODY")
  if (!body_ || typeof body_.text !== "string" || !body_.text.trim()) return invalid("A BODY component with text is required")
  if (body_.text.length > 1024) return invalid("BODY text is limited to 1024 characters")
  for (const c of components) {
    const type = String(c?.type).toUpperCase()
    if (!["HEADER", "BODY", "FOOTER", "BUTTONS"].includes(type)) return invalid(`Unknown component type ${c?.type}`)
    if ((type === "HEADER" || type === "FOOTER") && typeof c.text === "string" && c.text.length > 60) return invalid(`${type} text is limited to 60 characters`)
  }
  const vars = placeholders(body_.text)
  if (vars.length) {
    // Variables are numbered 1..n in order, may not open or close the body, and need one example each.
    if (vars.some((v, i) => v !== i + 1)) return invalid("BODY variables must be {{1}}, {{2}}… in order")
    const trimmed = body_.text.trim()
    if (/^\{\{\s*\d+\s*\}\}/.test(trimmed) || /\{\{\s*\d+\s*\}\}[.!?]?$/.test(trimmed)) return invalid("Variables can't be at the start or end of the template body")
    const examples = body_.example?.body_text?.[0]
    if (!Array.isArray(examples) || examples.length !== vars.length) return invalid(`BODY has ${vars.length} variables: example.body_text must give ${vars.length} values`)
  }
  const buttons = components.find((c) => String(c?.type).toUpperCase() === "BUTTONS")?.buttons ?? []
  for (const button of buttons) {
    if (String(button?.type).toUpperCase() !== "URL") continue
    const url = String(button.url ?? "")
    if (!/^https?:\/\//.test(url)) return invalid("A URL button needs a url starting with http(s)://")
    const count = placeholders(url).length
    if (count > 1 || (count === 1 && !/\{\{\s*1\s*\}\}$/.test(url))) return invalid("A URL button takes one variable, {{1}}, at the end of its url")
    if (count === 1 && !(Array.isArray(button.example) && button.example.length === 1)) return invalid("A URL button with a variable needs example: [a full url]")
  }
  return null
}

/**
 * The WABA's template creation and the review that follows. `templates` is
 * the sandbox's waba_id → templates map; `notify(wabaId, template, event)`
 * posts the status webhook.
 */
function createTemplateApi({ state, config, nextId, notify }) {
  const creations = new Map() // waba_id → creation times (ms), for the hourly limit
  const timers = new Set()

  function create(wabaId, body) {
    const problem = creationProblem(body)
    if (problem) return problem
    const list = state().templates.get(wabaId) ?? []
    if (list.some((t) => t.name === body.name && t.language === body.language)) return duplicate(body.name, body.language)
    const now = config.now()
    const recent = (creations.get(wabaId) ?? []).filter((at) => now - at < HOUR_MS)
    if (recent.length >= CREATIONS_PER_HOUR) return throttled()
    if (new Set(list.map((t) => t.name)).size >= MAX_TEMPLATES && !list.some((t) => t.name === body.name)) {
      return invalid(`This WhatsApp Business Account already has ${MAX_TEMPLATES} message templates`)
    }
    creations.set(wabaId, [...recent, now])
    const template = {
      id: nextId(),
      waba_id: wabaId,
      name: body.name,
      language: body.language,
      category: body.category,
      status: "PENDING",
      components: body.components,
      ...(body.parameter_format ? { parameter_format: body.parameter_format } : {}),
    }
    state().templates.set(wabaId, [...list, template])
    if (config.templateReviewMs !== null && config.templateReviewMs !== undefined) {
      const timer = setTimeout(() => {
        timers.delete(timer)
        review(wabaId, template.name, template.language, { decision: "APPROVED" }).catch(() => {})
      }, config.templateReviewMs)
      timer.unref?.()
      timers.add(timer)
    }
    return { status: 200, body: { id: template.id, status: template.status, category: template.category } }
  }

  /** Meta's decision on a pending template: its status changes and the webhook is posted. */
  async function review(wabaId, name, language, { decision, reason }) {
    const template = (state().templates.get(wabaId) ?? []).find((t) => t.name === name && t.language === language)
    if (!template) return { status: 404, body: { error: `no template ${name} (${language}) in WABA ${wabaId}` } }
    if (!["APPROVED", "REJECTED"].includes(decision)) return { status: 400, body: { error: "decision must be APPROVED or REJECTED" } }
    if (template.status !== "PENDING") return { status: 409, body: { error: `template ${name} (${language}) is ${template.status}, not PENDING` } }
    template.status = decision
    const delivered = await notify(wabaId, template, { event: decision, reason: decision === "REJECTED" ? reason ?? "INVALID_FORMAT" : null })
    return { status: 200, body: { template: { id: template.id, name, language, status: decision }, webhook_status: delivered } }
  }

  return {
    create,
    review,
    close: () => timers.forEach((t) => clearTimeout(t)),
    reset: () => creations.clear(),
  }
}

module.exports = { createTemplateApi, creationProblem }
