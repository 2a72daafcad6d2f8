import type { AdminWhatsAppAutoReplyRule } from "../../types/http/accounts"
import type { AdminWhatsAppAutomationRequest, AutomationRule } from "../../types/http/automations"

/**
 * The deprecated keyword auto-reply API (/admin/whatsapp/…/auto-replies) over
 * automation rules: a keyword auto-reply is the rule "when a message of this
 * number matches these keywords → send this text, or these products". The
 * same mapping as the migration that turned the old rows into rules
 * (modules/whatsapp/migrations/Migration20261222010000).
 */
export type AutoReplyInput = Partial<Omit<AdminWhatsAppAutoReplyRule, "id" | "account_id" | "created_at" | "updated_at">>

type AutoReplyFields = Pick<AdminWhatsAppAutomationRequest, "name" | "enabled" | "priority" | "trigger" | "actions">

/** The rule in the old shape, or null when it is not one a keyword auto-reply can say (those stay out of the old API). */
export function autoReplyOf(rule: AutomationRule): AdminWhatsAppAutoReplyRule | null {
  const { trigger, actions } = rule
  if (!rule.account_id || trigger.type !== "message_received" || !trigger.keywords?.length) return null
  if (rule.conditions.length || rule.delay_minutes || actions.length !== 1) return null
  const [action] = actions
  const base = {
    id: rule.id,
    account_id: rule.account_id,
    name: rule.name,
    match: trigger.match ?? "contains",
    keywords: trigger.keywords,
    priority: rule.priority,
    active: rule.enabled,
    created_at: rule.created_at,
    updated_at: rule.updated_at,
  }
  if (action.type === "send_text" && !action.fallback_template) {
    return { ...base, reply_type: "text", reply_text: action.text, product_ids: null, variant_ids: null }
  }
  if (action.type === "send_products") {
    return { ...base, reply_type: "products", reply_text: action.text || null, product_ids: action.product_ids, variant_ids: action.variant_ids?.length ? action.variant_ids : null }
  }
  return null
}

/** The rule's fields for an auto-reply written in the old shape over `current` (null: a new one); a string is the reason it is refused. */
export function automationFieldsOf(input: AutoReplyInput, current: AdminWhatsAppAutoReplyRule | null): AutoReplyFields | string {
  const merged = { match: "contains" as const, reply_type: "text" as const, priority: 0, active: true, ...current, ...input }
  const text = merged.reply_text?.trim() || null
  if (!merged.name || !merged.keywords?.length) return "name and keywords: required"
  if (merged.reply_type === "text" && !text) return "reply_text: a text rule needs the text to answer with"
  if (merged.reply_type === "products" && !merged.product_ids?.length && !merged.variant_ids?.length) {
    return "product_ids: a products rule needs products or variants to send"
  }
  return {
    name: merged.name,
    enabled: merged.active,
    priority: merged.priority,
    trigger: { type: "message_received", match: merged.match, keywords: merged.keywords },
    actions: [
      merged.reply_type === "text"
        ? { type: "send_text", text: text! }
        : {
            type: "send_products",
            product_ids: merged.product_ids ?? [],
            ...(merged.variant_ids?.length ? { variant_ids: merged.variant_ids } : {}),
            ...(text ? { text } : {}),
          },
    ],
  }
}
