import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { SupportedLanguage } from "../../../../../../../lib/account-settings"
import { classifyIntent } from "../../../../../../../lib/concierge/intents"
import { detectLanguage } from "../../../../../../../lib/language"
import { WHATSAPP_MODULE } from "../../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../../modules/whatsapp/service"
import { findFaqAnswer } from "../../../../../../../workflows/selling/concierge/faq-answer"
import { searchWhatsAppProducts } from "../../../../../../../workflows/selling/search-products"
import type { AdminTryConciergeType } from "./validators"
import type { AdminWhatsAppConciergeTryResponse } from "../../../../../../../types/http"

/**
 * How the concierge would understand a customer's text on this account:
 * the language, the intent (and FAQ topic with the answer it would send),
 * and for a product query what the search reads and finds. Sends nothing.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminTryConciergeType>, res: MedusaResponse<AdminWhatsAppConciergeTryResponse>) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const account = await whatsapp.retrieveWhatsappAccount(req.params.id)
  const { text } = req.validatedBody
  const detected = detectLanguage(text)
  const replyLanguage = (detected ?? account.language) as SupportedLanguage
  const intent = classifyIntent(text)
  const topic = intent.kind === "faq" ? intent.topic : null
  const faq = topic ? await findFaqAnswer(req.scope, { account_id: account.id, topic, languages: [replyLanguage, account.language as SupportedLanguage] }) : null
  let search: AdminWhatsAppConciergeTryResponse["search"] = null
  if (intent.kind === "search") {
    const limit = whatsapp.getOptions().searchResultLimit
    const found = await searchWhatsAppProducts(req.scope, { sales_channel_id: account.sales_channel_id, text: intent.query, limit })
    search = { query: intent.query, understood: found.query, matches: found.matches }
  }
  res.json({ detected_language: detected, reply_language: replyLanguage, intent: intent.kind, faq_topic: topic, faq_answer: faq?.answer ?? null, search })
}
