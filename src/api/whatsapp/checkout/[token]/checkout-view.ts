import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { listShippingOptionsForCartWithPricingWorkflow } from "@medusajs/medusa/core-flows"
import type { SupportedLanguage } from "../../../../lib/account-settings"
import { csrfField } from "../../../../lib/checkout/csrf"
import type { CheckoutView } from "../../../../lib/checkout/render"
import { checkoutPagePath } from "../../../../lib/checkout-link"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import { countryChoices, detailValues, lineTitles, pageTotals } from "./read-details"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import type { WhatsAppCartRow } from "../../../../modules/whatsapp/types"

export const CART_FIELDS = [
  "id",
  "email",
  "currency_code",
  "customer_id",
  "customer.has_account",
  "completed_at",
  "item_subtotal",
  "shipping_total",
  "tax_total",
  "discount_total",
  "promotions.code",
  "total",
  "items.id",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.thumbnail",
  "items.quantity",
  "items.total",
  "items.requires_shipping",
  "shipping_address.*",
  "shipping_methods.shipping_option_id",
  "region.countries.iso_2",
  "region.payment_providers.id",
  "region.payment_providers.is_enabled",
  "payment_collection.id",
]

export type CheckoutCart = Record<string, any>

export async function loadCart(scope: MedusaContainer, cartId: string): Promise<CheckoutCart> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: CART_FIELDS, filters: { id: cartId } })
  if (!data[0]) throw new Error(`Cart ${cartId} not found`)
  return data[0]
}

/** Payment providers the cart's region has enabled, in the order the merchant set them up. */
export function regionProviders(cart: CheckoutCart): string[] {
  return (cart.region?.payment_providers ?? []).filter((p: any) => p?.is_enabled !== false).map((p: any) => p.id as string)
}

export type CheckoutShippingOption = { id: string; name: string; amount: number }

/**
 * The delivery options Medusa offers for the cart as it is (region, sales
 * channel, address), each with its price. Medusa filters by the cart's
 * address, so without a country nothing is listed: the customer picks the
 * country first. An option Medusa cannot price for the cart is never offered.
 */
export async function shippingOptionsFor(scope: MedusaContainer, cart: CheckoutCart): Promise<CheckoutShippingOption[]> {
  if (!cart.shipping_address?.country_code) return []
  const { result } = await listShippingOptionsForCartWithPricingWorkflow(scope).run({ input: { cart_id: cart.id } })
  return (result as any[])
    .filter((o) => o.amount != null && Number.isFinite(Number(o.amount)))
    .map((o) => ({ id: o.id as string, name: o.name as string, amount: Number(o.amount) }))
}

/** The same customer's most recent shipping address, so a returning customer types nothing. */
export async function previousAddress(scope: MedusaContainer, customerId: string | null): Promise<Record<string, string> | null> {
  if (!customerId) return null
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["email", "shipping_address.*"],
    filters: { customer_id: customerId },
    pagination: { take: 1, skip: 0, order: { created_at: "DESC" } },
  })
  const order = data[0] as any
  if (!order?.shipping_address) return null
  const a = order.shipping_address
  return {
    email: order.email ?? "",
    first_name: a.first_name ?? "",
    last_name: a.last_name ?? "",
    address_1: a.address_1 ?? "",
    address_2: a.address_2 ?? "",
    city: a.city ?? "",
    postal_code: a.postal_code ?? "",
    province: a.province ?? "",
    country_code: a.country_code ?? "",
    phone: a.phone ?? "",
  }
}

export type ViewInput = {
  lang: SupportedLanguage
  checkout: WhatsAppCartRow & { cart_id: string }
  token: string
  csrfNonce: string
  /** What the customer typed (after a failed post); otherwise the cart, then the last order. */
  values?: Record<string, string>
  errors?: Record<string, string>
  notice?: string
  totalChanged?: boolean
}

export async function buildCheckoutView(scope: MedusaContainer, input: ViewInput): Promise<CheckoutView> {
  const whatsapp: WhatsAppModuleService = scope.resolve(WHATSAPP_MODULE)
  const cart = await loadCart(scope, input.checkout.cart_id)
  // Only the conversation's proven customer prefills the page. A customer
  // account on the cart by any other way (linked by a phone typed on a
  // storefront, before links had to be proven) is someone else's: neither its
  // email nor its last address is shown.
  const provenCustomer = !!cart.customer_id && cart.customer_id === input.checkout.proven_customer_id
  const foreignAccount = !provenCustomer && !!cart.customer?.has_account
  const [shippingOptions, previous, account] = await Promise.all([
    shippingOptionsFor(scope, cart),
    cart.shipping_address?.address_1 || !provenCustomer ? Promise.resolve(null) : previousAddress(scope, cart.customer_id),
    whatsapp.accountContact(input.checkout.account_id),
  ])
  const countries = (cart.region?.countries ?? []).map((c: any) => c.iso_2 as string)
  const chosenOption = cart.shipping_methods?.[0]?.shipping_option_id ?? (shippingOptions.length === 1 ? shippingOptions[0].id : undefined)
  const fromCart: Record<string, string> = {
    ...detailValues(foreignAccount ? undefined : cart.email, cart.shipping_address, countries),
    ...(chosenOption ? { shipping_option_id: chosenOption } : {}),
  }
  const providers = regionProviders(cart)
  const values: Record<string, string> = {
    ...(input.checkout.wa_id ? { phone: `+${input.checkout.wa_id}` } : {}),
    ...(previous ?? {}),
    ...fromCart,
    ...(providers.length === 1 ? { provider_id: providers[0] } : {}),
    ...(input.values ?? {}),
  }
  return {
    lang: input.lang,
    storeName: account?.name ?? "",
    action: checkoutPagePath(input.checkout.id),
    csrf: csrfField(whatsapp.checkoutFormKey(), input.csrfNonce, input.token),
    currency: cart.currency_code,
    items: (cart.items ?? []).map((i: any) => ({
      id: i.id,
      ...lineTitles(i),
      thumbnail: i.thumbnail ?? null,
      quantity: Number(i.quantity),
      total: Number(i.total),
    })),
    totals: pageTotals(cart),
    promoCodes: (cart.promotions ?? []).map((p: { code: string | null }) => p.code).filter(Boolean),
    values,
    errors: input.errors ?? {},
    notice: input.notice,
    totalChanged: input.totalChanged,
    countries: countryChoices(input.lang, countries),
    shippingOptions,
    shippingChosen: !!cart.shipping_methods?.length,
    needsCountry: !cart.shipping_address?.country_code,
    providers,
  }
}
