import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { variantDisplayTitle } from "../../../lib/product-texts"
import { OrderReconciliation, reconcileOrder, ResolvedVariant } from "../../../lib/cart/reconcile-order"
import { bsuidCountry } from "../../../lib/customer-identity"
import { deliveryCountry } from "../../../lib/phone"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { loadVariantOffers } from "../variant-offers"
import type { WhatsAppCartReservation } from "./reserve-whatsapp-cart"

export type ResolvedWhatsAppOrder = {
  region_id: string
  sales_channel_id: string
  currency_code: string
  /** Where the cart ships by default, so Medusa offers only that country's delivery options. */
  country_code: string | null
  reconciliation: OrderReconciliation
}

/**
 * Looks up, for each item of the order, the variant behind its retailer id
 * (through the account's catalog items), its Medusa price in the account's
 * region and what can be sold in the account's sales channel, then
 * reconciles the order against them.
 */
export const resolveWhatsAppOrderStep = createStep(
  "resolve-whatsapp-order",
  async (reserved: WhatsAppCartReservation, { container }) => {
    const { account } = reserved
    if (!account.region_id || !account.sales_channel_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `WhatsApp account ${account.id} needs a region and a sales channel before it can take carts`
      )
    }
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const region = await container.resolve(Modules.REGION).retrieveRegion(account.region_id, { relations: ["countries"] })

    const mapped = await whatsapp.variantsForRetailerIds(
      account.catalog_id,
      reserved.order.product_items.map((i) => String(i.product_retailer_id ?? ""))
    )

    const offers = await loadVariantOffers(container, {
      variant_ids: [...new Set(mapped.values())],
      region,
      sales_channel_id: account.sales_channel_id,
    })
    const variants = new Map<string, ResolvedVariant>()
    for (const [retailerId, variantId] of mapped) {
      const offer = offers.get(variantId)
      // Only what this channel sells: published and in the account's sales channel.
      if (!offer || offer.product_status !== "published" || !offer.sales_channel_ids.includes(account.sales_channel_id)) continue
      variants.set(retailerId, {
        variant_id: offer.id,
        title: variantDisplayTitle(offer.product_title, offer.title),
        price: offer.price,
        available: offer.available,
      })
    }
    const result: ResolvedWhatsAppOrder = {
      region_id: region.id,
      sales_channel_id: account.sales_channel_id,
      currency_code: region.currency_code,
      country_code: deliveryCountry(reserved.wa_id, (region.countries ?? []).map((c) => c.iso_2), bsuidCountry(reserved.user_id)),
      reconciliation: reconcileOrder(reserved.order.product_items, variants, region.currency_code),
    }
    return new StepResponse(result)
  }
)
