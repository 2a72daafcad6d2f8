import type { SupportedLanguage } from "../account-settings"

/**
 * The two message templates the store sends outside the 24-hour window, in
 * the shape Meta's Message Templates API creates them (Template fundamentals:
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/overview):
 * the cart reminder (body {{1}} name, {{2}} cart total, a URL button whose
 * {{1}} is the checkout link's suffix) and the order update (body {{1}} order
 * number, {{2}} what happened). Variables sit inside sentences (Meta refuses
 * them at the start or end of a body) and each has an example for review.
 */
export type StarterTemplateUse = "recovery" | "order_update"

export type StarterTemplate = {
  use: StarterTemplateUse
  name: string
  /** Meta's template language code. */
  language: string
  category: "MARKETING" | "UTILITY"
  components: Record<string, unknown>[]
}

/** Meta's template language codes for the store's languages (Brazilian Portuguese for pt). */
export const TEMPLATE_LANGUAGE: Record<SupportedLanguage, string> = { es: "es", pt: "pt_BR", en: "en" }

const TEXTS: Record<SupportedLanguage, { reminder: string; pay: string; reminderExample: string[]; update: string; updateExample: string[] }> = {
  es: {
    reminder: "Hola {{1}}, tu carrito de {{2}} sigue esperándote. Puedes terminar la compra cuando quieras.",
    pay: "Pagar",
    reminderExample: ["María", "49,90 €"],
    update: "Tu pedido {{1}}: {{2}}. Gracias por comprar con nosotros.",
    updateExample: ["#1024", "ha sido enviado"],
  },
  pt: {
    reminder: "Olá {{1}}, seu carrinho de {{2}} continua esperando por você. Finalize a compra quando quiser.",
    pay: "Pagar",
    reminderExample: ["Ana", "R$ 149,90"],
    update: "Seu pedido {{1}}: {{2}}. Obrigado por comprar conosco.",
    updateExample: ["#1024", "foi enviado"],
  },
  en: {
    reminder: "Hi {{1}}, your {{2}} cart is still waiting for you. You can complete your purchase whenever you like.",
    pay: "Pay now",
    reminderExample: ["Emma", "$49.90"],
    update: "Your order {{1}}: {{2}}. Thank you for shopping with us.",
    updateExample: ["#1024", "it has shipped"],
  },
}

export const STARTER_TEMPLATE_NAMES: Record<StarterTemplateUse, string> = { recovery: "cart_reminder", order_update: "order_update" }

export function starterTemplates(language: SupportedLanguage, checkoutButton: { url: string; example: string }): StarterTemplate[] {
  const t = TEXTS[language]
  const code = TEMPLATE_LANGUAGE[language]
  return [
    {
      use: "recovery",
      name: STARTER_TEMPLATE_NAMES.recovery,
      language: code,
      // A reminder to buy is marketing in Meta's categories.
      category: "MARKETING",
      components: [
        { type: "BODY", text: t.reminder, example: { body_text: [t.reminderExample] } },
        { type: "BUTTONS", buttons: [{ type: "URL", text: t.pay, url: checkoutButton.url, example: [checkoutButton.example] }] },
      ],
    },
    {
      use: "order_update",
      name: STARTER_TEMPLATE_NAMES.order_update,
      language: code,
      category: "UTILITY",
      components: [{ type: "BODY", text: t.update, example: { body_text: [t.updateExample] } }],
    },
  ]
}
