import { applyMessageAction, type EditRecord, type LifecycleState, type TimedAction } from "../../../lib/message-lifecycle"
import { type AdReferral, parseMessageContext } from "../../../lib/webhook-message-context"
import type { InboundMessageItem } from "../../../lib/webhook-payload"
import type { SqlRunner } from "./ingest"

/** A referral as kept on the conversation: which message brought it, and when. */
export type StoredReferral = AdReferral & { message_id: string; at: string }

/** What `whatsapp.message.received` carries about a message's context. */
export type ReceivedMessageContext = {
  reply_to_message_id: string | null
  forwarded: boolean
  frequently_forwarded: boolean
  /** For edit, revoke and reaction messages: the message they act on (null while it has not arrived). */
  target_message_id: string | null
  referral: AdReferral | null
}

/**
 * Writes what an inbound message says about other messages (reply, action)
 * and where it came from (referral), then settles whatever was waiting for
 * this message: actions and replies that arrived before it. Runs in the
 * ingest transaction, for a message stored for the first time.
 */
export async function recordMessageLifecycle(
  db: SqlRunner,
  conversationId: string,
  messageId: string,
  item: InboundMessageItem
): Promise<ReceivedMessageContext> {
  const { context } = item
  // Most messages quote nothing, were not forwarded and came from no ad: nothing to write about them.
  const plain = !context.reply_to_wamid && !context.forwarded && !context.frequently_forwarded && !context.action && !context.referral
  const [row] = plain ? [] : await db.execute(
    `update whatsapp_message m set
       reply_to_wamid = ?,
       reply_to_message_id = (select o.id from whatsapp_message o
                               where o.wamid = ? and o.conversation_id = m.conversation_id and o.deleted_at is null),
       forwarded = ?, frequently_forwarded = ?, target_wamid = ?, referral = ?::jsonb
     where m.id = ?
     returning reply_to_message_id`,
    [
      context.reply_to_wamid,
      context.reply_to_wamid,
      context.forwarded,
      context.frequently_forwarded,
      context.action?.target_wamid ?? null,
      context.referral ? JSON.stringify(context.referral) : null,
      messageId,
    ]
  )
  if (context.referral) {
    await recordConversationReferral(db, conversationId, { ...context.referral, message_id: messageId, at: item.timestamp.toISOString() })
  }
  const targetId = context.action
    ? await applyAction(db, conversationId, messageId, { ...context.action, at: item.timestamp, wamid: item.wamid })
    : null
  await settleWaitingFor(db, conversationId, messageId, item.wamid)
  return {
    reply_to_message_id: row?.reply_to_message_id ?? null,
    forwarded: context.forwarded,
    frequently_forwarded: context.frequently_forwarded,
    target_message_id: targetId,
    referral: context.referral,
  }
}

/** First touch is the earliest referral (a late, older one still takes its place); last touch the latest. */
async function recordConversationReferral(db: SqlRunner, conversationId: string, referral: StoredReferral) {
  await db.execute(
    `update whatsapp_conversation set
       first_referral = case when first_referral is null or (first_referral->>'at')::timestamptz > ?::timestamptz
                             then ?::jsonb else first_referral end,
       last_referral = case when last_referral is null or (last_referral->>'at')::timestamptz <= ?::timestamptz
                            then ?::jsonb else last_referral end,
       updated_at = now()
     where id = ?`,
    [referral.at, JSON.stringify(referral), referral.at, JSON.stringify(referral), conversationId]
  )
}

/**
 * Applies an edit, revoke or reaction to the message it names in the same
 * conversation; returns that message's id, or null when it is not here yet
 * (the action then waits, `applied_at` null, for settleWaitingFor).
 */
async function applyAction(db: SqlRunner, conversationId: string, actionId: string, action: TimedAction): Promise<string | null> {
  const [target] = await db.execute(
    `select id, direction, text, edited_at, edits, revoked_at, reaction_emoji, reacted_at from whatsapp_message
      where wamid = ? and conversation_id = ? and deleted_at is null for update`,
    [action.target_wamid, conversationId]
  )
  if (!target) return null
  if (action.kind !== "reaction" && target.direction !== "inbound") {
    // WhatsApp lets a customer edit or delete only their own messages: refuse, visibly, on the action's row.
    await db.execute(`update whatsapp_message set error_message = ? where id = ?`, [`A customer ${action.kind} may only change the customer's own message`, actionId])
    return null
  }
  const before: LifecycleState = {
    text: target.text,
    edited_at: target.edited_at ? new Date(target.edited_at) : null,
    edits: (target.edits as EditRecord[] | null) ?? [],
    revoked_at: target.revoked_at ? new Date(target.revoked_at) : null,
    reaction_emoji: target.reaction_emoji,
    reacted_at: target.reacted_at ? new Date(target.reacted_at) : null,
  }
  const after = applyMessageAction(before, action)
  await db.execute(
    `update whatsapp_message set text = ?, edited_at = ?, edits = ?::jsonb, revoked_at = ?, reaction_emoji = ?, reacted_at = ?, updated_at = now()
      where id = ?`,
    [after.text, after.edited_at, after.edits.length ? JSON.stringify(after.edits) : null, after.revoked_at, after.reaction_emoji, after.reacted_at, target.id]
  )
  await db.execute(`update whatsapp_message set applied_at = now() where id = ?`, [actionId])
  return target.id
}

/**
 * A message (inbound, or outbound once Meta gave its wamid) has arrived:
 * link the replies that quoted it and apply the actions that named it, in
 * Meta's order.
 */
export async function settleWaitingFor(db: SqlRunner, conversationId: string, messageId: string, wamid: string): Promise<void> {
  // One round trip: link the replies that quoted this message (PostgreSQL runs a data-modifying WITH to
  // completion whether or not it is read), and list the actions that waited for it.
  const waiting = await db.execute(
    `with linked as (
       update whatsapp_message set reply_to_message_id = ?
        where reply_to_wamid = ? and reply_to_message_id is null and conversation_id = ? and deleted_at is null
        returning id)
     select id, wamid, type, payload, sent_at from whatsapp_message
      where target_wamid = ? and applied_at is null and conversation_id = ? and deleted_at is null
      order by sent_at, created_at`,
    [messageId, wamid, conversationId, wamid, conversationId]
  )
  for (const row of waiting) {
    const action = parseMessageContext(row.payload).action
    if (action) await applyAction(db, conversationId, row.id, { ...action, at: new Date(row.sent_at), wamid: row.wamid })
  }
}
