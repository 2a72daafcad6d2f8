import type { SqlRunner } from "./ingest"

export type RecoveryStepStats = {
  step: number
  /** Reminders of this step that reached Meta (sent, delivered or read). */
  sent: number
  /** Of those, how many had their checkout link opened afterwards. */
  clicked: number
  /** Carts paid when this was the last step they had: the caller sums the orders' totals from Medusa. */
  recovered_order_ids: string[]
}

/**
 * Per recovery step, over the carts submitted in [from, to): a cart paid
 * after reminders counts as recovered by the last step that reached it
 * before the payment (the cart's `recovery_message_id`, which no step
 * changes once the cart is paid).
 */
export async function recoveryStepStats(sql: SqlRunner, input: { from: Date; to: Date; accountId?: string }): Promise<RecoveryStepStats[]> {
  const cartWhere = `w.deleted_at is null and w.created_at >= ? and w.created_at < ?${input.accountId ? " and w.account_id = ?" : ""}`
  const params = [input.from, input.to, ...(input.accountId ? [input.accountId] : [])]
  const rows = await sql.execute(
    `with steps as (
       select s.step, s.whatsapp_cart_id, s.clicked_at, s.message_id
         from whatsapp_recovery_step s
         join whatsapp_cart w on w.id = s.whatsapp_cart_id
        where s.deleted_at is null and ${cartWhere}
          and exists (select 1 from whatsapp_message m
                       where m.id = s.message_id and m.status in ('sent', 'delivered', 'read', 'played'))
     ), recovered as (
       select w.order_id,
              (select st.step from steps st where st.whatsapp_cart_id = w.id and st.message_id = w.recovery_message_id) as step
         from whatsapp_cart w
        where w.status = 'recovered' and w.order_id is not null and ${cartWhere}
     )
     select st.step, count(*)::int as sent, count(*) filter (where st.clicked_at is not null)::int as clicked,
            coalesce((select array_agg(r.order_id order by r.order_id) from recovered r where r.step = st.step), '{}') as recovered_order_ids
       from steps st
      group by st.step
      order by st.step`,
    [...params, ...params]
  )
  return rows.map((r: any) => ({ step: Number(r.step), sent: r.sent, clicked: r.clicked, recovered_order_ids: r.recovered_order_ids ?? [] }))
}
