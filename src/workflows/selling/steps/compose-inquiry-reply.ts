import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notFoundText, variantDisplayTitle } from "../../../lib/product-texts"
import type { OutboundMessage } from "../../../lib/graph-api/types"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { loadVariantOffers } from "../variant-offers"
import { answerProductQuestion } from "../concierge/product-question-answer"
import type { ConciergeOutcome } from "../concierge/outcome"

export type ProductInquiry = {
  conversation_id: string
  message_id: string
  account_id: string
  product_id: string | null
  variant_id: string | null
  product_name: string | null
  text: string | null
  reply: OutboundMessage[]
  outcome: ConciergeOutcome
  customer_name: string | null
}

/**
 * A question asked from a product in the customer's WhatsApp catalog: ties
 * the message to the Medusa variant and product, and prepares the answer in
 * the customer's language (what the question asks about the product, or the
 * default reply when the item is unknown), unless the account switched it
 * off or a person has the conversation.
 */
export const composeInquiryReplyStep = createStep(
  "compose-whatsapp-inquiry-reply",
  async (input: { message_id: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const ctx = await whatsapp.loadInboundMessage(input.message_id)
    const { account } = ctx
    const retailerId = ctx.referred_retailer_id
    const variantId = retailerId ? (await whatsapp.variantsForRetailerIds(account.catalog_id, [retailerId])).get(retailerId) : undefined
    const item = retailerId && variantId ? { variant_id: variantId, retailer_id: retailerId } : null
    const offers = item
      ? await loadVariantOffers(container, {
          variant_ids: [item.variant_id],
          region: account.region_id ? await container.resolve(Modules.REGION).retrieveRegion(account.region_id) : null,
          sales_channel_id: account.sales_channel_id,
        })
      : null
    const variant = item ? offers!.get(item.variant_id) ?? null : null

    const outcome: ConciergeOutcome = { conversation_id: ctx.conversation_id, search_misses: null, handoff_reason: null }
    let reply: OutboundMessage[] = []
    if (account.settings.inquiry_auto_reply && !ctx.conversation.handoff_at) {
      if (variant && item) {
        const answer = await answerProductQuestion(container, ctx, { variant, retailer_id: item.retailer_id })
        reply = answer.reply
        outcome.handoff_reason = answer.handoff_reason
      } else {
        reply.push({ type: "text", text: { body: account.settings.default_reply ?? notFoundText(ctx.language) } })
      }
    }
    const inquiry: ProductInquiry = {
      conversation_id: ctx.conversation_id,
      message_id: ctx.message_id,
      account_id: account.id,
      product_id: variant?.product_id ?? null,
      variant_id: variant?.id ?? null,
      product_name: variant ? variantDisplayTitle(variant.product_title, variant.title) : null,
      text: ctx.text,
      reply,
      outcome,
      customer_name: ctx.conversation.profile_name,
    }
    return new StepResponse(inquiry)
  }
)
