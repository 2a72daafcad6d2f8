import type { SupportedLanguage, TemplateRef } from "../account-settings"
import { clip, formatMoney, oneLine } from "../chat-format"
import { isServiceWindowOpen } from "../customer-window"
import type { OutboundMessage } from "../graph-api/types"
import { bsuidCountry } from "../customer-identity"
import { isUsNumber } from "../phone"
import { type KnownTemplateStatus, marketingRefusal, templateRefusal } from "../template-usability"
import { anonymousCustomerName, ReminderCart, reminderButtonText, reminderFooter, reminderText } from "./reminder-texts"

export type RecoverySkipReason =
  | "opted_out"
  | "cart_missing"
  | "cart_empty"
  | "no_template"
  | "marketing_template_blocked"
  | "marketing_stopped"
  | "template_not_approved"

export type ReminderInput = {
  wa_id: string | null
  /** The BSUID, whose country tells a username customer's market when the phone is withheld. */
  user_id?: string | null
  language: SupportedLanguage
  customer_name: string | null
  last_inbound_at: Date | string | null
  opted_out: boolean
  /** Meta's user_preferences for marketing messages: "stop" means no reminder at all (a reminder is marketing). */
  marketing_preference?: "stop" | "resume" | null
  marketing_preference_detail?: string | null
  /** The Medusa cart as it is now; null when it no longer exists. */
  cart: ReminderCart | null
  checkout_url: string
  /** What the template's URL button appends to its base (see lib/checkout-link). */
  checkout_url_suffix: string
}

export type ReminderContext = {
  now: Date
  template: TemplateRef | null
  /** What Meta last said of that template (message_template_status_update); null when it never said. */
  template_status?: KnownTemplateStatus | null
  opt_out_keywords: readonly string[]
  /** The step's own text, variables filled; null or absent: the built-in message with the cart's lines. */
  text?: string | null
}

export type ReminderPlan =
  | { send: true; channel: "interactive" | "template"; message: OutboundMessage }
  | { send: false; reason: RecoverySkipReason; detail: string }

/**
 * One reminder for one unpaid cart, following WhatsApp's rules: inside the
 * 24-hour window an interactive message with the cart and a button; outside
 * it only an approved template, never a marketing one to a US number; and
 * nothing (with the reason) when neither is allowed.
 */
export function planRecoveryReminder(input: ReminderInput, context: ReminderContext): ReminderPlan {
  if (input.opted_out) {
    return { send: false, reason: "opted_out", detail: "The customer opted out of messages." }
  }
  // A cart reminder is a marketing message, in or out of the 24-hour window.
  const stopped = marketingRefusal("MARKETING", { marketing_preference: input.marketing_preference ?? null, marketing_preference_detail: input.marketing_preference_detail })
  if (stopped) {
    return { send: false, reason: "marketing_stopped", detail: stopped }
  }
  if (!input.cart) {
    return { send: false, reason: "cart_missing", detail: "The Medusa cart no longer exists." }
  }
  if (!input.cart.items.length) {
    return { send: false, reason: "cart_empty", detail: "The customer emptied the cart at checkout." }
  }
  const lang = input.language
  if (isServiceWindowOpen(input.last_inbound_at, context.now)) {
    return {
      send: true,
      channel: "interactive",
      message: {
        type: "interactive",
        interactive: {
          type: "cta_url",
          body: { text: context.text ? clip(context.text, 1024) : reminderText(lang, input.customer_name, input.cart) },
          footer: { text: reminderFooter(lang, context.opt_out_keywords) },
          action: { name: "cta_url", parameters: { display_text: reminderButtonText(lang), url: input.checkout_url } },
        },
      },
    }
  }
  const template = context.template
  if (!template) {
    return {
      send: false,
      reason: "no_template",
      detail: "Outside the 24-hour window only an approved template may be sent, and no recovery template is configured.",
    }
  }
  const notApproved = templateRefusal(context.template_status ?? null)
  if (notApproved) {
    return { send: false, reason: "template_not_approved", detail: notApproved }
  }
  if ((context.template_status?.category ?? template.category) === "MARKETING" && (input.wa_id ? isUsNumber(input.wa_id) : bsuidCountry(input.user_id) === "US")) {
    return {
      send: false,
      reason: "marketing_template_blocked",
      detail: `Meta does not deliver MARKETING templates to US numbers; "${template.name}" is one. A UTILITY template would be needed.`,
    }
  }
  const total = input.cart.total
  return {
    send: true,
    channel: "template",
    message: {
      type: "template",
      template: {
        name: template.name,
        language: { code: template.language },
        components: [
          {
            type: "body",
            parameters: [
              { type: "text", text: clip(oneLine(input.customer_name ?? "") || anonymousCustomerName(lang), 60) },
              {
                type: "currency",
                currency: {
                  fallback_value: formatMoney(total, input.cart.currency, lang),
                  code: input.cart.currency.toUpperCase(),
                  amount_1000: Math.round(total * 1000),
                },
              },
            ],
          },
          { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: input.checkout_url_suffix }] },
        ],
      },
    },
  }
}
