import type { SupportedLanguage } from "../../lib/account-settings"
import type { ConciergeIntent, FaqTopic } from "../../lib/concierge/intents"
import type { AdminWhatsAppSearchResponse } from "./stats"

/** One FAQ answer of an account (GET/POST /admin/whatsapp/accounts/:id/faq). */
export type AdminWhatsAppFaqAnswer = { topic: FaqTopic; language: SupportedLanguage; answer: string; updated_at: string | Date }
export type AdminWhatsAppFaqResponse = { faq_answers: AdminWhatsAppFaqAnswer[] }

/** POST /admin/whatsapp/accounts/:id/concierge/try: how a customer's text would be understood. */
export type AdminWhatsAppConciergeTryResponse = {
  /** Detected from this text alone; null when it does not say (too short, a product name). */
  detected_language: SupportedLanguage | null
  /** The language the answer would be in: the detected one, else the account's. */
  reply_language: SupportedLanguage
  intent: ConciergeIntent["kind"]
  faq_topic: FaqTopic | null
  /** The merchant's answer that would be sent, for an FAQ question. */
  faq_answer: string | null
  /** What a product query searched for and found; null when the text is not a product query. */
  search: (Pick<AdminWhatsAppSearchResponse, "understood" | "matches"> & { query: string }) | null
}
