import type { SupportedLanguage } from "./account-settings"

/**
 * Every customer-facing text the plugin sends in the chat. Lengths are
 * counted in code points because that is how Meta (and `validateOutboundMessage`)
 * counts them.
 */

type Texts<T> = Record<SupportedLanguage, T>

/** Unknown languages (old stored values, bad input) fall back to English instead of sending "undefined". */
export function pick<T>(lang: SupportedLanguage, texts: Texts<T>): T {
  return texts[lang] ?? texts.en
}

const LOCALES: Texts<string> = { en: "en-US", es: "es-ES", pt: "pt-BR" }

const INTERACTIVE_BODY_MAX = 1024

/** At or below this many units a variant is "only N left". */
export const LOW_STOCK_THRESHOLD = 5

const length = (text: string) => [...text].length

type GraphemeSegmenter = { segment(input: string): Iterable<{ segment: string }> }
type SegmenterCtor = new (locale?: string, options?: { granularity: "grapheme" }) => GraphemeSegmenter
// Intl.Segmenter is in Node 16+, but not in the ES2021 lib this repo compiles against.
const Segmenter = (Intl as unknown as { Segmenter?: SegmenterCtor }).Segmenter
const graphemeSegmenter = Segmenter ? new Segmenter(undefined, { granularity: "grapheme" }) : null

function graphemes(text: string): string[] {
  return graphemeSegmenter ? Array.from(graphemeSegmenter.segment(text), (s) => s.segment) : [...text]
}

/**
 * At most `max` code points, ending in "…" when cut. Cuts between graphemes so
 * an emoji, a flag or an accented letter is never split into garbage.
 */
export function clip(text: string, max: number): string {
  const value = text ?? ""
  if (max <= 0) {
    return ""
  }
  if (length(value) <= max) {
    return value
  }
  let out = ""
  let used = 0
  for (const g of graphemes(value)) {
    const n = length(g)
    if (used + n > max - 1) {
      break
    }
    out += g
    used += n
  }
  return `${out.trimEnd()}…`
}

/** Collapses whitespace a customer or merchant typed so it cannot stretch a message. */
export const oneLine = (text: string) => (text ?? "").replace(/\s+/g, " ").trim()

/** `amount` in major units (19.9 → "19,90 €" in Spanish). */
export function formatMoney(amount: number, currency: string, language: SupportedLanguage): string {
  const code = (currency ?? "").toUpperCase()
  try {
    return new Intl.NumberFormat(pick(language, LOCALES), { style: "currency", currency: code }).format(amount)
  } catch {
    // A code Intl does not know should still produce a readable price.
    return `${amount.toFixed(2)} ${code}`.trim()
  }
}

/**
 * Day and time for "valid until". Without the customer's zone we say UTC
 * explicitly rather than print the server's local time as if it were theirs.
 */
export function formatDateTime(date: Date, language: SupportedLanguage, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", hour: "numeric", minute: "2-digit" }
  const locale = pick(language, LOCALES)
  if (timeZone) {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(date)
    } catch {
      // Invalid zone name: fall through to UTC.
    }
  }
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC", timeZoneName: "short" }).format(date)
}

// ---------------------------------------------------------------------------
// Product lists, search and catalog

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

// ---------------------------------------------------------------------------
// Carts submitted from WhatsApp

export type CartSummary = {
  /** What ended up in the cart; `unit_price` in major units. */
  items: { title: string; quantity: number; unit_price: number; requested_quantity: number }[]
  subtotal: number
  total: number
  currency: string
  /** Items of the WhatsApp order that match no variant. */
  unknown_items: number
  /** `available` 0 = removed, > 0 = quantity reduced to it. */
  out_of_stock: { title: string; requested: number; available: number }[]
  /** `sent_price` is what WhatsApp showed, `price` what the cart charges. */
  price_changes: { title: string; sent_price: number; price: number }[]
  currency_mismatch: { sent: string; cart: string } | null
  expires_at: Date
}

export type CartTextOptions = {
  /** IANA zone for the expiry time (the customer's if known); UTC otherwise. */
  timeZone?: string
}

