import type { SupportedLanguage } from "../../../lib/account-settings"
import { PROVEN_LINK_METHODS } from "../../../lib/customer-link"
import type { SqlRunner } from "./ingest"
import { REMINDER_DELIVERED, withdrawQueuedReminder } from "./recovery"

/** A WhatsApp cart row with what every reader needs from its conversation. */
export type WhatsAppCartRow = {
  id: string
  status: string
  cart_id: string | null
  customer_id: string | null
  order_id: string | null
  paid_at: Date | null
  recovery_sent_at: Date | null
  checkout_expires_at: Date | null
  conversation_id: string
  /** Null for a username customer: the checkout page then asks for the phone. */
  wa_id: string | null
  user_id: string | null
  profile_name: string | null
  account_id: string
  language: SupportedLanguage
  /** The conversation's customer when the link is proven; null otherwise (see lib/customer-link). */
  proven_customer_id: string | null
}

/** The customer's own language when their messages told it, else the account's (`c` conversation, `a` account). */
export const CONVERSATION_LANGUAGE = "coalesce(c.language, a.language)"

const PROVEN_CUSTOMER = `case when c.customer_link_method in (${PROVEN_LINK_METHODS.map((m) => `'${m}'`).join(", ")}) then c.customer_id end`

/** Paid after a recovery reminder that reached the customer counts as recovered. */
const PAID_STATUS = `case when recovery_sent_at is not null and ${REMINDER_DELIVERED} then 'recovered' else 'paid' end`

const SELECT = `select w.id, w.status, w.cart_id, w.customer_id, w.order_id, w.paid_at, w.recovery_sent_at, w.checkout_expires_at,
       w.conversation_id, c.wa_id, c.user_id, c.profile_name, a.id as account_id, ${CONVERSATION_LANGUAGE} as language,
       ${PROVEN_CUSTOMER} as proven_customer_id
  from whatsapp_cart w
  join whatsapp_conversation c on c.id = w.conversation_id
  join whatsapp_account a on a.id = w.account_id
 where w.deleted_at is null`

export async function findWhatsAppCart(
  sql: SqlRunner,
  by: { id: string } | { cart_id: string } | { order_id: string }
): Promise<WhatsAppCartRow | null> {
  const [column, value] = "id" in by ? ["w.id", by.id] : "cart_id" in by ? ["w.cart_id", by.cart_id] : ["w.order_id", by.order_id]
  const [row] = await sql.execute(`${SELECT} and ${column} = ? limit 1`, [value])
  return (row as WhatsAppCartRow) ?? null
}

/**
 * Ties the order to its WhatsApp cart once: a replayed `order.placed` finds
 * `order_id` already set and changes nothing. Paid after a reminder counts
 * as recovered.
 */
export type LinkOrderInput = { id: string; order_id: string; paid: boolean; payment_provider_id: string | null; order_total: number }

export async function linkWhatsAppOrder(sql: SqlRunner, input: LinkOrderInput): Promise<{ status: string } | null> {
  // First, so a reminder that never left neither goes out nor counts.
  await withdrawQueuedReminder(sql, input.id)
  const [row] = await sql.execute(
    `update whatsapp_cart
        set order_id = ?, payment_provider_id = ?, order_total = ?, raw_order_total = ?::jsonb,
            status = case when ? then ${PAID_STATUS} else 'ordered' end,
            paid_at = case when ? then now() else paid_at end,
            updated_at = now()
      where id = ? and order_id is null and deleted_at is null
      returning status`,
    [
      input.order_id,
      input.payment_provider_id,
      input.order_total,
      JSON.stringify({ value: String(input.order_total), precision: 20 }),
      input.paid,
      input.paid,
      input.id,
    ]
  )
  return (row as { status: string }) ?? null
}

/** Marks an ordered cart paid once; null when it already was. */
export async function markWhatsAppCartPaid(sql: SqlRunner, id: string): Promise<{ status: string } | null> {
  await withdrawQueuedReminder(sql, id)
  const [row] = await sql.execute(
    `update whatsapp_cart
        set status = ${PAID_STATUS}, paid_at = now(), updated_at = now()
      where id = ? and paid_at is null and deleted_at is null
      returning status`,
    [id]
  )
  return (row as { status: string }) ?? null
}

export async function unlinkWhatsAppOrder(sql: SqlRunner, id: string): Promise<void> {
  await sql.execute(
    `update whatsapp_cart
        set order_id = null, paid_at = null, payment_provider_id = null, order_total = null, raw_order_total = null,
            status = case when abandoned_at is not null then 'abandoned' else 'link_sent' end, updated_at = now()
      where id = ?`,
    [id]
  )
}

export async function unmarkWhatsAppCartPaid(sql: SqlRunner, id: string): Promise<void> {
  await sql.execute(`update whatsapp_cart set status = 'ordered', paid_at = null, updated_at = now() where id = ?`, [id])
}

export async function setCheckoutExpiry(sql: SqlRunner, id: string, expiresAt: Date | null): Promise<Date | null> {
  const [row] = await sql.execute(
    `update whatsapp_cart w set checkout_expires_at = ?, updated_at = now()
       from (select id, checkout_expires_at from whatsapp_cart where id = ? for update) before
      where w.id = before.id
      returning before.checkout_expires_at as previous`,
    [expiresAt, id]
  )
  return row?.previous ?? null
}
