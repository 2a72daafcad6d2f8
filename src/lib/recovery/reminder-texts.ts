import type { SupportedLanguage } from "../account-settings"
import { clip, formatMoney, oneLine, pick } from "../chat-format"
import { fitLines, moreLines } from "../cart-texts"

export type ReminderCart = {
  currency: string
  total: number
  items: { title: string; quantity: number; total: number }[]
}

const BODY_MAX = 1024

/** The reminder inside the 24-hour window: what is in the cart and its total. */
export function reminderText(lang: SupportedLanguage, name: string | null, cart: ReminderCart): string {
  const money = (amount: number) => formatMoney(amount, cart.currency, lang)
  const who = name ? ` ${clip(oneLine(name), 40)}` : ""
  const intro = pick(lang, {
    en: `Hi${who}, your cart is still waiting for you 🛒`,
    es: `Hola${who}, tu carrito te sigue esperando 🛒`,
    pt: `Olá${who}, seu carrinho ainda está esperando por você 🛒`,
  })
  const lines = cart.items.map((i) => `${i.quantity} × ${clip(oneLine(i.title), 80)} — ${money(i.total)}`)
  const outro = pick(lang, {
    en: `Total: ${money(cart.total)}\nYou can finish your purchase with this link.`,
    es: `Total: ${money(cart.total)}\nPuedes terminar tu compra con este enlace.`,
    pt: `Total: ${money(cart.total)}\nVocê pode finalizar sua compra com este link.`,
  })
  return fitLines((items) => [intro, items.join("\n"), outro].filter(Boolean).join("\n\n"), lines, [], moreLines(lang), BODY_MAX)
}

export function reminderButtonText(lang: SupportedLanguage): string {
  return pick(lang, { en: "Complete purchase", es: "Finalizar compra", pt: "Finalizar compra" })
}

/** Footer (≤ 60 characters): how to stop reminders, with a word the opt-out keywords accept. */
export function reminderFooter(lang: SupportedLanguage, optOutKeywords: readonly string[]): string {
  const preferred = pick(lang, { en: "STOP", es: "BAJA", pt: "SAIR" })
  const word = clip(oneLine(optOutKeywords.includes(preferred) ? preferred : optOutKeywords[0] ?? "STOP"), 20)
  return pick(lang, {
    en: `Reply ${word} to stop these messages`,
    es: `Responde ${word} para no recibir más`,
    pt: `Responda ${word} para não receber mais`,
  })
}

/** Template parameter when the customer's name is unknown (Meta rejects empty parameters). */
export function anonymousCustomerName(lang: SupportedLanguage): string {
  return pick(lang, { en: "there", es: "cliente", pt: "cliente" })
}
