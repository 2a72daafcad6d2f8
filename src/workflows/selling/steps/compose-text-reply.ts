import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { evaluateConditions } from "../../../lib/automations/conditions"
import { answeringKeywordRule } from "../../../lib/automations/trigger-match"
import { loadAutomationFacts } from "../../automations/load-facts"
import type { AutomationTriggerEvent } from "../../automations/types"
import { notFoundText, searchResultsBody } from "../../../lib/product-texts"
import type { OutboundMessage } from "../../../lib/graph-api/types"
import { buildProductMessages } from "../../../lib/products/product-messages"
import { LIMITS } from "../../../lib/outbound/limits"
import { classifyIntent, type ConciergeIntent } from "../../../lib/concierge/intents"
import { handoffText } from "../../../lib/concierge/concierge-texts"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { searchWhatsAppProducts } from "../search-products"
import { syncedCatalogItems } from "../synced-items"
import type { InboundContext } from "../../../modules/whatsapp/types"
import { answerIntent } from "../concierge/answer-intent"
import type { ConciergeOutcome } from "../concierge/outcome"

export type TextReply = {
  conversation_id: string
  message_id: string
  /** What answered: a keyword rule, the concierge (an intent), discovery search, the default reply; or nothing (off, or paused for a person). */
  source: "rule" | "intent" | "search" | "default" | "off" | "paused"
  intent: ConciergeIntent["kind"] | null
  rule_id: string | null
  matched_product_ids: string[]
  reply: OutboundMessage[]
  outcome: ConciergeOutcome
  customer_name: string | null
}

function defaultReply(ctx: InboundContext): OutboundMessage {
  return { type: "text", text: { body: ctx.account.settings.default_reply ?? notFoundText(ctx.language, ctx.text) } }
}

/**
 * The keyword automation that answers the text, if any: the same choice the
 * engine makes when it books runs for this message (answeringKeywordRule), so
 * the customer gets the rule's answer, once, and no search answer beside it.
 * A rule whose conditions do not hold now would be skipped when it runs: the
 * usual answer goes instead, so the customer is never left without one.
 */
async function keywordAutomation(container: MedusaContainer, ctx: InboundContext, text: string): Promise<string | null> {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const rules = await whatsapp.automationRulesFor("message_received", ctx.account.id)
  const rule = answeringKeywordRule(rules, { type: "message_received", account_id: ctx.account.id, text })
  if (!rule?.conditions.length) return rule?.id ?? null
  const event: AutomationTriggerEvent = {
    type: "message_received",
    key: `message_received:${ctx.message_id}`,
    account_id: ctx.account.id,
    conversation_id: ctx.conversation_id,
    text,
    occurred_at: new Date().toISOString(),
  }
  const { facts } = await loadAutomationFacts(container, event)
  return evaluateConditions(rule.conditions, facts).matches ? rule.id : null
}

/** Products matching the text, as product messages; the named variant alone when the text names one. */
async function searchReply(container: MedusaContainer, ctx: InboundContext, query: string) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const { account } = ctx
  const limit = whatsapp.getOptions().searchResultLimit
  const { matches } = await searchWhatsAppProducts(container, { sales_channel_id: account.sales_channel_id, text: query, limit })
  if (!matches.length) return null
  // A named variant is sent alone; otherwise the product's variants share the list's 30 places.
  const perProduct = Math.max(1, Math.floor(LIMITS.productListItems / matches.length))
  const variantIds: string[] = []
  for (const match of matches) {
    if (match.matched_variant && match.variant_id) variantIds.push(match.variant_id)
    else variantIds.push(...match.variant_ids.slice(0, perProduct))
  }
  const { items } = await syncedCatalogItems(container, account.catalog_id!, variantIds)
  if (!items.length) return null
  return {
    matched_product_ids: [...new Set(items.map((i) => i.product_id))],
    reply: buildProductMessages({
      catalogId: account.catalog_id!,
      language: ctx.language,
      items: items.slice(0, LIMITS.productListItems),
      body: searchResultsBody(ctx.language, query),
    }),
  }
}

/**
 * Chooses the answer to a customer's text, in the customer's language:
 * nothing while a person has the conversation; nothing when a keyword
 * automation answers (the engine sends its answer); the concierge for
 * greetings, thanks, FAQ topics, order status and requests for a person;
 * else, with search on, the products
 * that match (consecutive misses hand the conversation to a person); else
 * the default reply.
 */
export const composeTextReplyStep = createStep(
  "compose-whatsapp-text-reply",
  async (input: { message_id: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const ctx = await whatsapp.loadInboundMessage(input.message_id)
    const { account } = ctx
    const text = ctx.text?.trim() ?? ""
    const base = {
      conversation_id: ctx.conversation_id,
      message_id: ctx.message_id,
      customer_name: ctx.conversation.profile_name,
      intent: null,
      rule_id: null,
      matched_product_ids: [] as string[],
      outcome: { conversation_id: ctx.conversation_id, search_misses: null, handoff_reason: null } as ConciergeOutcome,
    }
    if (!account.settings.text_auto_reply) return new StepResponse<TextReply>({ ...base, source: "off", reply: [] })
    if (ctx.conversation.handoff_at) return new StepResponse<TextReply>({ ...base, source: "paused", reply: [] })

    // A keyword automation answers through the engine (its run is booked by the same event): no search answer beside it.
    const automation = await keywordAutomation(container, ctx, text)
    if (automation) return new StepResponse<TextReply>({ ...base, source: "rule", rule_id: automation, reply: [] })

    const intent = classifyIntent(text)
    if (intent.kind !== "search" && intent.kind !== "empty") {
      const answer = await answerIntent(container, ctx, intent)
      return new StepResponse<TextReply>({ ...base, source: "intent", intent: intent.kind, reply: answer.reply, outcome: { ...base.outcome, handoff_reason: answer.handoff_reason } })
    }

    const query = intent.kind === "search" ? intent.query : text
    if (account.settings.search_enabled && account.catalog_id && query) {
      const found = await searchReply(container, ctx, query)
      if (found) {
        return new StepResponse<TextReply>({ ...base, source: "search", intent: "search", ...found, outcome: { ...base.outcome, search_misses: 0 } })
      }
      const misses = ctx.conversation.search_misses + 1
      const limit = account.settings.handoff_after_misses
      if (limit > 0 && misses >= limit) {
        const reply: OutboundMessage[] = [defaultReply(ctx), { type: "text", text: { body: handoffText(ctx.language) } }]
        return new StepResponse<TextReply>({ ...base, source: "default", intent: "search", reply, outcome: { ...base.outcome, search_misses: misses, handoff_reason: "search_misses" } })
      }
      return new StepResponse<TextReply>({ ...base, source: "default", intent: "search", reply: [defaultReply(ctx)], outcome: { ...base.outcome, search_misses: misses } })
    }
    return new StepResponse<TextReply>({ ...base, source: "default", reply: [defaultReply(ctx)] })
  }
)
