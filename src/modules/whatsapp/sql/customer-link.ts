import { generateEntityId } from "@medusajs/framework/utils"
import type { CustomerLinkMethod } from "../../../lib/customer-link"
import type { SqlRunner } from "./ingest"

export type CustomerLink = {
  customer_id: string | null
  method: CustomerLinkMethod | null
  linked_by: string | null
  linked_at: Date | null
}

const LINK_COLUMNS = `customer_id, customer_link_method as method, customer_linked_by as linked_by, customer_linked_at as linked_at`
const UNPROVEN = `(customer_link_method is null or customer_link_method = 'unverified')`

export async function readCustomerLink(db: SqlRunner, conversationId: string): Promise<(CustomerLink & { wa_id: string }) | null> {
  const [row] = await db.execute(`select wa_id, ${LINK_COLUMNS} from whatsapp_conversation where id = ? and deleted_at is null`, [conversationId])
  return (row as CustomerLink & { wa_id: string }) ?? null
}

/**
 * Sets (or clears) a conversation's customer link and returns it with the
 * one it replaced, for compensation. With `onlyIfUnproven`, a proven link
 * already there wins and is returned unchanged: two carts of a new customer
 * racing each other end up with one customer.
 */
export async function writeCustomerLink(
  db: SqlRunner,
  conversationId: string,
  link: CustomerLink,
  options: { onlyIfUnproven?: boolean } = {}
): Promise<{ previous: CustomerLink; current: CustomerLink; changed: boolean } | null> {
  const [previous] = await db.execute(
    `select ${LINK_COLUMNS} from whatsapp_conversation where id = ? and deleted_at is null for update`,
    [conversationId]
  )
  if (!previous) return null
  const [updated] = await db.execute(
    `update whatsapp_conversation
        set customer_id = ?, customer_link_method = ?, customer_linked_by = ?, customer_linked_at = ?, updated_at = now()
      where id = ? ${options.onlyIfUnproven ? `and ${UNPROVEN}` : ""}
      returning ${LINK_COLUMNS}`,
    [link.customer_id, link.method, link.linked_by, link.linked_at, conversationId]
  )
  return { previous, current: updated ?? previous, changed: !!updated }
}

/**
 * Stores a phone-link token's hash for one customer and conversation, unless
 * the conversation already got its hourly share of links. Null when refused.
 */
export async function insertPhoneLink(
  db: SqlRunner,
  input: { conversation_id: string; customer_id: string; token_hash: string; ttl_minutes: number; per_hour: number }
): Promise<string | null> {
  // The conversation row is the lock: concurrent requests count one after the other.
  await db.execute(`select id from whatsapp_conversation where id = ? for update`, [input.conversation_id])
  const [{ recent }] = await db.execute(
    `select count(*)::int as recent from whatsapp_phone_link
      where conversation_id = ? and created_at > now() - interval '1 hour' and deleted_at is null`,
    [input.conversation_id]
  )
  if (recent >= input.per_hour) return null
  const id = generateEntityId("", "waplink")
  await db.execute(
    `insert into whatsapp_phone_link (id, conversation_id, customer_id, token_hash, expires_at, created_at, updated_at)
     values (?, ?, ?, ?, now() + make_interval(mins => ?), now(), now())`,
    [id, input.conversation_id, input.customer_id, input.token_hash, input.ttl_minutes]
  )
  return id
}

/**
 * Uses a phone-link token once: it must be unused, unexpired and issued to
 * this very customer. Any other case leaves it untouched and returns null,
 * without saying which check failed.
 */
export async function usePhoneLink(db: SqlRunner, input: { token_hash: string; customer_id: string }): Promise<string | null> {
  const [row] = await db.execute(
    `update whatsapp_phone_link set used_at = now(), updated_at = now()
      where token_hash = ? and customer_id = ? and used_at is null and expires_at > now() and deleted_at is null
      returning conversation_id`,
    [input.token_hash, input.customer_id]
  )
  return (row?.conversation_id as string) ?? null
}

/** Conversations whose customer link the upgrade could not prove, for the migration script to examine. */
export async function listUnverifiedLinks(db: SqlRunner): Promise<{ id: string; wa_id: string; customer_id: string }[]> {
  return db.execute(
    `select id, wa_id, customer_id from whatsapp_conversation
      where customer_link_method = 'unverified' and customer_id is not null and deleted_at is null`
  )
}

/**
 * Open WhatsApp carts (no order yet) still carrying the customer of an
 * unverified link: their Medusa carts must lose that customer before anyone pays.
 */
export async function listOpenCartsOfUnverifiedLinks(db: SqlRunner): Promise<{ id: string; cart_id: string }[]> {
  return db.execute(
    `select w.id, w.cart_id from whatsapp_cart w
       join whatsapp_conversation c on c.id = w.conversation_id
      where c.customer_link_method = 'unverified' and w.customer_id = c.customer_id
        and w.cart_id is not null and w.order_id is null and w.deleted_at is null`
  )
}

export async function clearWhatsAppCartCustomers(db: SqlRunner, ids: string[]): Promise<void> {
  if (!ids.length) return
  await db.execute(`update whatsapp_cart set customer_id = null, updated_at = now() where id in (select jsonb_array_elements_text(?::jsonb))`, [JSON.stringify(ids)])
}
