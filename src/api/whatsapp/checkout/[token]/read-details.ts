import type { SupportedLanguage } from "../../../../lib/account-settings"
import { LOCALE, pageText, type PageTextKey } from "../../../../lib/checkout/page-texts"
import { variantDisplayTitle } from "../../../../lib/product-texts"
import { CHECKOUT_FIELDS } from "../../../../lib/checkout/render"
import { CheckoutDetails } from "./validators"

export type ReadDetails = {
  details: CheckoutDetails | null
  /** Each field's first problem, in the page's language. */
  errors: Record<string, string>
  /** A country typed that the region does not ship to (shown even when the rest is not checked yet). */
  countryError: string | null
}

const KNOWN = new Set(["required", "invalidEmail", "tooLong", "chooseCountry"])

/** The contact and address fields of a checkout or delivery-details form, validated once for both pages. */
export function readCheckoutDetails(lang: SupportedLanguage, form: URLSearchParams, countries: string[]): ReadDetails {
  const parsed = CheckoutDetails.safeParse(Object.fromEntries(CHECKOUT_FIELDS.map((f) => [f, form.get(f) ?? ""])))
  const errors: Record<string, string> = {}
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors[String(issue.path[0])] ??= pageText(lang, (KNOWN.has(issue.message) ? issue.message : "required") as PageTextKey)
    }
  }
  const country = String(form.get("country_code") ?? "").toLowerCase()
  const countryError = country && !countries.includes(country) ? pageText(lang, "chooseCountry") : null
  return { details: parsed.success ? parsed.data : null, errors, countryError }
}

/** The details as a Medusa address (cart or order): optional fields left out when empty. */
export function shippingAddressOf(details: CheckoutDetails) {
  return {
    first_name: details.first_name,
    last_name: details.last_name,
    address_1: details.address_1,
    address_2: details.address_2 || undefined,
    city: details.city,
    postal_code: details.postal_code,
    province: details.province || undefined,
    country_code: details.country_code,
    phone: details.phone || undefined,
  }
}

/** A saved Medusa address (cart or order) as the form's values, blanks left out; a region's only country fills an empty one. */
export function detailValues(email: string | null | undefined, address: Record<string, any> | null | undefined, countries: string[]): Record<string, string> {
  const a = address ?? {}
  return Object.fromEntries(
    Object.entries({
      email,
      first_name: a.first_name,
      last_name: a.last_name,
      address_1: a.address_1,
      address_2: a.address_2,
      city: a.city,
      postal_code: a.postal_code,
      province: a.province,
      country_code: a.country_code ?? (countries.length === 1 ? countries[0] : undefined),
      phone: a.phone,
    }).filter(([, v]) => v)
  ) as Record<string, string>
}

/** The country select's options, named in the page's language, in alphabetical order. */
export function countryChoices(lang: SupportedLanguage, codes: string[]): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([LOCALE[lang]], { type: "region" })
  return codes.map((code) => ({ code, name: names.of(code.toUpperCase()) ?? code.toUpperCase() })).sort((x, y) => x.name.localeCompare(y.name))
}

/** How a Medusa line item (cart or order) is named on the pages: the product, then its variant. */
export function lineTitles(item: { title?: string; product_title?: string | null; variant_title?: string | null }): { title: string; subtitle: string | null } {
  return {
    title: (item.product_title ?? item.title) as string,
    subtitle: item.product_title ? variantDisplayTitle(null, item.variant_title ?? null) || null : null,
  }
}

/** Medusa's own totals of a cart or an order, as the pages show them (never recomputed here). */
export function pageTotals(source: Record<string, any>) {
  return {
    subtotal: Number(source.item_subtotal ?? 0),
    shipping: Number(source.shipping_total ?? 0),
    tax: Number(source.tax_total ?? 0),
    discount: Number(source.discount_total ?? 0),
    total: Number(source.total ?? 0),
  }
}
