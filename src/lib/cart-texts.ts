import type { SupportedLanguage } from "./account-settings"
import { pick, INTERACTIVE_BODY_MAX, length, clip, oneLine, formatMoney, formatDateTime } from "./chat-format"

/** Chat texts about carts submitted from WhatsApp: the summary with its notes and the pay button. */

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
  /** Order on submit: the order is being placed (cash on delivery), there is no link to follow. */
  orderNow?: boolean
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
    options.orderNow
      ? pick(lang, {
          en: "We're placing your order now, to pay on delivery; the confirmation follows.",
          es: "Estamos creando tu pedido, con pago contra entrega; enseguida te llega la confirmación.",
          pt: "Estamos criando seu pedido, com pagamento na entrega; a confirmação chega em seguida.",
        })
      : pick(lang, {
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

/** Sent instead of a cart when the order comes from a catalog that is not this number's: nothing can be sold from it here. */
export function foreignCatalogText(lang: SupportedLanguage): string {
  return pick(lang, {
    en: "Sorry, this cart comes from a catalog we don't sell from on this number, so we can't take it. Please open our catalog from this chat and add the items again.",
    es: "Lo siento, este carrito viene de un catálogo que no vendemos en este número, así que no podemos aceptarlo. Abre nuestro catálogo desde este chat y vuelve a añadir los artículos.",
    pt: "Desculpe, este carrinho vem de um catálogo que não vendemos neste número, então não podemos aceitá-lo. Abra nosso catálogo por este chat e adicione os itens novamente.",
  })
}

/** Order on submit, when the order has no street address and the account asks for it in the chat. */
export function addressRequestText(lang: SupportedLanguage): string {
  return pick(lang, {
    en: "To deliver your order we need your address: please reply with street and number, postal code and city.",
    es: "Para enviarte el pedido necesitamos tu dirección: respóndenos con calle y número, código postal y ciudad.",
    pt: "Para entregar seu pedido precisamos do seu endereço: responda com rua e número, CEP e cidade.",
  })
}
