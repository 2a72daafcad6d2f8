import { Badge, Text, Tooltip } from "@medusajs/ui"
import type { AdminWhatsAppMessage as Message, AdminWhatsAppReferral as Referral } from "../../../types/http"
import { fullTime } from "./inbox-format"

/** "From ad: <headline>", linking to the ad or post the customer tapped. */
export const AdBadge = ({ referral, testId = "ad-badge" }: { referral: Referral; testId?: string }) => {
  const label = `From ${referral.source_type === "post" ? "post" : "ad"}: ${referral.headline ?? referral.source_id ?? "unknown"}`
  return (
    <Badge size="2xsmall" color="purple" data-testid={testId} title={referral.body ?? undefined}>
      {referral.source_url ? (
        <a href={referral.source_url} target="_blank" rel="noreferrer noopener" className="underline">
          {label}
        </a>
      ) : (
        label
      )}
    </Badge>
  )
}

const ACTION_LABELS: Record<string, string> = {
  edit: "Edit of a message not received yet",
  revoke: "Deletion of a message not received yet",
  reaction: "Reaction to a message not received yet",
}

/** Edits, deletions and reactions are shown on their message; one listed alone still waits for it. */
export const pendingActionLabel = (message: Message) => (message.target_wamid ? ACTION_LABELS[message.type] ?? null : null)

/** Above the text: the ad it came from, forwarding, and the message it quotes. */
export const MessageContextHeader = ({ message }: { message: Message }) => (
  <>
    {message.referral && <div className="mb-1"><AdBadge referral={message.referral} testId="message-ad-badge" /></div>}
    {message.forwarded && (
      <Text size="xsmall" className="italic text-ui-fg-muted" data-testid="message-forwarded">
        {message.frequently_forwarded ? "Forwarded many times" : "Forwarded"}
      </Text>
    )}
    {message.reply_to && (
      <div className="border-ui-border-interactive mb-1 border-l-2 pl-2" data-testid="message-quote">
        <Text size="xsmall" className="text-ui-fg-muted">
          {message.reply_to.direction === "outbound" ? "You" : "Customer"}
        </Text>
        <Text size="xsmall" className="line-clamp-2 text-ui-fg-subtle">
          {message.reply_to.revoked ? "This message was deleted" : message.reply_to.text ?? message.reply_to.type}
        </Text>
      </div>
    )}
    {message.revoked && (
      <Text size="small" className="italic text-ui-fg-muted" data-testid="message-revoked">
        This message was deleted
      </Text>
    )}
  </>
)

/** Beside the time: "Edited" (its earlier texts on hover). */
export const EditedMark = ({ message }: { message: Message }) =>
  message.edited_at && !message.revoked ? (
    <Tooltip content={(message.edits ?? []).map((e) => `${fullTime(e.at)}: ${e.text ?? ""}`).join("\n") || "Edited"}>
      <Text size="xsmall" className="text-ui-fg-muted" data-testid="message-edited">Edited</Text>
    </Tooltip>
  ) : null

/** The customer's reaction, under the bubble. */
export const ReactionChip = ({ message }: { message: Message }) =>
  message.reaction_emoji ? (
    <span className="bg-ui-bg-base shadow-borders-base -mt-2 self-start rounded-full px-1.5 text-sm" data-testid="message-reaction">
      {message.reaction_emoji}
    </span>
  ) : null
