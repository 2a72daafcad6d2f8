import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { OutboundMessage } from "../../../lib/graph-api/types"
import { readProductQuestion } from "../../../lib/concierge/product-question"
import { missingVariantText, variantAnswerText } from "../../../lib/concierge/concierge-texts"
import { productInquiryText } from "../../../lib/product-texts"
import { INTERACTIVE_BODY_MAX, clip } from "../../../lib/chat-format"
import type { InboundContext } from "../../../modules/whatsapp/types"
import { loadVariantOffers, type VariantOffer } from "../variant-offers"
import { syncedCatalogItems } from "../synced-items"
import { faqAnswer, handoffAnswer, type IntentAnswer } from "./answer-intent"

/** The product card of one variant with a body; plain text when the variant is not in the WhatsApp catalog. */
function card(ctx: InboundContext, retailerId: string | null, body: string): OutboundMessage {
  const text = clip(body, INTERACTIVE_BODY_MAX)
  if (!retailerId || !ctx.account.catalog_id) return { type: "text", text: { body: text } }
  return { type: "interactive", interactive: { type: "product", body: { text }, action: { catalog_id: ctx.account.catalog_id, product_retailer_id: retailerId } } }
}

async function siblingsOf(container: MedusaContainer, variantId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [referred] } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: variantId } })
  if (!referred) return []
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "options.value"], filters: { product_id: (referred as any).product_id } })
  return (data as { id: string; options?: { value: string }[] | null }[]).map((v) => ({ id: v.id, values: (v.options ?? []).map((o) => o?.value).filter(Boolean) as string[] }))
}

/**
 * Answers a question sent from a product, reading what it asks: a size or
 * colour → that variant's price (Medusa's) and stock, or what the product
 * does not have; delivery, returns, payment or hours → the merchant's FAQ
 * answer; a request for a person → the handoff; anything else → the card of
 * the product, plus a handoff when the account wants one.
 */
export async function answerProductQuestion(
  container: MedusaContainer,
  ctx: InboundContext,
  referred: { variant: VariantOffer; retailer_id: string }
): Promise<IntentAnswer> {
  const lang = ctx.language
  const { account } = ctx
  const question = readProductQuestion(ctx.text, await siblingsOf(container, referred.variant.id), referred.variant.id)
  const referredCard = (prefix = "") =>
    card(ctx, referred.retailer_id, `${prefix}${productInquiryText(lang, {
      product_title: referred.variant.product_title,
      variant_title: referred.variant.title,
      amount: referred.variant.price,
      currency: referred.variant.currency_code,
      available: referred.variant.available,
    })}`)
  if (question.human) return handoffAnswer(ctx, "requested", [referredCard()])

  const reply: OutboundMessage[] = []
  if (question.variant_id) {
    const region = account.region_id ? await container.resolve(Modules.REGION).retrieveRegion(account.region_id) : null
    const offer = (await loadVariantOffers(container, { variant_ids: [question.variant_id], region, sales_channel_id: account.sales_channel_id })).get(question.variant_id)
    const { items } = account.catalog_id ? await syncedCatalogItems(container, account.catalog_id, [question.variant_id]) : { items: [] }
    if (offer) {
      reply.push(card(ctx, items[0]?.retailer_id ?? null, variantAnswerText(lang, {
        product_title: offer.product_title,
        variant_title: offer.title,
        amount: offer.price,
        currency: offer.currency_code,
        available: offer.available,
      })))
    }
  } else if (question.missing.length) {
    reply.push(referredCard(`${missingVariantText(lang, question.missing)} `))
  }
  if (question.topic) {
    const faq = await faqAnswer(container, ctx, question.topic)
    return { reply: [...reply, ...faq.reply], handoff_reason: faq.handoff_reason }
  }
  if (reply.length) return { reply, handoff_reason: null }
  return account.settings.inquiry_handoff ? handoffAnswer(ctx, "product_question", [referredCard()]) : { reply: [referredCard()], handoff_reason: null }
}
