import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { matchAutoReply } from "../../../lib/auto-reply-rules"
import { notFoundText, searchResultsBody } from "../../../lib/product-texts"
import type { OutboundMessage } from "../../../lib/graph-api/types"
import { buildProductMessages } from "../../../lib/products/product-messages"
import { LIMITS } from "../../../lib/outbound/limits"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { searchWhatsAppProducts } from "../search-products"
import { syncedCatalogItems, variantIdsOf } from "../synced-items"
import type { InboundContext } from "../../../modules/whatsapp/types"

export type TextReply = {
  conversation_id: string
  message_id: string
  /** What answered: a keyword rule, discovery search, or the default reply. */
  source: "rule" | "search" | "default" | "off"
  rule_id: string | null
  matched_product_ids: string[]
  reply: OutboundMessage[]
}

function defaultReply(ctx: InboundContext): OutboundMessage {
  return { type: "text", text: { body: ctx.account.settings.default_reply ?? notFoundText(ctx.account.language, ctx.text) } }
}

/**
 * Chooses the answer to a customer's text: the account's first matching
 * keyword rule; else, with search on, the products that match what they
 * typed (the named variant when the text names one); else the default reply.
 */
export const composeTextReplyStep = createStep(
  "compose-whatsapp-text-reply",
  async (input: { message_id: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const ctx = await whatsapp.loadInboundMessage(input.message_id)
    const { account } = ctx
    const text = ctx.text?.trim() ?? ""
    const base = { conversation_id: ctx.conversation_id, message_id: ctx.message_id }
    if (!account.settings.text_auto_reply) {
      return new StepResponse<TextReply>({ ...base, source: "off", rule_id: null, matched_product_ids: [], reply: [] })
    }

    const rules = await whatsapp.listWhatsappAutoReplyRules({ account_id: account.id, active: true }, { order: { created_at: "ASC" } })
    const rule = matchAutoReply(
      text,
      rules.map((r) => ({ id: r.id, match: r.match, keywords: (r.keywords as unknown as string[]) ?? [], priority: r.priority, active: r.active }))
    )
    if (rule) {
      const stored = rules.find((r) => r.id === rule.id)!
      let reply: OutboundMessage[] = []
      if (stored.reply_type === "products" && account.catalog_id) {
        const variantIds = [
          ...((stored.variant_ids as unknown as string[] | null) ?? []),
          ...(await variantIdsOf(container, { product_ids: (stored.product_ids as unknown as string[] | null) ?? [] })),
        ]
        const { items } = await syncedCatalogItems(container, account.catalog_id, variantIds)
        if (items.length) {
          reply = buildProductMessages({ catalogId: account.catalog_id, language: account.language, items, body: stored.reply_text ?? undefined })
        }
      } else if (stored.reply_text) {
        reply = [{ type: "text", text: { body: stored.reply_text.slice(0, LIMITS.textBody) } }]
      }
      const result: TextReply = { ...base, source: "rule", rule_id: rule.id, matched_product_ids: [], reply: reply.length ? reply : [defaultReply(ctx)] }
      return new StepResponse(result)
    }

    if (account.settings.search_enabled && account.catalog_id && text) {
      const limit = whatsapp.getOptions().searchResultLimit
      const { matches } = await searchWhatsAppProducts(container, { sales_channel_id: account.sales_channel_id, text, limit })
      if (matches.length) {
        // A named variant is sent alone; otherwise the product's variants share the list's 30 places.
        const perProduct = Math.max(1, Math.floor(LIMITS.productListItems / matches.length))
        const variantIds: string[] = []
        for (const match of matches) {
          if (match.matched_variant && match.variant_id) variantIds.push(match.variant_id)
          else variantIds.push(...match.variant_ids.slice(0, perProduct))
        }
        const { items } = await syncedCatalogItems(container, account.catalog_id, variantIds)
        if (items.length) {
          const reply = buildProductMessages({
            catalogId: account.catalog_id,
            language: account.language,
            items: items.slice(0, LIMITS.productListItems),
            body: searchResultsBody(account.language, text),
          })
          const result: TextReply = {
            ...base,
            source: "search",
            rule_id: null,
            matched_product_ids: [...new Set(items.map((i) => i.product_id))],
            reply,
          }
          return new StepResponse(result)
        }
      }
    }
    const result: TextReply = { ...base, source: "default", rule_id: null, matched_product_ids: [], reply: [defaultReply(ctx)] }
    return new StepResponse(result)
  }
)
