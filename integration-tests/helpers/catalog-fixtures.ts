import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import {
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"

export type CatalogFixture = { regionId: string; salesChannelId: string; otherChannelId: string; locationId: string }

/** A region in EUR, a WhatsApp sales channel with a stock location, and nothing else. */
export async function createCommerceBasics(container: MedusaContainer): Promise<CatalogFixture> {
  const {
    result: [channel, other],
  } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "WhatsApp" }, { name: "Web" }] } })
  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({ input: { regions: [{ name: "Europe", currency_code: "eur", countries: ["es"] }] } })
  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({ input: { locations: [{ name: "Madrid" }] } })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [channel.id, other.id] } })
  return { regionId: region.id, salesChannelId: channel.id, otherChannelId: other.id, locationId: location.id }
}

export type ProductSpec = {
  title: string
  sizes: string[]
  colors: string[]
  price?: number
  image?: boolean
  stock?: number
  status?: "published" | "draft"
  channel?: "whatsapp" | "web"
}

export async function createProducts(container: MedusaContainer, fixture: CatalogFixture, specs: ProductSpec[]) {
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: specs.map((spec) => ({
        title: spec.title,
        description: `${spec.title} de algodón`,
        status: spec.status === "draft" ? ProductStatus.DRAFT : ProductStatus.PUBLISHED,
        images: spec.image === false ? [] : [{ url: `http://127.0.0.1/static/${spec.title.toLowerCase().replace(/\W+/g, "-")}.png` }],
        options: [
          { title: "Talla", values: spec.sizes },
          { title: "Color", values: spec.colors },
        ],
        variants: spec.sizes.flatMap((size) =>
          spec.colors.map((color) => ({
            title: `${size} / ${color}`,
            sku: `${spec.title}-${size}-${color}`.toUpperCase().replace(/\W+/g, "-"),
            options: { Talla: size, Color: color },
            manage_inventory: true,
            prices: spec.price === undefined ? [{ amount: 10, currency_code: "usd" }] : [{ amount: spec.price, currency_code: "eur" }],
          }))
        ),
        sales_channels: [{ id: spec.channel === "web" ? fixture.otherChannelId : fixture.salesChannelId }],
      })),
    },
  })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "product_id", "inventory_items.inventory_item_id"],
    filters: { product_id: result.map((p) => p.id) },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: variants.map((v: any) => ({
        location_id: fixture.locationId,
        inventory_item_id: v.inventory_items[0].inventory_item_id,
        stocked_quantity: specs.find((s) => result.find((p) => p.id === v.product_id)?.title === s.title)?.stock ?? 10,
      })),
    },
  })
  return { products: result, variants: variants as { id: string; sku: string; product_id: string }[] }
}

