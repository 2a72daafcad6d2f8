import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notFoundText, productInquiryText, variantDisplayTitle } from "../../../lib/product-texts"
import type { OutboundMessage } from "../../../lib/graph-api/types"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { loadVariantOffers } from "../variant-offers"

export type ProductInquiry = {
  conversation_id: string
  message_id: string
  account_id: string
  product_id: string | null
  variant_id: string | null
  product_name: string | null
  text: string | null
  reply: OutboundMessage[]
}

/**
 * A question asked from a product in the customer's WhatsApp catalog: ties
 * the message to the Medusa variant and product, and prepares the auto-reply
 * (the product card with price and availability, or the default reply when
 * the item is unknown), unless the account switched it off.
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

    const reply: OutboundMessage[] = []
    if (account.settings.inquiry_auto_reply) {
      if (variant && item) {
        reply.push({
          type: "interactive",
          interactive: {
            type: "product",
            body: {
              text: productInquiryText(account.language, {
                product_title: variant.product_title,
                variant_title: variant.title,
                amount: variant.price,
                currency: variant.currency_code,
                available: variant.available,
              }),
            },
            action: { catalog_id: account.catalog_id!, product_retailer_id: item.retailer_id },
          },
        })
      } else {
        reply.push({ type: "text", text: { body: account.settings.default_reply ?? notFoundText(account.language) } })
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
    }
    return new StepResponse(inquiry)
  }
)
