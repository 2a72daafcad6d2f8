import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * The inbox's list leaves out edits, revokes and reactions once applied
 * (they show on the message they changed); one still waiting for its
 * target stays visible.
 */
export const listedMessagesFilter = (conversationId: string) => ({
  conversation_id: conversationId,
  $or: [{ target_wamid: null }, { applied_at: null }],
})

type Listed = { id: string; text: string | null; payload: unknown; edits?: unknown; revoked_at?: unknown; reply_to_message_id?: string | null }

/**
 * A revoked message keeps its text only for the audit route: the list shows
 * that it was deleted, not what it said. A reply carries the message it
 * quotes (a revoked one quoted without its text).
 */
export async function presentMessages<T extends Listed>(scope: MedusaContainer, messages: T[]) {
  const quotedIds = [...new Set(messages.map((m) => m.reply_to_message_id).filter((id): id is string => !!id))]
  const quoted = new Map<string, { id: string; direction: string; type: string; text: string | null; revoked: boolean }>()
  if (quotedIds.length) {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "whatsapp_message",
      fields: ["id", "direction", "type", "text", "revoked_at"],
      filters: { id: quotedIds },
    })
    for (const q of data as any[]) {
      quoted.set(q.id, { id: q.id, direction: q.direction, type: q.type, text: q.revoked_at ? null : q.text, revoked: !!q.revoked_at })
    }
  }
  return messages.map((m) => ({
    ...hideRevoked(m),
    reply_to: m.reply_to_message_id ? quoted.get(m.reply_to_message_id) ?? null : null,
  }))
}

export function hideRevoked<T extends Listed>(message: T): T & { revoked: boolean } {
  return message.revoked_at ? { ...message, text: null, payload: null, edits: null, revoked: true } : { ...message, revoked: false }
}
