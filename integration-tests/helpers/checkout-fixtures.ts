import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createShippingOptionsWorkflow, createShippingProfilesWorkflow, updateRegionsWorkflow } from "@medusajs/medusa/core-flows"
import path from "node:path"
import { createAdminHeaders } from "./admin"
import { CatalogFixture, createCommerceBasics, createProducts, ProductSpec } from "./catalog-fixtures"
import { envelope, postWebhook, TEST_ACCOUNT, waitFor, wamid } from "./whatsapp"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createPaymentSandbox } = require(path.resolve(__dirname, "../../sandbox/payments/index.js"))

export const PROVIDERS = {
  manual: "pp_system_default",
  stripe: "pp_stripe-checkout_stripe-checkout",
  razorpay: "pp_razorpay-link_razorpay-link",
  paypal: "pp_paypal_paypal",
}

/**
 * What checkout needs beyond the catalog: delivery to Spain from the
 * channel's warehouse (flat 4.95 EUR), every product on the shipping profile,
 * and the region paying through all four providers.
 */
export async function createCheckoutBasics(container: MedusaContainer, fixture: CatalogFixture) {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: fixture.locationId },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  const [existing] = await fulfillment.listShippingProfiles({ type: "default" })
  const profile =
    existing ?? (await createShippingProfilesWorkflow(container).run({ input: { data: [{ name: "Default", type: "default" }] } })).result[0]
  const optionId = await addDeliveryZone(container, fixture, {
    zone: "Spain",
    country: "es",
    name: "Envío estándar",
    prices: [{ currency_code: "eur", amount: 4.95 }, { region_id: fixture.regionId, amount: 4.95 }],
  })
  const { data: products } = await query.graph({ entity: "product", fields: ["id"] })
  if (products.length) {
    await link.create(
      products.map((p: any) => ({ [Modules.PRODUCT]: { product_id: p.id }, [Modules.FULFILLMENT]: { shipping_profile_id: profile.id } }))
    )
  }
  await updateRegionsWorkflow(container).run({
    input: { selector: { id: fixture.regionId }, update: { payment_providers: Object.values(PROVIDERS) } },
  })
  return { shippingOptionId: optionId }
}

/** A delivery zone served from the fixture's warehouse, with one flat-rate option in the given prices. */
export async function addDeliveryZone(
  container: MedusaContainer,
  fixture: CatalogFixture,
  input: { zone: string; country: string; name: string; prices: ({ currency_code: string; amount: number } | { region_id: string; amount: number })[] }
): Promise<string> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  const set = await fulfillment.createFulfillmentSets({
    name: `${input.zone} delivery`,
    type: "shipping",
    service_zones: [{ name: input.zone, geo_zones: [{ country_code: input.country, type: "country" }] }],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: fixture.locationId },
    [Modules.FULFILLMENT]: { fulfillment_set_id: set.id },
  })
  const {
    result: [option],
  } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: input.name,
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: set.service_zones[0].id,
        shipping_profile_id: profile.id,
        type: { label: "Estándar", description: "2-3 días", code: "standard" },
        prices: input.prices,
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })
  return option.id as string
}

/** The payment fakes on a free port; the host config points the providers at PAYMENTS_API_BASE. */
export function usePaymentSandbox(config: Record<string, unknown> = {}) {
  const payments = createPaymentSandbox(config)
  const handle = { payments, url: "" }
  beforeAll(async () => {
    handle.url = await payments.listen(0)
    process.env.PAYMENTS_API_BASE = handle.url
  })
  afterAll(async () => {
    await payments.close()
    delete process.env.PAYMENTS_API_BASE
  })
  return handle
}

/** Pins the runner's port so the plugin's publicUrl (return URLs, links) points at the server under test. */
export function usePublicPort() {
  beforeAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { freePort } = require(path.resolve(__dirname, "../../scripts/embedded-postgres.js"))
    process.env.PORT = String(await freePort())
    process.env.WHATSAPP_PUBLIC_URL = `http://127.0.0.1:${process.env.PORT}`
  })
  afterAll(() => {
    delete process.env.PORT
    delete process.env.WHATSAPP_PUBLIC_URL
  })
}

