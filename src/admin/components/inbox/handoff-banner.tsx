import { Button, Text } from "@medusajs/ui"
import { useResumeAutoReplies } from "../../hooks/conversations"
import type { AdminWhatsAppConversation as Conversation } from "../../../types/http"
import { shortTime } from "./inbox-format"

const REASONS: Record<NonNullable<Conversation["handoff_reason"]>, string> = {
  requested: "the customer asked for a person",
  search_misses: "several searches in a row found nothing",
  faq_unanswered: "a question has no FAQ answer written",
  product_question: "a product question the concierge cannot answer",
  address_needed: "an order placed on submit needs the delivery address (enter it on the order)",
}

/** A conversation handed off to a person: why, since when, and the button that gives it back to the automatic replies. */
export const HandoffBanner = ({ conversation }: { conversation: Conversation }) => {
  const resume = useResumeAutoReplies()
  if (!conversation.handoff_at) return null
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 bg-ui-bg-subtle px-6 py-3" data-testid="handoff-banner">
      <Text size="small">
        <span className="font-medium">Needs a person</span> since {shortTime(conversation.handoff_at)}
        {conversation.handoff_reason ? `: ${REASONS[conversation.handoff_reason]}` : ""}. Automatic replies are paused for this customer.
      </Text>
      <Button size="small" variant="secondary" isLoading={resume.isPending} onClick={() => resume.mutate(conversation.id)} data-testid="resume-auto-replies">
        Resume automatic replies
      </Button>
    </div>
  )
}
