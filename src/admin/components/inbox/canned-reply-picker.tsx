import { Select, Text } from "@medusajs/ui"
import { useState } from "react"
import { useCannedReplies, useRenderCannedReply } from "../../hooks/team-inbox"

const NONE = "none"

/** Inserts a saved reply into the composer, its variables filled for this conversation by the server. */
export const CannedReplyPicker = ({ conversationId, disabled, onInsert }: { conversationId: string; disabled: boolean; onInsert: (text: string) => void }) => {
  const replies = useCannedReplies()
  const render = useRenderCannedReply(conversationId)
  const [missing, setMissing] = useState<string[]>([])
  const list = replies.data?.canned_replies ?? []
  if (!list.length) return null
  return (
    <div className="flex items-center gap-2">
      <div className="w-48">
        <Select
          size="small"
          value={NONE}
          disabled={disabled || render.isPending}
          onValueChange={(id) =>
            id !== NONE &&
            render.mutate(id, {
              onSuccess: (result) => {
                setMissing(result.missing)
                onInsert(result.text)
              },
            })
          }
        >
          <Select.Trigger data-testid="canned-reply-select" aria-label="Insert a canned reply">
            <Select.Value placeholder="Canned reply" />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={NONE}>Canned reply…</Select.Item>
            {list.map((reply) => (
              <Select.Item key={reply.id} value={reply.id}>
                {reply.title}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      {missing.length > 0 && (
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="canned-reply-missing">
          No value for {missing.map((m) => `{{${m}}}`).join(", ")}: check the text before sending.
        </Text>
      )}
    </div>
  )
}
