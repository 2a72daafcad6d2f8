/**
 * Outbound message statuses move forward only: Meta's webhooks arrive out of
 * order (read before delivered is common), and a late "sent" must not undo a
 * "read".
 */
export const OUTBOUND_STATUSES = ["queued", "sending", "sent", "delivered", "read", "played", "failed"] as const
export type OutboundStatus = (typeof OUTBOUND_STATUSES)[number]

/**
 * `played`: a voice message was played, which comes after it was read
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status).
 */
const RANK: Record<string, number> = { queued: 0, sending: 1, sent: 2, delivered: 3, read: 4, played: 5 }

/**
 * The status after `incoming` arrives. `failed` wins over anything short of
 * delivered (a message can fail after Meta accepted it) but never over a
 * delivered or read message.
 */
export function nextOutboundStatus(current: string, incoming: string): string {
  if (incoming === "failed") {
    return (RANK[current] ?? -1) >= RANK.delivered ? current : "failed"
  }
  if (current === "failed" || !(incoming in RANK)) {
    return current
  }
  return RANK[incoming] > (RANK[current] ?? -1) ? incoming : current
}

/** Statuses a row may be in for `incoming` to change it: the SQL guard. */
export function statusesUpgradableTo(incoming: string): string[] {
  return OUTBOUND_STATUSES.filter(
    (current) => nextOutboundStatus(current, incoming) !== current
  )
}
