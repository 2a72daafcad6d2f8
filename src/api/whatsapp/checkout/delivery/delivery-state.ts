import type { MedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { SupportedLanguage } from "../../../../lib/account-settings"
import { csrfField } from "../../../../lib/checkout/csrf"
import { checkoutTokenFromCookie } from "../../../../lib/checkout/link-cookie"
import type { DeliveryView } from "../../../../lib/checkout/render"
import { deliveryPagePath } from "../../../../lib/checkout-link"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import type { WhatsAppCartRow } from "../../../../modules/whatsapp/types"
import { countryChoices, detailValues, lineTitles, pageTotals } from "../[token]/read-details"

/** The order as the delivery page reads it: Medusa's own totals, never recomputed. */
export const DELIVERY_ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "email",
  "currency_code",
  "item_subtotal",
  "shipping_total",
  "tax_total",
  "discount_total",
  "total",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.quantity",
  "items.total",
  "shipping_address.*",
  "region.countries.iso_2",
  "fulfillments.id",
  "fulfillments.canceled_at",
]

export type DeliveryOrder = Record<string, any>

export type DeliveryState =
  | { kind: "invalid"; lang: SupportedLanguage }
  | { kind: "reopen"; lang: SupportedLanguage }
  | { kind: "expired"; lang: SupportedLanguage }
  | { kind: "open"; lang: SupportedLanguage; checkout: WhatsAppCartRow & { order_id: string }; order: DeliveryOrder; token: string; readOnly: boolean }

export async function loadDeliveryOrder(scope: MedusaContainer, orderId: string): Promise<DeliveryOrder | null> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: DELIVERY_ORDER_FIELDS, filters: { id: orderId } })
  return (data[0] as DeliveryOrder) ?? null
}

/**
 * What `/whatsapp/checkout/delivery/s/:id` leads to for this browser. As for
 * the checkout page, the token in the cookie the link set proves access and
 * must be a delivery token for this very WhatsApp cart (a checkout link's
 * token is refused). The page stays open to view and change the details
 * until the order ships (a fulfillment that is not canceled) or is
 * canceled; then it is read-only.
 */
export async function resolveDeliverySession(req: MedusaRequest<unknown, unknown>): Promise<DeliveryState> {
  const id = String(req.params.id ?? "")
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const token = checkoutTokenFromCookie(req.headers.cookie)
  const check = token ? whatsapp.verifyDeliveryToken(token) : null
  const tokenId = check && (check.ok || check.reason === "expired") ? check.id : undefined
  const checkout = /^[A-Za-z0-9_]{1,64}$/.test(id) ? await whatsapp.findWhatsAppCart({ id }) : null
  if (!checkout) return { kind: "invalid", lang: "en" }
  const lang = checkout.language
  if (!token || tokenId !== id) return { kind: "reopen", lang }
  if (!check!.ok) return { kind: "expired", lang }
  const order = checkout.order_id ? await loadDeliveryOrder(req.scope, checkout.order_id) : null
  if (!order) return { kind: "invalid", lang }
  const shipped = (order.fulfillments ?? []).some((f: any) => !f.canceled_at)
  return {
    kind: "open",
    lang,
    checkout: checkout as WhatsAppCartRow & { order_id: string },
    order,
    token: token!,
    readOnly: shipped || order.status === "canceled",
  }
}

/**
 * The countries the form offers: Medusa keeps an order's country (its
 * delivery was priced for it), so only that one once the order has it.
 */
export function deliveryCountries(order: DeliveryOrder): string[] {
  const fixed = order.shipping_address?.country_code
  return fixed ? [fixed] : (order.region?.countries ?? []).map((c: any) => c.iso_2 as string)
}

export async function buildDeliveryView(
  scope: MedusaContainer,
  input: { state: Extract<DeliveryState, { kind: "open" }>; csrfNonce: string; values?: Record<string, string>; errors?: Record<string, string>; notice?: string }
): Promise<DeliveryView> {
  const whatsapp: WhatsAppModuleService = scope.resolve(WHATSAPP_MODULE)
  const { order, checkout, lang } = input.state
  const account = await whatsapp.accountContact(checkout.account_id)
  const countries = deliveryCountries(order)
  const saved = detailValues(order.email, order.shipping_address, countries)
  return {
    lang,
    storeName: account?.name ?? "",
    action: deliveryPagePath(checkout.id),
    csrf: csrfField(whatsapp.checkoutFormKey(), input.csrfNonce, input.state.token),
    currency: order.currency_code,
    displayId: order.display_id,
    items: (order.items ?? []).map((i: any) => ({
      ...lineTitles(i),
      quantity: Number(i.quantity),
      total: Number(i.total),
    })),
    totals: pageTotals(order),
    values: { ...(checkout.wa_id ? { phone: `+${checkout.wa_id}` } : {}), ...saved, ...(input.values ?? {}) },
    errors: input.errors ?? {},
    notice: input.notice,
    countries: countryChoices(lang, countries),
    readOnly: input.state.readOnly,
  }
}
