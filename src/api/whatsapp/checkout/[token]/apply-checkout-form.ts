import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { toE164 } from "../../../../lib/phone"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { formatMoney } from "../../../../lib/chat-format"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  deleteLineItemsWorkflow,
  updateCartWorkflow,
  updateLineItemInCartWorkflow,
} from "@medusajs/medusa/core-flows"
import type { SupportedLanguage } from "../../../../lib/account-settings"
import { LOCALE, pageText, PageTextKey } from "../../../../lib/checkout/page-texts"
import { stepTimings } from "../../../../lib/checkout/step-timings"
import { checkoutPageUrl } from "../../../../lib/checkout-link"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import type { WhatsAppCartRow } from "../../../../modules/whatsapp/types"
import { CheckoutCart, loadCart, regionProviders, shippingOptionsFor } from "./checkout-view"
import { startWhatsAppCheckoutPaymentWorkflow } from "../../../../workflows/checkout/workflows/start-whatsapp-checkout-payment"
import { CheckoutDetails, CheckoutIntent, CheckoutQuantity } from "./validators"
import { readCheckoutDetails, shippingAddressOf } from "./read-details"

export type FormOutcome =
  | { kind: "render"; status: number; values: Record<string, string>; errors: Record<string, string>; notice?: string; totalChanged?: boolean }
  | { kind: "redirect"; location: string }

type Input = {
  scope: MedusaContainer
  lang: SupportedLanguage
  checkout: WhatsAppCartRow & { cart_id: string }
  token: string
  form: URLSearchParams
}

/** Medusa's own message for a refused change (stock, a shipping option for another country…). */
const reason = (error: unknown) => (error as Error)?.message ?? String(error)

/**
 * Applies one post of the checkout form through Medusa's cart workflows:
 * quantities, then contact and address, then the delivery option; on "pay",
 * a payment session with the chosen provider. A hosted provider sends the
 * customer to its page; a manual one completes the cart at once (the order
 * then waits for "mark as paid").
 */
export async function applyCheckoutForm({ scope, lang, checkout, form }: Input): Promise<FormOutcome> {
  const t = (key: PageTextKey) => pageText(lang, key)
  const values = Object.fromEntries([...form.entries()].filter(([k]) => k !== "_csrf" && k !== "intent").map(([k, v]) => [k, v.slice(0, 300)]))
  const errors: Record<string, string> = {}
  const render = (status: number, notice?: string): FormOutcome => ({ kind: "render", status, values, errors, notice })

  const timings = stepTimings()
  const intent = CheckoutIntent.safeParse(form.get("intent") ?? "update")
  if (!intent.success) return render(400, t("fixErrors"))
  const cartId = checkout.cart_id
  let cart = await loadCart(scope, cartId)
  timings.mark("load")

  // 1. Quantities: the remove button, or an edited number (0 removes).
  const removals = new Set<string>()
  if (intent.data.startsWith("remove:")) removals.add(intent.data.slice("remove:".length))
  const updates: { id: string; quantity: number }[] = []
  for (const item of cart.items ?? []) {
    const raw = form.get(`qty_${item.id}`)
    if (raw === null || removals.has(item.id)) continue
    const parsed = CheckoutQuantity.safeParse(raw)
    if (!parsed.success) {
      errors[`qty_${item.id}`] = t(parsed.error.issues[0].message as PageTextKey)
      continue
    }
    if (parsed.data === 0) removals.add(item.id)
    else if (parsed.data !== Number(item.quantity)) updates.push({ id: item.id, quantity: parsed.data })
  }
  const known = new Set((cart.items ?? []).map((i: any) => i.id))
  const toRemove = [...removals].filter((id) => known.has(id))
  try {
    if (toRemove.length) await deleteLineItemsWorkflow(scope).run({ input: { cart_id: cartId, ids: toRemove } })
    for (const u of updates) {
      await updateLineItemInCartWorkflow(scope).run({ input: { cart_id: cartId, item_id: u.id, update: { quantity: u.quantity } } })
    }
  } catch (error) {
    return render(422, reason(error))
  }
  timings.mark("quantities")
  for (const id of toRemove) delete values[`qty_${id}`]
  for (const u of updates) values[`qty_${u.id}`] = String(u.quantity)

  // 2. Contact and address: required to pay; on "update", saved when a country is chosen so delivery options follow it.
  const paying = intent.data === "pay"
  const countries = (cart.region?.countries ?? []).map((c: any) => c.iso_2)
  const read = readCheckoutDetails(lang, form, countries)
  if (paying) Object.assign(errors, read.errors)
  const country = String(form.get("country_code") ?? "").toLowerCase()
  if (read.countryError) errors.country_code = read.countryError

  // A username customer may have withheld the phone from the business: the page asks for it.
  if (paying && !checkout.wa_id && !toE164(String(form.get("phone") ?? ""))) errors.phone ??= t("phoneNeeded")
  if (paying && Object.keys(errors).length) return render(422, t("fixErrors"))

  const address = read.details
  try {
    if (address && !errors.country_code) {
      const shipping = shippingAddressOf(address)
      // Every cart update makes Medusa refresh prices, taxes and promotions: skip it when nothing changed.
      if (address.email !== cart.email || !sameAddress(cart.shipping_address, shipping)) {
        await updateCartWorkflow(scope).run({ input: { id: cartId, email: address.email, shipping_address: shipping, billing_address: shipping } })
      }
    } else if (country && !errors.country_code && country !== cart.shipping_address?.country_code) {
      await updateCartWorkflow(scope).run({ input: { id: cartId, shipping_address: { country_code: country } } })
    }
  } catch (error) {
    return render(422, reason(error))
  }
  timings.mark("address")

  // 3. Delivery option. Medusa checks that the chosen one is offered for the cart as it is now
  // (region, channel, address); the options are listed only to pick the single one for the customer.
  let chosen = String(form.get("shipping_option_id") ?? "")
  const current = cart.shipping_methods?.[0]?.shipping_option_id
  const before = cart.shipping_address?.country_code
  const shipsTo = errors.country_code ? before : address?.country_code ?? (country || before)
  const countryChanged = !!shipsTo && shipsTo !== before
  if (!shipsTo) {
    // Without a country Medusa cannot tell which zone's options apply: none is added.
    chosen = ""
  } else if (!chosen || countryChanged) {
    const options = await shippingOptionsFor(scope, await loadCart(scope, cartId))
    if (chosen && !options.some((o) => o.id === chosen)) {
      errors.shipping_option_id = t("chooseShipping")
      chosen = ""
    }
    if (!chosen && options.length === 1) chosen = options[0].id
  }
  timings.mark("options")
  if (chosen && (chosen !== current || countryChanged)) {
    try {
      await addShippingMethodToCartWorkflow(scope).run({ input: { cart_id: cartId, options: [{ id: chosen }] } })
    } catch {
      errors.shipping_option_id = t("chooseShipping")
      chosen = ""
    }
  }
  timings.mark("shipping")
  if (chosen) values.shipping_option_id = chosen
  else delete values.shipping_option_id
  if (!paying) return render(Object.keys(errors).length ? 422 : 200)

  // 4. Payment, only for the total the customer saw on the button.
  cart = await loadCart(scope, cartId)
  timings.mark("reload")
  const needsDelivery = (cart.items ?? []).some((i: any) => i.requires_shipping !== false)
  if (needsDelivery && !cart.shipping_methods?.length) errors.shipping_option_id ??= t("chooseShipping")
  const providers = regionProviders(cart)
  const providerId = String(form.get("provider_id") ?? "") || (providers.length === 1 ? providers[0] : "")
  if (!providers.includes(providerId)) errors.provider_id = t("choosePayment")
  if (!(cart.items ?? []).length) return render(422, t("empty"))
  if (Object.keys(errors).length) return render(422, t("fixErrors"))
  const seen = String(form.get("expected_total") ?? "")
  if (seen !== String(Number(cart.total))) {
    // What the button said is not what the provider would charge (delivery just added, a price
    // or a promotion changed): show Medusa's new total and let the customer pay that.
    const total = formatMoney(Number(cart.total), cart.currency_code, lang)
    const why = !current && cart.shipping_methods?.length
      ? pageText(lang, "deliveryAdded", { amount: formatMoney(Number(cart.shipping_total), cart.currency_code, lang) })
      : t("cartChanged")
    return { ...render(409, pageText(lang, "totalChanged", { total, reason: why })), totalChanged: true } as FormOutcome
  }
  const out = await pay(scope, lang, checkout, cart, providerId, address!, values)
  timings.mark("pay")
  ;(scope.resolve(ContainerRegistrationKeys.LOGGER) as Logger).debug(`whatsapp: checkout pay answered in ${Math.round(timings.total())}ms: ${timings}`)
  return out
}

