import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, getVariantAvailability, QueryContext } from "@medusajs/framework/utils"

/** What a customer can be offered for one variant: its price in the account's region and what can be sold now. */
export type VariantOffer = {
  id: string
  title: string | null
  product_id: string
  product_title: string
  product_status: string
  sales_channel_ids: string[]
  /** Major units in `currency_code`; null when the variant has no price in the region. */
  price: number | null
  currency_code: string | null
  /** Units sellable in the sales channel; null when stock is not managed or backorders are allowed. */
  available: number | null
}

export async function loadVariantOffers(
  container: MedusaContainer,
  input: { variant_ids: string[]; region: { id: string; currency_code: string } | null; sales_channel_id: string | null }
): Promise<Map<string, VariantOffer>> {
  const offers = new Map<string, VariantOffer>()
  if (!input.variant_ids.length) return offers
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { region } = input
  const { data } = await query.graph({
    entity: "product_variant",
    fields: [
      "id",
      "title",
      "manage_inventory",
      "allow_backorder",
      "product.id",
      "product.title",
      "product.status",
      "product.sales_channels.id",
      ...(region ? ["calculated_price.calculated_amount", "calculated_price.currency_code"] : []),
    ],
    filters: { id: input.variant_ids },
    ...(region ? { context: { calculated_price: QueryContext({ region_id: region.id, currency_code: region.currency_code }) } } : {}),
  })
  const availability = input.sales_channel_id
    ? await getVariantAvailability(query, { variant_ids: input.variant_ids, sales_channel_id: input.sales_channel_id })
    : {}
  for (const v of data as any[]) {
    const amount = v.calculated_price?.calculated_amount
    offers.set(v.id, {
      id: v.id,
      title: v.title ?? null,
      product_id: v.product?.id,
      product_title: v.product?.title ?? "",
      product_status: v.product?.status,
      sales_channel_ids: (v.product?.sales_channels ?? []).map((s: any) => s?.id).filter(Boolean),
      price: amount === null || amount === undefined ? null : Number(amount),
      currency_code: v.calculated_price?.currency_code ?? region?.currency_code ?? null,
      available: !v.manage_inventory || v.allow_backorder ? null : Number((availability as any)[v.id]?.availability ?? 0),
    })
  }
  return offers
}
