import type { MessageTemplate } from "./types"

export type TemplateSummary = {
  id: string
  name: string
  language: string
  status: string
  category: string
  /** `{{n}}` placeholders in the body. */
  body_parameters: number
  /** The dynamic URL button, if the template has one, and its position (the parameter is addressed by it). */
  url_button: { text: string; url: string; index: number } | null
  /** A header the sender must fill: media (IMAGE, VIDEO, DOCUMENT…) or text with variables; null when none is needed. */
  header_needs: string | null
  /** Fits the plugin's uses: approved, with the parameters each use fills. */
  fits: { recovery: boolean; order_update: boolean }
  /** Why the template cannot be sent, from Meta's status webhook (paused, rejected…); null when nothing stands in the way. */
  unusable_reason: string | null
}

type Component = { type?: string; format?: string; text?: string; buttons?: { type?: string; text?: string; url?: string }[] }

const placeholders = (text: string | undefined) => new Set((text ?? "").match(/\{\{\s*\d+\s*\}\}/g) ?? []).size

/**
 * What an admin needs to pick a template: its identity, its status, and
 * whether its parameters match what the recovery reminder (body: name,
 * total; URL button: the link's suffix) or an order update (body: order
 * number, what happened) fill in.
 */
export function summarizeTemplate(template: MessageTemplate): TemplateSummary {
  const components = (template.components ?? []) as Component[]
  const body = components.find((c) => c.type?.toUpperCase() === "BODY")
  const header = components.find((c) => c.type?.toUpperCase() === "HEADER")
  const buttons = components.find((c) => c.type?.toUpperCase() === "BUTTONS")?.buttons ?? []
  const urlIndex = buttons.findIndex((b) => b.type?.toUpperCase() === "URL" && placeholders(b.url) > 0)
  const dynamicUrl = urlIndex >= 0 ? buttons[urlIndex] : null
  const bodyParameters = placeholders(body?.text)
  const approved = template.status === "APPROVED"
  const headerFormat = (header?.format ?? "TEXT").toUpperCase()
  const headerNeeds = !header ? null : headerFormat !== "TEXT" ? headerFormat : placeholders(header.text) > 0 ? "TEXT_PARAMETERS" : null
  const noHeaderParameters = headerNeeds === null
  return {
    id: template.id,
    name: template.name,
    language: template.language,
    status: template.status,
    category: template.category,
    body_parameters: bodyParameters,
    url_button: dynamicUrl ? { text: dynamicUrl.text ?? "", url: dynamicUrl.url ?? "", index: urlIndex } : null,
    header_needs: headerNeeds,
    fits: {
      // The reminder fills body {{1}} {{2}} and the URL button at index 0, nothing else.
      recovery: approved && noHeaderParameters && bodyParameters === 2 && urlIndex === 0,
      order_update: approved && noHeaderParameters && bodyParameters === 2 && !buttons.some((b) => placeholders(b.url) > 0),
    },
    unusable_reason: null,
  }
}
