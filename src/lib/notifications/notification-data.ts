import { z } from "@medusajs/framework/zod"
import { isServiceWindowOpen } from "../customer-window"
import type { OutboundMessage, TemplateComponent } from "../graph-api/types"
import { validateOutboundMessage } from "../outbound/limits"

/**
 * What a `whatsapp` notification carries in `data`: free-form text for when
 * the 24-hour window is open, and/or an approved template for when it is
 * not. The provider picks at send time, when the window is known.
 */
export const whatsAppNotificationDataSchema = z
  .object({
    /** Which business number sends it; needed only when the store has several. */
    account_id: z.string().min(1).optional(),
    /** Answer in this conversation instead of looking the customer up by `to`. */
    conversation_id: z.string().min(1).optional(),
    text: z.string().min(1).max(4096).optional(),
    /** A link button under the text (a cta_url message, body ≤ 1024), e.g. the delivery-details link; the template has its own. */
    button: z.object({ text: z.string().min(1).max(20), url: z.string().url() }).optional(),
    template: z
      .object({
        name: z.string().min(1),
        language: z.string().min(2),
        components: z.array(z.any()).optional(),
      })
      .optional(),
  })
  .refine((d) => d.text || d.template, { message: "data needs `text`, `template`, or both" })

export type WhatsAppNotificationData = z.output<typeof whatsAppNotificationDataSchema>

export type NotificationChoice =
  | { ok: true; message: OutboundMessage }
  | { ok: false; error: string }

/** Free-form text inside the window; the template outside it (or when there is no text); a clear error otherwise. */
export function chooseNotificationMessage(
  data: WhatsAppNotificationData,
  conversation: { last_inbound_at: Date | string | null; opted_out: boolean },
  now = new Date()
): NotificationChoice {
  if (conversation.opted_out) {
    return { ok: false, error: "The customer opted out of WhatsApp messages; nothing was sent." }
  }
  let message: OutboundMessage | null = null
  if (data.text && isServiceWindowOpen(conversation.last_inbound_at, now)) {
    message = data.button
      ? {
          type: "interactive",
          interactive: {
            type: "cta_url",
            body: { text: data.text },
            action: { name: "cta_url", parameters: { display_text: data.button.text, url: data.button.url } },
          },
        }
      : { type: "text", text: { body: data.text } }
  } else if (data.template) {
    message = {
      type: "template",
      template: {
        name: data.template.name,
        language: { code: data.template.language },
        ...(data.template.components?.length ? { components: data.template.components as TemplateComponent[] } : {}),
      },
    }
  }
  if (!message) {
    return {
      ok: false,
      error: "The 24-hour customer-service window is closed and no template was given; WhatsApp only allows approved templates now.",
    }
  }
  const problems = validateOutboundMessage(message)
  return problems.length ? { ok: false, error: `The message breaks WhatsApp's limits: ${problems.join("; ")}` } : { ok: true, message }
}
