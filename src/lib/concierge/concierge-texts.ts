import type { SupportedLanguage } from "../account-settings"
import { clip, formatMoney, oneLine, pick } from "../chat-format"
import { availabilityText, variantDisplayTitle } from "../product-texts"
import type { FaqTopic } from "./intents"
import type { OrderState } from "./order-state"

/** Chat texts of the concierge: welcome, thanks, handoff, order status and answers about a product's variants. */

export function welcomeText(lang: SupportedLanguage): string {
  return pick(lang, {
    en: "Hi! 👋 Welcome. Browse our catalog below, or type what you're looking for (e.g. “red t-shirt M”).",
    es: "¡Hola! 👋 Bienvenido/a. Mira nuestro catálogo aquí abajo o escribe lo que buscas (por ejemplo «camiseta roja M»).",
    pt: "Olá! 👋 Seja bem-vindo/a. Veja nosso catálogo abaixo ou digite o que você procura (por exemplo “camiseta vermelha M”).",
  })
}

export function thanksText(lang: SupportedLanguage): string {
  return pick(lang, {
    en: "You're welcome! 😊 If you need anything else, just write here.",
    es: "¡De nada! 😊 Si necesitas algo más, escríbenos por aquí.",
    pt: "De nada! 😊 Se precisar de mais alguma coisa, é só escrever aqui.",
  })
}

export function handoffText(lang: SupportedLanguage): string {
  return pick(lang, {
    en: "I've passed your message to our team: a person will answer you here shortly.",
    es: "He pasado tu mensaje a nuestro equipo: una persona te responderá por aquí en breve.",
    pt: "Passei sua mensagem para a nossa equipe: uma pessoa vai responder aqui em breve.",
  })
}

const STATE_WORDS: Record<OrderState, Record<SupportedLanguage, string>> = {
  canceled: { en: "has been canceled", es: "está cancelado", pt: "foi cancelado" },
  delivered: { en: "has been delivered", es: "ya está entregado", pt: "já foi entregue" },
  shipped: { en: "is on its way", es: "ya está en camino", pt: "já está a caminho" },
  paid: { en: "is paid and being prepared for shipping", es: "está pagado y lo estamos preparando para el envío", pt: "está pago e estamos preparando o envio" },
  awaiting_payment: { en: "is waiting for the payment", es: "está pendiente de pago", pt: "está aguardando o pagamento" },
}

export function orderStatusText(lang: SupportedLanguage, order: { display_id: number | string; state: OrderState; total?: number | null; currency?: string | null }): string {
  const total = order.total !== null && order.total !== undefined && order.currency ? ` (${formatMoney(order.total, order.currency, lang)})` : ""
  const state = pick(lang, STATE_WORDS[order.state])
  return pick(lang, {
    en: `Your latest order #${order.display_id}${total} ${state}.`,
    es: `Tu último pedido #${order.display_id}${total} ${state}.`,
    pt: `Seu último pedido #${order.display_id}${total} ${state}.`,
  })
}

export function noOrderText(lang: SupportedLanguage): string {
  return pick(lang, {
    en: "I can't find an order from this WhatsApp number yet. If you ordered another way, tell us and a person will help you.",
    es: "Aún no encuentro ningún pedido de este número de WhatsApp. Si lo hiciste por otra vía, dínoslo y una persona te ayudará.",
    pt: "Ainda não encontrei nenhum pedido deste número de WhatsApp. Se você comprou por outro canal, avise e uma pessoa vai ajudar.",
  })
}

/** The FAQ topic's name, for the admin and for a question no answer was written for. */
export function faqTopicName(lang: SupportedLanguage, topic: FaqTopic): string {
  const names: Record<FaqTopic, Record<SupportedLanguage, string>> = {
    shipping: { en: "shipping", es: "envíos", pt: "entregas" },
    returns: { en: "returns", es: "devoluciones", pt: "trocas e devoluções" },
    payment: { en: "payment methods", es: "formas de pago", pt: "formas de pagamento" },
    hours: { en: "opening hours", es: "horario", pt: "horário de atendimento" },
  }
  return pick(lang, names[topic])
}

export type VariantAnswer = { product_title: string; variant_title: string | null; amount: number | null; currency: string | null; available: number | null }

/** "Yes: Camiseta Básica – L / Rojo, 19,90 €. En stock." — from Medusa's price and stock of that variant. */
export function variantAnswerText(lang: SupportedLanguage, v: VariantAnswer): string {
  const name = variantDisplayTitle(clip(oneLine(v.product_title), 300), clip(oneLine(v.variant_title ?? ""), 200), " – ")
  const price = v.amount !== null && v.currency ? `, ${formatMoney(v.amount, v.currency, lang)}` : ""
  const soldOut = v.available !== null && v.available <= 0
  const lead = soldOut ? pick(lang, { en: "We have it, but", es: "La tenemos, pero", pt: "Temos, mas" }) : pick(lang, { en: "Yes!", es: "¡Sí!", pt: "Sim!" })
  const stock = availabilityText(lang, v.available)
  return soldOut ? `${lead} ${name}${price}: ${stock.toLowerCase()}.` : `${lead} ${name}${price}. ${stock}.`
}

/** "No la tenemos en L." followed by the card of what there is. */
export function missingVariantText(lang: SupportedLanguage, missing: string[]): string {
  const asked = missing.join(" / ")
  return pick(lang, {
    en: `Sorry, we don't have it in ${asked}.`,
    es: `Lo siento, no la tenemos en ${asked}.`,
    pt: `Desculpe, não temos em ${asked}.`,
  })
}
