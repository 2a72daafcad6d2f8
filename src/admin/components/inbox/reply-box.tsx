import { Button, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import type { AdminWhatsAppConversation as Conversation } from "../../../types/http"
import { useSendReply } from "../../hooks/conversations"
import { TemplatePicker } from "./template-picker"
import { AttachFileButton } from "./attach-file-button"
import { CannedReplyPicker } from "./canned-reply-picker"

export const WINDOW_CLOSED_TEXT =
  "The customer last wrote more than 24 hours ago; WhatsApp only allows approved templates now."
export const OPTED_OUT_TEXT =
  "The customer opted out of WhatsApp messages. Nothing can be sent until they write START to opt back in."

/** Meta's text limit: the API refuses longer bodies, so stop the merchant here. */
const MAX_TEXT = 4096

type Props = { conversation: Conversation; windowOpen: boolean }

export const ReplyBox = ({ conversation, windowOpen }: Props) => {
  const [text, setText] = useState("")
  const send = useSendReply(conversation.id)
  const blockedReason = conversation.opted_out ? OPTED_OUT_TEXT : !windowOpen ? WINDOW_CLOSED_TEXT : null
  const canSend = !blockedReason && text.trim().length > 0 && text.length <= MAX_TEXT && !send.isPending

  const submit = () => {
    if (!canSend) return
    send.mutate({ text: text.trim() }, { onSuccess: () => setText("") })
  }

  return (
    <div className="flex flex-col gap-3 px-6 py-4" data-testid="reply-box">
      {blockedReason && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="reply-disabled-reason">
          {blockedReason}
        </Text>
      )}
      <CannedReplyPicker conversationId={conversation.id} disabled={!!blockedReason} onInsert={(filled) => setText((current) => (current.trim() ? `${current.trimEnd()} ${filled}` : filled))} />
      <div className="flex items-end gap-2">
        <AttachFileButton conversationId={conversation.id} caption={text} disabled={!!blockedReason} onSent={() => setText("")} />
        <Textarea
          className="min-h-[64px] flex-1"
          placeholder={blockedReason ? "Free-form replies are unavailable" : "Write a reply…"}
          value={text}
          disabled={!!blockedReason}
          onChange={(e) => setText(e.target.value)}
          // Enter sends, Shift+Enter adds a line: the chat-app habit.
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault()
              submit()
            }
          }}
          data-testid="reply-input"
        />
        <Button onClick={submit} disabled={!canSend} isLoading={send.isPending} data-testid="reply-send">
          Send
        </Button>
      </div>
      {text.length > MAX_TEXT && (
        <Text size="xsmall" className="text-ui-fg-error">
          {text.length}/{MAX_TEXT} characters: WhatsApp refuses longer texts.
        </Text>
      )}
      {!conversation.opted_out && !windowOpen && (
        <TemplatePicker conversationId={conversation.id} accountId={conversation.account_id} />
      )}
    </div>
  )
}
