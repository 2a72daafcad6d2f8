import type { MedusaContainer } from "@medusajs/framework/types"
import type { OutboundMessage } from "../../../lib/graph-api/types"
import type { ConciergeIntent } from "../../../lib/concierge/intents"
import { handoffText, noOrderText, orderStatusText, thanksText, welcomeText } from "../../../lib/concierge/concierge-texts"
import { catalogMessage } from "../../../lib/products/product-messages"
import { LIMITS } from "../../../lib/outbound/limits"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { InboundContext } from "../../../modules/whatsapp/types"
import { findFaqAnswer } from "./faq-answer"
import { latestCustomerOrder } from "./latest-order"
import type { HandoffReason } from "./outcome"

export type IntentAnswer = { reply: OutboundMessage[]; handoff_reason: HandoffReason | null }

const text = (body: string): OutboundMessage => ({ type: "text", text: { body: body.slice(0, LIMITS.textBody) } })

/** The handoff: the customer is told a person will answer; the caller records it and notifies admins. */
export function handoffAnswer(ctx: InboundContext, reason: HandoffReason, before: OutboundMessage[] = []): IntentAnswer {
  return { reply: [...before, text(handoffText(ctx.language))], handoff_reason: reason }
}

/** The merchant's FAQ answer for a topic, or a handoff when none was written. */
export async function faqAnswer(container: MedusaContainer, ctx: InboundContext, topic: Parameters<typeof findFaqAnswer>[1]["topic"]): Promise<IntentAnswer> {
  const found = await findFaqAnswer(container, { account_id: ctx.account.id, topic, languages: [ctx.language, ctx.account.language] })
  return found ? { reply: [text(found.answer)], handoff_reason: null } : handoffAnswer(ctx, "faq_unanswered")
}

/** Answers a greeting, thanks, FAQ question, order-status question or request for a person, in the customer's language. */
export async function answerIntent(container: MedusaContainer, ctx: InboundContext, intent: Exclude<ConciergeIntent, { kind: "search" | "empty" }>): Promise<IntentAnswer> {
  const lang = ctx.language
  switch (intent.kind) {
    case "greeting": {
      // The catalog button when there is a catalog with something in it; otherwise the welcome alone.
      const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
      const thumbnail = ctx.account.catalog_id ? await whatsapp.firstSyncedRetailerId(ctx.account.catalog_id) : null
      const reply = thumbnail
        ? catalogMessage({ language: lang, body: welcomeText(lang), thumbnailRetailerId: thumbnail })
        : text(welcomeText(lang))
      return { reply: [reply], handoff_reason: null }
    }
    case "thanks":
      return { reply: [text(thanksText(lang))], handoff_reason: null }
    case "faq":
      return faqAnswer(container, ctx, intent.topic)
    case "order_status": {
      const order = await latestCustomerOrder(container, { conversation_id: ctx.conversation_id, customer_id: ctx.conversation.customer_id })
      return { reply: [text(order ? orderStatusText(lang, order) : noOrderText(lang))], handoff_reason: null }
    }
    case "human":
      return handoffAnswer(ctx, "requested")
  }
}
