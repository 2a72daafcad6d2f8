import { ContainerRegistrationKeys, getVariantAvailability, MedusaError, QueryContext } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { buildCatalogItem, hashCatalogPayload, VariantForCatalog } from "../../../lib/catalog/item-payload"
import type { DesiredItem, StoredItem } from "../../../lib/catalog/plan-sync"
import { resolveAccountSettings } from "../../../lib/account-settings"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { imagesInRankOrder } from "../../../lib/catalog/images-in-rank-order"

export type LoadedCatalog = {
  accountId: string
  catalogId: string
  desired: (DesiredItem & { variant_id: string; product_id: string })[]
  invalid: { variant_id: string; product_id: string; retailer_id: string; problems: string[] }[]
  stored: (StoredItem & { id: string; variant_id: string; replaced_retailer_id: string | null })[]
  /** When set, only these variants were looked at: others are neither sent nor deleted. */
  scope: string[] | null
}

const PAGE = 2_000

/**
 * Reads every variant the catalog's source account sells on WhatsApp
 * (published products in its sales channel) with Medusa's price in its
 * region's currency and the available stock, and turns each into a catalog
 * item payload. `account_id` is the catalog's source (resolve-catalog-source).
 */
export const loadCatalogVariantsStep = createStep(
  "load-whatsapp-catalog-variants",
  async (input: { account_id: string; variant_ids?: string[] }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const account = await whatsapp.retrieveWhatsappAccount(input.account_id)
    if (!account.catalog_id || !account.region_id || !account.sales_channel_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The account needs a catalog, a region and a sales channel before its catalog can sync")
    }
    const {
      data: [region],
    } = await query.graph({ entity: "region", fields: ["id", "currency_code"], filters: { id: account.region_id } })
    const settings = resolveAccountSettings(account.settings)
    const urlTemplate = settings.product_url_template ?? `${whatsapp.getOptions().publicUrl.replace(/\/$/, "")}/products/{handle}`

    const variants: any[] = []
    for (let skip = 0; ; skip += PAGE) {
      const { data } = await query.graph({
        entity: "product_variant",
        fields: [
          "id", "title", "sku", "product_id",
          "options.value", "options.option.title",
          "thumbnail", "images.id", "images.url", "images.rank",
          "product.id", "product.title", "product.handle", "product.description", "product.status", "product.thumbnail",
          "product.images.id", "product.images.url", "product.images.rank", "product.metadata", "product.sales_channels.id",
          "calculated_price.calculated_amount", "calculated_price.currency_code",
        ],
        filters: input.variant_ids ? { id: input.variant_ids } : {},
        pagination: { skip, take: PAGE, order: { id: "ASC" } },
        context: { calculated_price: QueryContext({ region_id: region.id, currency_code: region.currency_code }) },
      })
      variants.push(...data)
      if (data.length < PAGE) break
    }
    const sellable = variants.filter(
      (v) => v.product?.status === "published" && (v.product.sales_channels ?? []).some((sc: any) => sc?.id === account.sales_channel_id)
    )
    const availability = sellable.length
      ? await getVariantAvailability(query, { variant_ids: sellable.map((v) => v.id), sales_channel_id: account.sales_channel_id })
      : {}

    const productIds = [...new Set(sellable.map((v) => v.product.id))]
    const productSettings = productIds.length
      ? await whatsapp.listWhatsappProductSettings({ product_id: productIds, hidden_in_catalog: true }, { select: ["product_id"] })
      : []
    // Only the catalog switch hides items; `searchable`/`search_enabled` are about typed search.
    const hidden = new Set(productSettings.map((s) => s.product_id))

    const stored = (await whatsapp.listWhatsappCatalogItems(
      { catalog_id: account.catalog_id, ...(input.variant_ids ? { variant_id: input.variant_ids } : {}) },
      { select: ["id", "variant_id", "retailer_id", "content_hash", "sync_status", "replaced_retailer_id"], take: null as any }
    )) as LoadedCatalog["stored"]
    const retailerOf = new Map(stored.map((s) => [s.variant_id, s.retailer_id]))

    const loaded: LoadedCatalog = { accountId: account.id, catalogId: account.catalog_id, desired: [], invalid: [], stored, scope: input.variant_ids ?? null }
    for (const v of sellable) {
      // The variant's own picture first (its thumbnail, then its images), then the product's.
      const images = [v.thumbnail, ...[...imagesInRankOrder<any>(v.images), ...imagesInRankOrder<any>(v.product.images)].map((i) => i.url)].filter(Boolean)
      if (!images.length && v.product.thumbnail) images.push(v.product.thumbnail)
      const forCatalog: VariantForCatalog = {
        variantId: v.id,
        retailerId: retailerOf.get(v.id) ?? v.id,
        productId: v.product.id,
        productTitle: v.product.title,
        productHandle: v.product.handle,
        description: v.product.description,
        options: (v.options ?? []).map((o: any) => ({ title: o.option?.title ?? "", value: o.value })),
        amount: v.calculated_price?.calculated_amount ?? null,
        currencyCode: region.currency_code,
        availableQuantity: availability[v.id]?.availability ?? null,
        images: [...new Set<string>(images)],
        brand: (v.product.metadata?.brand as string) ?? null,
        visibleInCatalog: !hidden.has(v.product.id),
      }
      const { payload, problems } = buildCatalogItem(forCatalog, urlTemplate, account.name)
      if (problems.length) {
        loaded.invalid.push({ variant_id: v.id, product_id: v.product.id, retailer_id: payload.id, problems })
      } else {
        loaded.desired.push({ variant_id: v.id, product_id: v.product.id, retailer_id: payload.id, hash: hashCatalogPayload(payload, whatsapp.getOptions().publicUrl), payload })
      }
    }
    return new StepResponse(loaded)
  }
)
