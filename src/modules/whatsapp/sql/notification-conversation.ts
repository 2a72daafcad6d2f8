import { recipientIdentity } from "../../../lib/customer-identity"
import { MedusaError } from "@medusajs/framework/utils"
import type { WhatsAppNotificationData } from "../../../lib/notifications/notification-data"
import { openConversation } from "./conversations"
import type { SqlRunner } from "./ingest"

export type NotificationConversation = { id: string; last_inbound_at: Date | null; opted_out: boolean }

/**
 * The conversation a notification goes to: the one named in `data`, or the
 * customer's (`to`, any phone format) with the account in `data` or the
 * store's only account. A business may only write first with a template, so
 * a customer who never wrote gets a new conversation for it.
 */
export async function findNotificationConversation(
  sql: SqlRunner,
  to: string,
  data: WhatsAppNotificationData
): Promise<NotificationConversation> {
  if (data.conversation_id) {
    const [row] = await sql.execute(
      `select id, last_inbound_at, opted_out from whatsapp_conversation where id = ? and deleted_at is null`,
      [data.conversation_id]
    )
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `WhatsApp conversation ${data.conversation_id} not found`)
    return row
  }
  const identity = recipientIdentity(to)
  if (!identity) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "WhatsApp notification: `to` must be a phone number or a business-scoped user ID")
  }
  const accounts = await sql.execute(
    `select id from whatsapp_account where deleted_at is null ${data.account_id ? "and id = ?" : ""} limit 2`,
    data.account_id ? [data.account_id] : []
  )
  if (!accounts.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, "WhatsApp notification: no such WhatsApp account")
  if (accounts.length > 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "WhatsApp notification: the store has several WhatsApp accounts; give data.account_id")
  }
  const { id, last_inbound_at, opted_out } = await openConversation(sql, { accountId: accounts[0].id, ...identity })
  return { id, last_inbound_at, opted_out }
}
