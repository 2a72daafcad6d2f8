import type { Interactive, OutboundMessage } from "../graph-api/types"

/** Cloud API limits, checked before a message is queued so a bad one fails fast and locally. */
export const LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  footer: 60,
  headerText: 60,
  productListItems: 30,
  productListSections: 10,
  sectionTitle: 24,
  buttonTitle: 20,
  buttons: 3,
  ctaDisplayText: 20,
  mediaCaption: 1024,
} as const

function checkLength(errors: string[], label: string, value: string | undefined, max: number, required = false) {
  if (value === undefined || value === "") {
    if (required) errors.push(`${label} is required`)
    return
  }
  if ([...value].length > max) errors.push(`${label} is longer than ${max} characters`)
}

function checkInteractive(interactive: Interactive, errors: string[]) {
  checkLength(errors, "footer", interactive.footer?.text, LIMITS.footer)
  const bodyRequired = interactive.type !== "product"
  checkLength(errors, "body", interactive.body?.text, LIMITS.interactiveBody, bodyRequired)
  switch (interactive.type) {
    case "product_list": {
      checkLength(errors, "header", interactive.header?.text, LIMITS.headerText, true)
      const sections = interactive.action.sections ?? []
      if (sections.length < 1 || sections.length > LIMITS.productListSections) {
        errors.push(`a product list needs 1 to ${LIMITS.productListSections} sections`)
      }
      const items = sections.reduce((sum, s) => sum + (s.product_items?.length ?? 0), 0)
      if (items < 1 || items > LIMITS.productListItems) {
        errors.push(`a product list holds 1 to ${LIMITS.productListItems} products (got ${items})`)
      }
      sections.forEach((s, i) => checkLength(errors, `section ${i + 1} title`, s.title, LIMITS.sectionTitle, true))
      break
    }
    case "button": {
      const buttons = interactive.action.buttons ?? []
      if (buttons.length < 1 || buttons.length > LIMITS.buttons) errors.push(`1 to ${LIMITS.buttons} reply buttons`)
      buttons.forEach((b, i) => checkLength(errors, `button ${i + 1} title`, b.reply?.title, LIMITS.buttonTitle, true))
      break
    }
    case "cta_url":
      checkLength(errors, "button text", interactive.action.parameters?.display_text, LIMITS.ctaDisplayText, true)
      if (!/^https?:\/\//.test(interactive.action.parameters?.url ?? "")) errors.push("the button URL must be http(s)")
      break
    case "product":
      if (!interactive.action.product_retailer_id) errors.push("product_retailer_id is required")
      break
  }
}

/** Every limit the message breaks; empty when Meta would accept its shape. */
export function validateOutboundMessage(message: OutboundMessage): string[] {
  const errors: string[] = []
  if (message.type === "text") {
    checkLength(errors, "text", message.text?.body, LIMITS.textBody, true)
  } else if (message.type === "interactive") {
    checkInteractive(message.interactive, errors)
  } else if (message.type === "image" || message.type === "document") {
    // Image and document messages pages: id or link, caption ≤ 1024, filename on documents only.
    const media = message.type === "image" ? message.image : message.document
    if (!media?.id === !media?.link) errors.push(`${message.type} needs either a media id or a link`)
    checkLength(errors, "caption", media?.caption, LIMITS.mediaCaption)
    if (message.type === "image" && (media as { filename?: string })?.filename !== undefined) errors.push("only documents have a file name")
  } else if (message.type === "template") {
    if (!message.template?.name) errors.push("template name is required")
    if (!message.template?.language?.code) errors.push("template language is required")
  } else {
    errors.push(`unsupported message type "${(message as { type: string }).type}"`)
  }
  return errors
}

/** Anything but a template needs the 24-hour customer-service window. */
export function isFreeForm(message: OutboundMessage): boolean {
  return message.type !== "template"
}

/** The text shown in the inbox for an outbound message. */
export function outboundPreview(message: OutboundMessage): string | null {
  if (message.type === "text") return message.text.body
  if (message.type === "template") return `[template ${message.template.name}]`
  if (message.type === "image") return message.image.caption ?? null
  if (message.type === "document") return message.document.caption ?? message.document.filename ?? null
  return message.interactive.body?.text ?? `[${message.interactive.type}]`
}
