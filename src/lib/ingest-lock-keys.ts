import type { WebhookItem } from "./webhook-payload"

/**
 * The rows a batch of webhook items will lock, named as strings: each
 * customer (by phone and by BSUID, per business number), each outbound
 * message a status names, each WABA an account change names. Workers that
 * ingest overlapping batches take these (as advisory locks) in one sorted
 * order before touching any row, so they queue behind each other instead
 * of deadlocking on rows locked in arrival order.
 */
export function ingestLockKeys(items: WebhookItem[]): string[] {
  const keys = new Set<string>()
  const customer = (phoneNumberId: string, waId: string | null | undefined, userId: string | null | undefined) => {
    if (waId) keys.add(`customer:${phoneNumberId}:phone:${waId}`)
    if (userId) keys.add(`customer:${phoneNumberId}:bsuid:${userId}`)
  }
  for (const item of items) {
    switch (item.kind) {
      case "message":
      case "echo":
      case "user_preference":
        customer(item.phoneNumberId, item.waId, item.userId)
        break
      case "status":
        keys.add(`message:${item.wamid}`)
        // A 131050 failure changes the customer's marketing preference.
        customer(item.phoneNumberId, item.recipientId, item.recipientUserId)
        break
      case "identity_change":
        customer(item.phoneNumberId, item.from.waId, item.from.userId)
        customer(item.phoneNumberId, item.to.waId, item.to.userId)
        break
      case "template_status":
      case "account_event":
        keys.add(`waba:${item.wabaId}`)
        break
      case "unsupported":
        break
    }
  }
  return [...keys].sort()
}
