import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateProductVariantsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import path from "node:path"

// Plain data shared with start.js, which draws the product images.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const catalog = require(path.join(__dirname, "../../catalog.json")) as DemoCatalog
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { imageFileName } = require(path.join(__dirname, "../../product-images.js"))

type DemoProduct = {
  handle: string
  title: string
  category: string
  description: string
  brand: string
  price_eur: number
  price_inr: number
  sizes: string[]
  colors: string[]
}
type DemoCatalog = { products: DemoProduct[]; colors: Record<string, string> }

const EUROPE = ["es", "pt", "de", "fr", "it"]
const INDIA = ["in"]

/** SKUs are upper-case ASCII, e.g. CAMISETA-BASICA-M-ROJO. */
function skuFor(handle: string, size: string, color: string) {
  return `${handle}-${size}-${color}`.normalize("NFD").replace(/[^\w-]/g, "").toUpperCase()
}

/** Deterministic stock: most variants in stock, a few sold out to try stock checks. */
function stockFor(productIndex: number, variantIndex: number) {
  const n = (productIndex * 7 + variantIndex * 13) % 23
  return n === 0 ? 0 : 5 + n * 3
}

export async function seedDemoStore(container: MedusaContainer, storeId: string) {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const backendUrl = `http://localhost:${process.env.PORT ?? "9000"}`

  // Medusa's defaults loader created the store's "Default Sales Channel" at
  // boot: the storefront channel is that one, not a second of the same name.
  const [store] = await container.resolve(Modules.STORE).listStores({ id: storeId }, { take: 1 })
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const [defaultChannel] = store.default_sales_channel_id
    ? await salesChannels.listSalesChannels({ id: store.default_sales_channel_id })
    : await salesChannels.listSalesChannels({ name: "Default Sales Channel" })
  const {
    result: [whatsappChannel],
  } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "WhatsApp", description: "Orders placed from WhatsApp chats" }] },
  })
  const channels = [{ id: defaultChannel.id }, { id: whatsappChannel.id }]

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: storeId },
      update: {
        name: "Demo Moda",
        supported_currencies: [
          { currency_code: "eur", is_default: true },
          { currency_code: "inr" },
        ],
        default_sales_channel_id: defaultChannel.id,
      },
    },
  })

  const {
    result: [europe, india],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        { name: "Europe", currency_code: "eur", countries: EUROPE, payment_providers: ["pp_system_default"] },
        { name: "India", currency_code: "inr", countries: INDIA, payment_providers: ["pp_system_default"] },
      ],
    },
  })
  await createTaxRegionsWorkflow(container).run({
    input: [...EUROPE, ...INDIA].map((country_code) => ({ country_code, provider_id: "tp_system" })),
  })

  const {
    result: [warehouse],
  } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Madrid warehouse", address: { city: "Madrid", country_code: "ES", address_1: "Calle Mayor 1" } }] },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: warehouse.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })

  const [existingProfile] = await fulfillment.listShippingProfiles({ type: "default" })
  const shippingProfile =
    existingProfile ??
    (
      await createShippingProfilesWorkflow(container).run({
        input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
      })
    ).result[0]

  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "Madrid warehouse delivery",
    type: "shipping",
    service_zones: [
      { name: "Europe", geo_zones: EUROPE.map((country_code) => ({ country_code, type: "country" as const })) },
      { name: "India", geo_zones: INDIA.map((country_code) => ({ country_code, type: "country" as const })) },
    ],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: warehouse.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })
  const zone = (name: string) => fulfillmentSet.service_zones.find((z) => z.name === name)!.id
  const option = (name: string, code: string, zoneName: string, regionId: string, amount: number, currency: string) => ({
    name,
    price_type: "flat" as const,
    provider_id: "manual_manual",
    service_zone_id: zone(zoneName),
    shipping_profile_id: shippingProfile.id,
    type: { label: name, description: name, code },
    prices: [
      { currency_code: currency, amount },
      { region_id: regionId, amount },
    ],
    rules: [
      { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
      { attribute: "is_return", value: "false", operator: "eq" as const },
    ],
  })
  await createShippingOptionsWorkflow(container).run({
    input: [
      option("Envío estándar", "standard", "Europe", europe.id, 4.95, "eur"),
      option("Envío exprés", "express", "Europe", europe.id, 9.95, "eur"),
      option("Standard delivery", "standard-in", "India", india.id, 99, "inr"),
    ],
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: warehouse.id, add: channels.map((c) => c.id) },
  })

  const {
    result: [publishableKey],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Demo storefront", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: publishableKey.id, add: channels.map((c) => c.id) },
  })

  const categoryNames = [...new Set(catalog.products.map((p) => p.category))]
  const { result: categories } = await createProductCategoriesWorkflow(container).run({
    input: { product_categories: categoryNames.map((name) => ({ name, is_active: true })) },
  })
  const categoryId = (name: string) => categories.find((c) => c.name === name)!.id

  await createProductsWorkflow(container).run({
    input: {
      products: catalog.products.map((product) => {
        const image = (color: string) => `${backendUrl}/static/products/${imageFileName(product.handle, color)}`
        return {
          title: product.title,
          handle: product.handle,
          description: product.description,
          status: ProductStatus.PUBLISHED,
          category_ids: [categoryId(product.category)],
          shipping_profile_id: shippingProfile.id,
          thumbnail: image(product.colors[0]),
          images: product.colors.map((color) => ({ url: image(color) })),
          metadata: { brand: product.brand },
          options: [
            { title: "Talla", values: product.sizes },
            { title: "Color", values: product.colors },
          ],
          variants: product.sizes.flatMap((size) =>
            product.colors.map((color) => ({
              title: `${size} / ${color}`,
              sku: skuFor(product.handle, size, color),
              options: { Talla: size, Color: color },
              manage_inventory: true,
              prices: [
                { amount: product.price_eur, currency_code: "eur" },
                { amount: product.price_inr, currency_code: "inr" },
              ],
            }))
          ),
          sales_channels: channels,
        }
      }),
    },
  })

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  await showEachColourOnItsVariants(container)
  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "sku"],
  })
  const skuOrder = new Map<string, [number, number]>()
  catalog.products.forEach((product, p) => {
    let v = 0
    for (const size of product.sizes) {
      for (const color of product.colors) {
        skuOrder.set(skuFor(product.handle, size, color), [p, v++])
      }
    }
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: items.map((item: { id: string; sku: string }) => {
        const [p, v] = skuOrder.get(item.sku) ?? [0, 1]
        return { location_id: warehouse.id, inventory_item_id: item.id, stocked_quantity: stockFor(p, v) }
      }),
    },
  })
}

/**
 * Each variant gets the image of its own colour (Medusa's variant images and
 * variant thumbnail), so a red variant shows, and syncs to Meta with, the red
 * image rather than the product's first one.
 */
async function showEachColourOnItsVariants(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "handle", "images.id", "images.url", "variants.id", "variants.options.value", "variants.options.option.title"],
    filters: { handle: catalog.products.map((p) => p.handle) },
  })
  const pairs: { image_id: string; variant_id: string }[] = []
  const thumbnails: { id: string; thumbnail: string }[] = []
  for (const product of products as any[]) {
    for (const variant of product.variants ?? []) {
      const color = (variant.options ?? []).find((o: any) => o.option?.title === "Color")?.value
      const image = color && (product.images ?? []).find((i: any) => i.url.endsWith(`/${imageFileName(product.handle, color)}`))
      if (!image) continue
      pairs.push({ image_id: image.id, variant_id: variant.id })
      thumbnails.push({ id: variant.id, thumbnail: image.url })
    }
  }
  await container.resolve(Modules.PRODUCT).addImageToVariant(pairs)
  await updateProductVariantsWorkflow(container).run({ input: { product_variants: thumbnails } })
}
