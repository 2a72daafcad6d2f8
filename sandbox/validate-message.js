// Checks an outbound message as strictly as the Cloud API does. Written
// apart from the plugin's own checks on purpose: a fake that shared the
// plugin's code would agree with the plugin's mistakes.
const length = (s) => [...String(s ?? "")].length

function checkText(errs, label, value, max, required) {
  if (value === undefined || value === null || value === "") {
    if (required) errs.push(`${label} is required`)
    return
  }
  if (typeof value !== "string") errs.push(`${label} must be a string`)
  else if (length(value) > max) errs.push(`${label} must be at most ${max} characters long`)
}

function validateInteractive(i, errs) {
  if (!i || typeof i !== "object") return errs.push("interactive is required")
  checkText(errs, "interactive['footer']['text']", i.footer?.text, 60, false)
  const body = i.body?.text
  switch (i.type) {
    case "product":
      checkText(errs, "interactive['body']['text']", body, 1024, false)
      if (i.header) errs.push("interactive['header'] is not allowed for product messages")
      if (!i.action?.catalog_id) errs.push("interactive['action']['catalog_id'] is required")
      if (!i.action?.product_retailer_id) errs.push("interactive['action']['product_retailer_id'] is required")
      break
    case "product_list": {
      checkText(errs, "interactive['body']['text']", body, 1024, true)
      if (i.header?.type !== "text") errs.push("interactive['header'] of type text is required")
      checkText(errs, "interactive['header']['text']", i.header?.text, 60, true)
      if (!i.action?.catalog_id) errs.push("interactive['action']['catalog_id'] is required")
      const sections = Array.isArray(i.action?.sections) ? i.action.sections : []
      if (sections.length < 1 || sections.length > 10) errs.push("interactive['action']['sections'] must have 1 to 10 sections")
      let items = 0
      sections.forEach((s, n) => {
        checkText(errs, `sections[${n}]['title']`, s.title, 24, true)
        const list = Array.isArray(s.product_items) ? s.product_items : []
        if (!list.length) errs.push(`sections[${n}]['product_items'] must not be empty`)
        list.forEach((p, k) => !p?.product_retailer_id && errs.push(`sections[${n}]['product_items'][${k}]['product_retailer_id'] is required`))
        items += list.length
      })
      if (items > 30) errs.push(`a product list can have at most 30 products (got ${items})`)
      break
    }
    case "catalog_message":
      checkText(errs, "interactive['body']['text']", body, 1024, true)
      if (i.action?.name !== "catalog_message") errs.push("interactive['action']['name'] must be catalog_message")
      break
    case "cta_url":
      checkText(errs, "interactive['body']['text']", body, 1024, true)
      if (i.action?.name !== "cta_url") errs.push("interactive['action']['name'] must be cta_url")
      checkText(errs, "interactive['action']['parameters']['display_text']", i.action?.parameters?.display_text, 20, true)
      if (!/^https?:\/\/\S+$/.test(i.action?.parameters?.url ?? "")) errs.push("interactive['action']['parameters']['url'] must be a URL")
      break
    case "button": {
      checkText(errs, "interactive['body']['text']", body, 1024, true)
      const buttons = Array.isArray(i.action?.buttons) ? i.action.buttons : []
      if (buttons.length < 1 || buttons.length > 3) errs.push("interactive['action']['buttons'] must have 1 to 3 buttons")
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
      errs.push(`interactive['type'] "${i.type}" is not supported`)
  }
}

/** Problems Meta would reject the message for; empty when it is acceptable. */
function validateOutbound(body) {
  const errs = []
  if (body?.messaging_product !== "whatsapp") errs.push("messaging_product must be whatsapp")
  // Meta's BSUID page: `to` takes a phone, `recipient` a business-scoped user ID; one of them is required.
  if (body?.to !== undefined) {
    if (!/^\+?\d{6,15}$/.test(String(body.to))) errs.push("to must be a phone number")
  } else if (body?.recipient !== undefined) {
    if (!/^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/.test(String(body.recipient))) errs.push("recipient must be a business-scoped user ID")
  } else {
    errs.push("to or recipient is required")
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
      if (!body.template?.name) errs.push("template['name'] is required")
      if (!body.template?.language?.code) errs.push("template['language']['code'] is required")
      break
    default:
      errs.push(`type "${body.type}" is not supported by this sandbox`)
  }
  return errs
}

/** Number of {{n}} placeholders a template component's text expects. */
function placeholderCount(text) {
  return new Set(String(text ?? "").match(/\{\{\d+\}\}/g) ?? []).size
}

module.exports = { validateOutbound, placeholderCount }
