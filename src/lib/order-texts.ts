import type { SupportedLanguage } from "./account-settings"
import { clip, formatMoney, oneLine, pick } from "./chat-format"
import { fitLines, moreLines } from "./cart-texts"

/** Chat texts after checkout: the confirmation, the payment receipt, a fresh link after a failed payment. */

export type OrderSummary = {
  display_id: number | string
  currency: string
  items: { title: string; quantity: number; total: number }[]
  shipping_total: number
  tax_total: number
  total: number
  /** Manual payment (transfer, cash on delivery): the order waits for the money. */
  awaiting_payment: boolean
}

const MAX = 1024

export function orderConfirmationText(lang: SupportedLanguage, order: OrderSummary): string {
  const money = (amount: number) => formatMoney(amount, order.currency, lang)
  const n = order.display_id
  const header = order.awaiting_payment
    ? pick(lang, {
        en: `✅ Order #${n} placed. We'll ship it once the payment arrives.`,
        es: `✅ Pedido #${n} realizado. Lo enviaremos en cuanto recibamos el pago.`,
        pt: `✅ Pedido #${n} feito. Enviaremos assim que recebermos o pagamento.`,
      })
    : pick(lang, {
        en: `✅ Payment received: order #${n} is confirmed.`,
        es: `✅ Pago recibido: tu pedido #${n} está confirmado.`,
        pt: `✅ Pagamento recebido: seu pedido #${n} está confirmado.`,
      })
  const lines = order.items.map((i) => `${i.quantity} × ${clip(oneLine(i.title), 80)} — ${money(i.total)}`)
  const totals = [
    ...(order.shipping_total > 0 ? [`${pick(lang, { en: "Shipping", es: "Envío", pt: "Frete" })}: ${money(order.shipping_total)}`] : []),
    ...(order.tax_total > 0 ? [`${pick(lang, { en: "Taxes", es: "Impuestos", pt: "Impostos" })}: ${money(order.tax_total)}`] : []),
    `Total: ${money(order.total)}`,
  ]
  const outro = pick(lang, {
    en: "We'll message you here when it ships.",
    es: "Te escribiremos por aquí cuando salga.",
    pt: "Avisaremos por aqui quando for enviado.",
  })
  return fitLines((items) => [header, items.join("\n"), totals.join("\n"), outro].filter(Boolean).join("\n\n"), lines, [], moreLines(lang), MAX)
}

/** Order on submit: what goes under the confirmation when its button leads to the delivery-details page. */
export function deliveryLinkPrompt(lang: SupportedLanguage): string {
  return pick(lang, {
    en: "Tap the button to tell us where to deliver it.",
    es: "Pulsa el botón para indicarnos dónde entregarlo.",
    pt: "Toque no botão para nos dizer onde entregar.",
  })
}

export function deliveryButtonText(lang: SupportedLanguage): string {
  return pick(lang, { en: "Delivery details", es: "Datos de entrega", pt: "Dados de entrega" })
}

/** After the customer saved the delivery details: where the order goes (the lines as saved on Medusa's order). */
export function deliveryDetailsSavedText(lang: SupportedLanguage, displayId: number | string, addressLines: string[]): string {
  const header = pick(lang, {
    en: `📦 Thank you! We'll deliver order #${displayId} to:`,
    es: `📦 ¡Gracias! Enviaremos el pedido #${displayId} a:`,
    pt: `📦 Obrigado! Entregaremos o pedido #${displayId} em:`,
  })
  const outro = pick(lang, {
    en: "You can change it with the same link until the order ships.",
    es: "Puedes cambiarla con el mismo enlace hasta que salga el pedido.",
    pt: "Você pode alterá-lo com o mesmo link até o pedido ser enviado.",
  })
  return clip([header, addressLines.map((l) => clip(oneLine(l), 200)).join("\n"), outro].join("\n\n"), MAX)
}

export function paymentReceivedText(lang: SupportedLanguage, displayId: number | string): string {
  return pick(lang, {
    en: `✅ We've received the payment for order #${displayId}. Thank you!`,
    es: `✅ Hemos recibido el pago del pedido #${displayId}. ¡Gracias!`,
    pt: `✅ Recebemos o pagamento do pedido #${displayId}. Obrigado!`,
  })
}

export function paymentRetryText(lang: SupportedLanguage, reason: "failed" | "expired"): string {
  const first =
    reason === "failed"
      ? pick(lang, {
          en: "Your payment didn't go through and nothing was charged.",
          es: "Tu pago no se ha completado y no se ha cobrado nada.",
          pt: "Seu pagamento não foi concluído e nada foi cobrado.",
        })
      : pick(lang, {
          en: "Your payment page expired before the payment was made.",
          es: "La página de pago caducó antes de completar el pago.",
          pt: "A página de pagamento expirou antes do pagamento.",
        })
  const second = pick(lang, {
    en: "Your cart is saved: you can try again with this link.",
    es: "Tu carrito sigue guardado: puedes intentarlo de nuevo con este enlace.",
    pt: "Seu carrinho continua salvo: você pode tentar de novo com este link.",
  })
  return `${first}\n${second}`
}

export function retryButtonText(lang: SupportedLanguage): string {
  return pick(lang, { en: "Try again", es: "Reintentar", pt: "Tentar de novo" })
}

export type OrderUpdateKind = "placed" | "paid" | "shipped" | "canceled"
export type Tracking = { number: string; url?: string | null }

/** The chat message for an order update after it was placed (that one is `orderConfirmationText`). */
export function orderUpdateText(lang: SupportedLanguage, kind: Exclude<OrderUpdateKind, "placed">, displayId: number | string, tracking: Tracking[] = []): string {
  if (kind === "paid") {
    return paymentReceivedText(lang, displayId)
  }
  if (kind === "canceled") {
    return pick(lang, {
      en: `Your order #${displayId} has been cancelled. Reply here if you have any questions.`,
      es: `Tu pedido #${displayId} ha sido cancelado. Responde aquí si tienes cualquier duda.`,
      pt: `Seu pedido #${displayId} foi cancelado. Responda aqui se tiver alguma dúvida.`,
    })
  }
  const intro = pick(lang, {
    en: `📦 Your order #${displayId} is on its way!`,
    es: `📦 ¡Tu pedido #${displayId} está en camino!`,
    pt: `📦 Seu pedido #${displayId} está a caminho!`,
  })
  const label = pick(lang, { en: "Tracking", es: "Seguimiento", pt: "Rastreio" })
  const lines = tracking.map((t) => `${label}: ${clip(oneLine(t.number), 80)}${t.url ? `\n${t.url}` : ""}`)
  return clip([intro, ...lines].join("\n"), MAX)
}

/** The `{{2}}` of the order-update template: what happened, in a few words (template parameters are short). */
export function orderUpdateSummary(lang: SupportedLanguage, kind: OrderUpdateKind, tracking: Tracking[] = []): string {
  const numbers = tracking.map((t) => oneLine(t.number)).join(", ")
  const text =
    kind === "placed"
      ? pick(lang, { en: "confirmed", es: "confirmado", pt: "confirmado" })
      : kind === "paid"
        ? pick(lang, { en: "payment received", es: "pago recibido", pt: "pagamento recebido" })
      : kind === "canceled"
        ? pick(lang, { en: "cancelled", es: "cancelado", pt: "cancelado" })
        : numbers
          ? pick(lang, { en: `shipped, tracking ${numbers}`, es: `enviado, seguimiento ${numbers}`, pt: `enviado, rastreio ${numbers}` })
          : pick(lang, { en: "shipped", es: "enviado", pt: "enviado" })
  return clip(text, 200)
}