export function payButtonText(lang: SupportedLanguage): string {
  return pick(lang, { en: "Pay now", es: "Pagar ahora", pt: "Pagar agora" })
}

function cartNotes(lang: SupportedLanguage, summary: CartSummary): string[] {
  const notes: string[] = []
  const money = (amount: number, currency = summary.currency) => formatMoney(amount, currency, lang)
  const title = (t: string) => clip(oneLine(t), 60)

  const unknown = summary.unknown_items
  if (unknown > 0) {
    notes.push(
      unknown === 1
        ? pick(lang, {
            en: "1 item is no longer available in the store and wasn't added.",
            es: "1 artículo ya no está disponible en la tienda y no se ha añadido.",
            pt: "1 item não está mais disponível na loja e não foi adicionado.",
          })
        : pick(lang, {
            en: `${unknown} items are no longer available in the store and weren't added.`,
            es: `${unknown} artículos ya no están disponibles en la tienda y no se han añadido.`,
            pt: `${unknown} itens não estão mais disponíveis na loja e não foram adicionados.`,
          })
    )
  }
  for (const o of summary.out_of_stock.filter((o) => o.available <= 0)) {
    const t = title(o.title)
    notes.push(
      pick(lang, {
        en: `${t}: out of stock, so it wasn't added.`,
        es: `${t}: sin stock, no se ha añadido.`,
        pt: `${t}: sem estoque, não foi adicionado.`,
      })
    )
  }
  for (const o of summary.out_of_stock.filter((o) => o.available > 0)) {
    const t = title(o.title)
    const a = o.available
    const r = o.requested
    notes.push(
      pick(lang, {
        en: `${t}: only ${a} left, so you get ${a} instead of ${r}.`,
        es: `${t}: ${a === 1 ? "solo queda 1" : `solo quedan ${a}`}, así que te añadimos ${a} en vez de ${r}.`,
        pt: `${t}: ${a === 1 ? "só resta 1" : `só restam ${a}`}, então adicionamos ${a} em vez de ${r}.`,
      })
    )
  }
  // With a currency mismatch the prices WhatsApp showed were in the other currency.
  const sentCurrency = summary.currency_mismatch?.sent ?? summary.currency
  for (const p of summary.price_changes) {
    const t = title(p.title)
    const now = money(p.price)
    const was = money(p.sent_price, sentCurrency)
    notes.push(
      pick(lang, {
        en: `${t}: the price is now ${now} (was ${was}).`,
        es: `${t}: ahora cuesta ${now} (antes ${was}).`,
        pt: `${t}: agora custa ${now} (antes ${was}).`,
      })
    )
  }
  const mismatch = summary.currency_mismatch
  if (mismatch) {
    const sent = mismatch.sent.toUpperCase()
    const cart = mismatch.cart.toUpperCase()
    notes.push(
      pick(lang, {
        en: `Your order was in ${sent}, but the store's prices are in ${cart}.`,
        es: `Tu pedido venía en ${sent}, pero los precios de la tienda están en ${cart}.`,
        pt: `Seu pedido veio em ${sent}, mas os preços da loja estão em ${cart}.`,
      })
    )
  }
  return notes.map((n) => `• ${n}`)
}

function moreItemsLine(lang: SupportedLanguage, n: number): string {
  return n === 1
    ? pick(lang, { en: "… and 1 more item", es: "… y 1 artículo más", pt: "… e mais 1 item" })
    : pick(lang, { en: `… and ${n} more items`, es: `… y ${n} artículos más`, pt: `… e mais ${n} itens` })
}

function moreNotesLine(lang: SupportedLanguage, n: number): string {
  return n === 1
    ? pick(lang, { en: "… and 1 more note", es: "… y 1 aviso más", pt: "… e mais 1 aviso" })
    : pick(lang, { en: `… and ${n} more notes`, es: `… y ${n} avisos más`, pt: `… e mais ${n} avisos` })
}

export const moreLines = (lang: SupportedLanguage) => ({
  items: (n: number) => moreItemsLine(lang, n),
  notes: (n: number) => moreNotesLine(lang, n),
})

