import type { AdminNotice } from "../steps/notify-admin"

export type HandoffReason = "requested" | "search_misses" | "faq_unanswered" | "product_question"

/** What an answer changes on the conversation: its run of missed searches, and a handoff to a person. */
export type ConciergeOutcome = {
  conversation_id: string
  /** The new count of consecutive searches with no result; null leaves it. */
  search_misses: number | null
  handoff_reason: HandoffReason | null
}

const REASONS: Record<HandoffReason, string> = {
  requested: "asked for a person",
  search_misses: "searched several times and found nothing",
  faq_unanswered: "asked a question with no FAQ answer written",
  product_question: "asked a product question the concierge cannot answer",
}

/** The admin feed entry for a handoff; names the customer by profile name only (no phone in notices). */
export function handoffNotice(outcome: ConciergeOutcome, customerName: string | null): AdminNotice {
  if (!outcome.handoff_reason) return null
  return {
    title: "WhatsApp: a customer needs a person",
    description: `${customerName || "A customer"} ${REASONS[outcome.handoff_reason]}. Automatic replies are paused for this conversation until you resume them in the inbox.`,
    resource_type: "whatsapp_conversation",
    resource_id: outcome.conversation_id,
  }
}