/** An order message (a cart sent from the WhatsApp catalog), as Meta delivers it. */
export function whatsappOrder(customer: { wa_id: string; name: string }, catalogId: string, items: { id: string; quantity: number; price: number }[]) {
  return envelope({
    contacts: [{ profile: { name: customer.name }, wa_id: customer.wa_id }],
    messages: [
      {
        from: customer.wa_id,
        id: wamid(),
        timestamp: String(Math.floor(Date.now() / 1000)),
        type: "order",
        order: {
          catalog_id: catalogId,
          text: "",
          product_items: items.map((i) => ({ product_retailer_id: i.id, quantity: i.quantity, item_price: i.price, currency: "EUR" })),
        },
      },
    ],
  })
}

/** The test account on the fixture's region and channel, its catalog synced to the fake. */
export async function connectSyncedAccount(api: any, container: MedusaContainer, admin: unknown, fixture: CatalogFixture, catalogId: string) {
  const { data } = await api.post(
    "/admin/whatsapp/accounts",
    { ...TEST_ACCOUNT, catalog_id: catalogId, region_id: fixture.regionId, sales_channel_id: fixture.salesChannelId, language: "es" },
    admin
  )
  const { syncWhatsAppCatalogWorkflow } = require(path.resolve(__dirname, "../../.medusa/server/src/workflows/catalog/workflows/sync-whatsapp-catalog.js"))
  await syncWhatsAppCatalogWorkflow(container).run({ input: { account_id: data.account.id } })
  return data.account.id as string
}

export type SentWhatsAppCart = { id: string; cart_id: string; created_at: Date; conversation_id: string; checkoutPath: string }

/**
 * A customer sends a cart from the WhatsApp catalog and gets the checkout
 * link; returns the WhatsApp cart row and the link's path.
 */
export async function sendWhatsAppCart(
  baseUrl: string,
  fakeMessages: () => any[],
  rows: (sql: string, params?: unknown[]) => Promise<any[]>,
  input: { waId: string; name: string; catalogId: string; items: { id: string; quantity: number; price: number }[] }
): Promise<SentWhatsAppCart> {
  const sentBefore = fakeMessages().length
  await postWebhook(baseUrl, whatsappOrder({ wa_id: input.waId, name: input.name }, input.catalogId, input.items))
  const link = await waitFor(
    async () => fakeMessages().slice(sentBefore).find((m: any) => m.to === input.waId && m.body.interactive?.type === "cta_url"),
    { what: "the checkout link" }
  )
  const [cart] = await rows(
    `select w.id, w.cart_id, w.created_at, w.conversation_id from whatsapp_cart w
       join whatsapp_conversation c on c.id = w.conversation_id where c.wa_id = ? order by w.created_at desc limit 1`,
    [input.waId]
  )
  return { ...cart, checkoutPath: new URL(link.body.interactive.action.parameters.url).pathname }
}

export type WhatsAppShop = {
  admin: { headers: Record<string, string> }
  fixture: CatalogFixture
  variants: any[]
  shippingOptionId: string
  accountId: string
}

/**
 * A store selling through WhatsApp: an admin, the region and channel, the
 * products, delivery and payment providers, and the test account with its
 * catalog synced to the fake.
 */
export async function createWhatsAppShop(api: any, container: MedusaContainer, catalogId: string, products: ProductSpec[]): Promise<WhatsAppShop> {
  const admin = await createAdminHeaders(container)
  const fixture = await createCommerceBasics(container)
  const { variants } = await createProducts(container, fixture, products)
  const { shippingOptionId } = await createCheckoutBasics(container, fixture)
  const accountId = await connectSyncedAccount(api, container, admin, fixture, catalogId)
  return { admin, fixture, variants, shippingOptionId, accountId }
}