/**
 * Renders with as many item and note lines as fit in `max`, replacing the rest
 * with a "… and N more" line: whole lines go, never half a line. Items give way
 * first (the cart link shows them all), down to a few, then notes.
 */
export function fitLines(
  render: (items: string[], notes: string[]) => string,
  items: string[],
  notes: string[],
  more: { items: (n: number) => string; notes: (n: number) => string },
  max: number
): string {
  const KEEP = 3
  let shownItems = items.length
  let shownNotes = notes.length
  const build = () =>
    render(
      shownItems < items.length ? [...items.slice(0, shownItems), more.items(items.length - shownItems)] : items,
      shownNotes < notes.length ? [...notes.slice(0, shownNotes), more.notes(notes.length - shownNotes)] : notes
    )
  let text = build()
  while (length(text) > max) {
    if (shownItems > KEEP) {
      shownItems--
    } else if (shownNotes > KEEP) {
      shownNotes--
    } else if (shownItems > 0) {
      shownItems--
    } else if (shownNotes > 0) {
      shownNotes--
    } else {
      return clip(text, max)
    }
    text = build()
  }
  return text
}

/** Body of the "pay now" message after a WhatsApp cart is turned into a Medusa cart; ≤ 1024 characters. */
export function cartSummaryText(lang: SupportedLanguage, summary: CartSummary, options: CartTextOptions = {}): string {
  const money = (amount: number) => formatMoney(amount, summary.currency, lang)
  const itemLines = summary.items.map(
    (i) => `${i.quantity} × ${clip(oneLine(i.title), 80)} — ${money(i.unit_price * i.quantity)}`
  )
  const notes = cartNotes(lang, summary)
  const header = pick(lang, { en: "🛒 Your cart", es: "🛒 Tu carrito", pt: "🛒 Seu carrinho" })
  const notesHeader = pick(lang, { en: "Please note:", es: "Ten en cuenta:", pt: "Observações:" })
  const totals: string[] = []
  // Subtotal only adds information when shipping, taxes or discounts make it differ.
  if (Math.abs(summary.subtotal - summary.total) >= 0.005) {
    totals.push(`Subtotal: ${money(summary.subtotal)}`)
  }
  totals.push(`Total: ${money(summary.total)}`)
  const until = formatDateTime(summary.expires_at, lang, options.timeZone)
  totals.push(
    pick(lang, {
      en: `The link is valid until ${until}.`,
      es: `El enlace es válido hasta el ${until}.`,
      pt: `O link é válido até ${until}.`,
    })
  )

  const render = (items: string[], shownNotes: string[]) =>
    [
      [header, ...items].join("\n"),
      shownNotes.length ? [notesHeader, ...shownNotes].join("\n") : null,
      totals.join("\n"),
    ]
      .filter(Boolean)
      .join("\n\n")
  return fitLines(render, itemLines, notes, moreLines(lang), INTERACTIVE_BODY_MAX)
}

/** Sent instead of the summary when nothing could go into the cart; says why. */
export function emptyCartText(lang: SupportedLanguage, summary: CartSummary): string {
  const intro = pick(lang, {
    en: "Sorry, we couldn't add any of the items to your cart.",
    es: "Lo siento, no hemos podido añadir ninguno de los artículos a tu carrito.",
    pt: "Desculpe, não conseguimos adicionar nenhum dos itens ao seu carrinho.",
  })
  const outro = pick(lang, {
    en: "Type what you're looking for and I'll help you find it.",
    es: "Escribe lo que buscas y te ayudo a encontrarlo.",
    pt: "Digite o que você procura e eu te ajudo a encontrar.",
  })
  // Only the reasons an item stayed out; price changes and reduced quantities concern added items.
  const notes = cartNotes(lang, {
    ...summary,
    out_of_stock: summary.out_of_stock.filter((o) => o.available <= 0),
    price_changes: [],
  })
  const render = (_items: string[], shownNotes: string[]) =>
    [intro, shownNotes.join("\n"), outro].filter(Boolean).join("\n\n")
  return fitLines(render, [], notes, moreLines(lang), INTERACTIVE_BODY_MAX)
}