/** Whether the cart's saved address already holds these values (blank and missing count the same). */
function sameAddress(saved: Record<string, unknown> | null | undefined, next: Record<string, unknown>): boolean {
  if (!saved) return false
  return Object.entries(next).every(([key, value]) => String(saved[key] ?? "") === String(value ?? ""))
}

async function pay(
  scope: MedusaContainer,
  lang: SupportedLanguage,
  checkout: WhatsAppCartRow & { cart_id: string },
  cart: CheckoutCart,
  providerId: string,
  address: CheckoutDetails,
  values: Record<string, string>
): Promise<FormOutcome> {
  const whatsapp: WhatsAppModuleService = scope.resolve(WHATSAPP_MODULE)
  // The provider sends the customer back to the token-free page; the cookie set by the link says who they are.
  const back = checkoutPageUrl(whatsapp.getOptions().publicUrl, checkout.id, "/return")
  let checkoutUrl: string | null
  try {
    const { result } = await startWhatsAppCheckoutPaymentWorkflow(scope).run({
      input: {
        whatsapp_cart_id: checkout.id,
        payment_collection_id: cart.payment_collection.id,
        provider_id: providerId,
        customer_id: cart.customer_id ?? undefined,
        data: {
          return_url: back,
          cancel_url: `${back}?cancelled=1`,
          email: address.email,
          customer_name: `${address.first_name} ${address.last_name}`.trim(),
          phone: checkout.wa_id ? `+${checkout.wa_id}` : address.phone,
          locale: LOCALE[lang],
          description: `WhatsApp order ${checkout.id.slice(-8)}`,
        },
      },
    })
    checkoutUrl = result.checkout_url
  } catch (error) {
    return { kind: "render", status: 502, values, errors: { provider_id: pageText(lang, "paymentUnavailable") }, notice: reason(error) }
  }
  if (checkoutUrl) {
    return { kind: "redirect", location: checkoutUrl }
  }
  // Manual payment (transfer, cash on delivery): Medusa's system provider authorizes at once.
  try {
    await completeCartWorkflow(scope).run({ input: { id: checkout.cart_id } })
  } catch (error) {
    return { kind: "render", status: 422, values, errors: {}, notice: reason(error) }
  }
  return { kind: "redirect", location: back }
}
