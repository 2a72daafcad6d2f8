// Checks an outbound message as strictly as the Cloud API does. Written
// apart from the plugin's own checks on purpose: a fake that shared the
// plugin's code would agree with the plugin's mistakes.
//
// Each problem carries the code Meta answers it with (WhatsApp error codes,
// https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes):
// 100 "Invalid parameter" (an unsupported or misspelled parameter),
// 131008 "Required parameter is missing", 131009 "Parameter value is not valid".
const length = (s) => [...String(s ?? "")].length
const UNKNOWN = 100
const MISSING = 131008
const INVALID = 131009

/** A problem: Meta's code and the `error_data.details` text. */
const problem = (code, text) => ({ code, text })

function checkText(errs, label, value, max, required) {
  if (value === undefined || value === null || value === "") {
    if (required) errs.push(problem(MISSING, `${label} is required`))
    return
  }
  if (typeof value !== "string") errs.push(problem(INVALID, `${label} must be a string`))
  else if (length(value) > max) errs.push(problem(INVALID, `${label} must be at most ${max} characters long`))
}

/** Top-level fields of a send (Meta's messages reference); anything else is an unknown parameter. */
const MESSAGE_FIELDS = new Set([
  "messaging_product", "recipient_type", "to", "recipient", "type", "context", "biz_opaque_callback_data",
  "text", "interactive", "template", "image", "video", "audio", "document", "sticker", "location", "contacts", "reaction",
])

function validateInteractive(i, errs) {
  if (!i || typeof i !== "object") return errs.push(problem(MISSING, "interactive is required"))
  checkText(errs, "interactive['footer']['text']", i.footer?.text, 60, false)
  const body = i.body?.text
  switch (i.type) {
    case "product":
      checkText(errs, "interactive['body']['text']", body, 1024, false)
      if (i.header) errs.push(problem(INVALID, "interactive['header'] is not allowed for product messages"))
      if (!i.action?.catalog_id) errs.push(problem(MISSING, "interactive['action']['catalog_id'] is required"))
      if (!i.action?.product_retailer_id) errs.push(problem(MISSING, "interactive['action']['product_retailer_id'] is required"))
      break
    case "product_list": {
      checkText(errs, "interactive['body']['text']", body, 1024, true)
      if (!i.header) errs.push(problem(MISSING, "interactive['header'] is required"))
      else if (i.header.type !== "text") errs.push(problem(INVALID, "interactive['header']['type'] must be text"))
      checkText(errs, "interactive['header']['text']", i.header?.text, 60, true)
      if (!i.action?.catalog_id) errs.push(problem(MISSING, "interactive['action']['catalog_id'] is required"))
      const sections = Array.isArray(i.action?.sections) ? i.action.sections : []
      if (sections.length < 1 || sections.length > 10) errs.push(problem(INVALID, "interactive['action']['sections'] must have 1 to 10 sections"))
      let items = 0
      sections.forEach((s, n) => {
        // Meta: a section title is "required if the message has more than one section".
        checkText(errs, `sections[${n}]['title']`, s.title, 24, sections.length > 1)
        const list = Array.isArray(s.product_items) ? s.product_items : []
        if (!list.length) errs.push(problem(MISSING, `sections[${n}]['product_items'] must not be empty`))
        list.forEach((p, k) => !p?.product_retailer_id && errs.push(problem(MISSING, `sections[${n}]['product_items'][${k}]['product_retailer_id'] is required`)))
        items += list.length
      })
      if (items > 30) errs.push(problem(INVALID, `a product list can have at most 30 products (got ${items})`))
      break
    }
    case "catalog_message":
      checkText(errs, "interactive['body']['text']", body, 1024, true)
      if (i.action?.name !== "catalog_message") errs.push(problem(INVALID, "interactive['action']['name'] must be catalog_message"))
      break
    case "cta_url":
      checkText(errs, "interactive['body']['text']", body, 1024, true)
      if (i.action?.name !== "cta_url") errs.push(problem(INVALID, "interactive['action']['name'] must be cta_url"))
      checkText(errs, "interactive['action']['parameters']['display_text']", i.action?.parameters?.display_text, 20, true)
      if (!/^https?:\/\/\S+$/.test(i.action?.parameters?.url ?? "")) errs.push(problem(INVALID, "interactive['action']['parameters']['url'] must be a URL"))
      break
    case "button": {
      checkText(errs, "interactive['body']['text']", body, 1024, true)
      const buttons = Array.isArray(i.action?.buttons) ? i.action.buttons : []
      if (buttons.length < 1 || buttons.length > 3) errs.push(problem(INVALID, "interactive['action']['buttons'] must have 1 to 3 buttons"))
      buttons.forEach((b, n) => {
        checkText(errs, `buttons[${n}]['reply']['title']`, b?.reply?.title, 20, true)
        checkText(errs, `buttons[${n}]['reply']['id']`, b?.reply?.id, 256, true)
      })
      break
    }
    case "list":
      checkText(errs, "interactive['body']['text']", body, 4096, true)
      break
    default:
      errs.push(problem(INVALID, `interactive['type'] "${i.type}" is not supported`))
  }
}

/** Problems Meta would reject the message for ({ code, text }); empty when it is acceptable. */
function validateOutbound(body) {
  const errs = []
  for (const key of Object.keys(body ?? {})) {
    if (!MESSAGE_FIELDS.has(key)) errs.push(problem(UNKNOWN, `Unexpected key "${key}" on the message`))
  }
  if (!body?.messaging_product) errs.push(problem(MISSING, "messaging_product is required"))
  else if (body.messaging_product !== "whatsapp") errs.push(problem(INVALID, "messaging_product must be whatsapp"))
  // Meta's BSUID page: `to` takes a phone, `recipient` a business-scoped user ID; one of them is required.
  if (body?.to !== undefined) {
    if (!/^\+?\d{6,15}$/.test(String(body.to))) errs.push(problem(INVALID, "to must be a phone number"))
  } else if (body?.recipient !== undefined) {
    if (!/^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/.test(String(body.recipient))) errs.push(problem(INVALID, "recipient must be a business-scoped user ID"))
  } else {
    errs.push(problem(MISSING, "to or recipient is required"))
  }
  switch (body?.type ?? "text") {
    case "text":
      checkText(errs, "text['body']", body.text?.body, 4096, true)
      break
    case "interactive":
      validateInteractive(body.interactive, errs)
      break
    case "image":
    case "video":
    case "audio":
    case "document":
    case "sticker":
      break // checked by media.js, which knows the uploaded files and answers with Meta's media codes
    case "template":
      if (!body.template?.name) errs.push(problem(MISSING, "template['name'] is required"))
      if (!body.template?.language?.code) errs.push(problem(MISSING, "template['language']['code'] is required"))
      break
    default:
      errs.push(problem(INVALID, `type "${body.type}" is not supported by this sandbox`))
  }
  return errs
}

/** Number of {{n}} placeholders a template component's text expects. */
function placeholderCount(text) {
  return new Set(String(text ?? "").match(/\{\{\d+\}\}/g) ?? []).size
}

module.exports = { validateOutbound, placeholderCount }
