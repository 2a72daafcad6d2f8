import type { SupportedLanguage } from "./account-settings"
import { pick, INTERACTIVE_BODY_MAX, clip, oneLine, formatMoney } from "./chat-format"

/** Chat texts about products: lists, search results, the catalog and product questions. */

/** At or below this many units a variant is "only N left". */
export const LOW_STOCK_THRESHOLD = 5

export function productListHeader(lang: SupportedLanguage): string {
  return pick(lang, { en: "Our products", es: "Nuestros productos", pt: "Nossos produtos" })
}

/** Body of a product list the merchant sends from the admin. */
export function productListBody(lang: SupportedLanguage): string {
  return pick(lang, {
    en: "Take a look at these products 👇 Tap one to see the details and add it to your cart.",
    es: "Échale un vistazo a estos productos 👇 Toca uno para ver los detalles y añadirlo al carrito.",
    pt: "Confira estes produtos 👇 Toque em um para ver os detalhes e adicionar ao carrinho.",
  })
}

export function searchResultsBody(lang: SupportedLanguage, query: string): string {
  const q = clip(oneLine(query), 200)
  return pick(lang, {
    en: `Results for “${q}”`,
    es: `Resultados para «${q}»`,
    pt: `Resultados para “${q}”`,
  })
}

export function catalogBody(lang: SupportedLanguage): string {
  return pick(lang, {
    en: "Browse our catalog and add whatever you like to your cart 🛒",
    es: "Echa un vistazo a nuestro catálogo y añade al carrito lo que te guste 🛒",
    pt: "Confira nosso catálogo e adicione ao carrinho o que quiser 🛒",
  })
}

/** Nothing matched, or no rule answered: tell the customer how to search. */
export function notFoundText(lang: SupportedLanguage, query?: string | null): string {
  const q = query ? clip(oneLine(query), 100) : ""
  if (q) {
    return pick(lang, {
      en: `Sorry, I couldn't find anything for “${q}”. Type what you're looking for, e.g. “red t-shirt M”.`,
      es: `Lo siento, no he encontrado nada para «${q}». Escribe lo que buscas, por ejemplo «camiseta roja M».`,
      pt: `Desculpe, não encontrei nada para “${q}”. Digite o que você procura, por exemplo “camiseta vermelha M”.`,
    })
  }
  return pick(lang, {
    en: "Sorry, I couldn't find that. Type what you're looking for, e.g. “red t-shirt M”.",
    es: "Lo siento, no lo he encontrado. Escribe lo que buscas, por ejemplo «camiseta roja M».",
    pt: "Desculpe, não encontrei isso. Digite o que você procura, por exemplo “camiseta vermelha M”.",
  })
}

// ---------------------------------------------------------------------------
// Availability and product inquiries

/** `available` null/undefined means inventory is not tracked, which Medusa sells as in stock. */
export function availabilityText(lang: SupportedLanguage, available: number | null | undefined): string {
  if (available === null || available === undefined || available > LOW_STOCK_THRESHOLD) {
    return pick(lang, { en: "In stock", es: "En stock", pt: "Em estoque" })
  }
  if (available <= 0) {
    return pick(lang, { en: "Out of stock", es: "Sin stock", pt: "Sem estoque" })
  }
  const n = Math.floor(available)
  if (n === 1) {
    return pick(lang, { en: "Only 1 left", es: "Solo queda 1 unidad", pt: "Só resta 1 unidade" })
  }
  return pick(lang, { en: `Only ${n} left`, es: `Solo quedan ${n} unidades`, pt: `Só restam ${n} unidades` })
}

export type ProductInquiry = {
  product_title: string
  variant_title?: string | null
  /** Major units; omitted when the variant has no price in the customer's currency. */
  amount?: number | null
  currency?: string | null
  available?: number | null
}

// Medusa names the only variant of a simple product like this; repeating it adds nothing.
const PLACEHOLDER_VARIANT_TITLES = new Set(["default", "default variant", "default title", "default option value"])

/** "Camiseta Básica / M / Rojo", or just the product when the variant title adds nothing. */
export function variantDisplayTitle(productTitle: string | null | undefined, variantTitle: string | null | undefined, separator = " / ") {
  const product = productTitle ?? ""
  const variant = variantTitle ?? ""
  if (!variant || PLACEHOLDER_VARIANT_TITLES.has(variant.toLowerCase()) || variant === product) return product || variant
  return product ? `${product}${separator}${variant}` : variant
}

/** "Camiseta roja – M: 19,90 €. Solo quedan 3 unidades." */
export function productInquiryText(lang: SupportedLanguage, inquiry: ProductInquiry): string {
  const product = clip(oneLine(inquiry.product_title), 300)
  const name = variantDisplayTitle(product, clip(oneLine(inquiry.variant_title ?? ""), 200), " – ")
  const price =
    inquiry.amount !== null && inquiry.amount !== undefined && inquiry.currency
      ? `: ${formatMoney(inquiry.amount, inquiry.currency, lang)}`
      : ""
  return clip(`${name}${price}. ${availabilityText(lang, inquiry.available)}.`, INTERACTIVE_BODY_MAX)
}

