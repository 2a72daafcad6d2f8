import type { MedusaContainer } from "@medusajs/framework/types"
import type { SupportedLanguage } from "../../../lib/account-settings"
import type { FaqTopic } from "../../../lib/concierge/intents"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

/**
 * The merchant's answer to a topic in the customer's language, else in the
 * account's language (an answer in the shop's own language beats none);
 * null when the merchant wrote neither.
 */
export async function findFaqAnswer(
  container: MedusaContainer,
  input: { account_id: string; topic: FaqTopic; languages: SupportedLanguage[] }
): Promise<{ language: SupportedLanguage; answer: string } | null> {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const languages = [...new Set(input.languages)]
  const rows = await whatsapp.listWhatsappFaqAnswers({ account_id: input.account_id, topic: input.topic, language: languages })
  for (const language of languages) {
    const row = rows.find((r) => r.language === language && r.answer.trim())
    if (row) return { language, answer: row.answer }
  }
  return null
}
