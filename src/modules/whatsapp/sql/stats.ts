import type { AdminWhatsAppStatsResponse } from "../../../types/http"
import type { SqlRunner } from "./ingest"
import { REMINDER_DELIVERED } from "./recovery"

export type WhatsAppCartStats = {
  submitted: number
  paid: number
  awaiting_payment: number
  abandoned: number
  reminded: number
  recovered: number
  skipped_reminders: Record<string, number>
  revenue: { currency_code: string; paid: number; recovered: number }[]
}

/**
 * Funnel of the carts sent from WhatsApp in [from, to): submitted, paid,
 * abandoned, reminded, recovered, and revenue per currency (from the
 * orders' totals). Counting by the cart's creation keeps every rate ≤ 100%.
 */
export async function cartStats(sql: SqlRunner, input: { from: Date; to: Date; accountId?: string }): Promise<WhatsAppCartStats> {
  const where = `deleted_at is null and created_at >= ? and created_at < ?${input.accountId ? " and account_id = ?" : ""}`
  const params = [input.from, input.to, ...(input.accountId ? [input.accountId] : [])]
  const [[counts], revenue, skipped] = await Promise.all([
    sql.execute(
      `select count(*) filter (where status not in ('pending', 'rejected'))::int as submitted,
              count(*) filter (where paid_at is not null)::int as paid,
              count(*) filter (where status = 'ordered')::int as awaiting_payment,
              count(*) filter (where abandoned_at is not null)::int as abandoned,
              count(*) filter (where recovery_sent_at is not null and ${REMINDER_DELIVERED})::int as reminded,
              count(*) filter (where status = 'recovered')::int as recovered
         from whatsapp_cart where ${where}`,
      params
    ),
    sql.execute(
      `select lower(currency_code) as currency_code,
              coalesce(sum(order_total) filter (where paid_at is not null), 0)::float8 as paid,
              coalesce(sum(order_total) filter (where status = 'recovered'), 0)::float8 as recovered
         from whatsapp_cart where ${where} and currency_code is not null and paid_at is not null
        group by lower(currency_code) order by 1`,
      params
    ),
    sql.execute(
      `select recovery_skipped_reason as reason, count(*)::int as count
         from whatsapp_cart where ${where} and recovery_skipped_reason is not null
        group by recovery_skipped_reason order by 1`,
      params
    ),
  ])
  return {
    ...counts,
    skipped_reminders: Object.fromEntries(skipped.map((r: any) => [r.reason, r.count])),
    revenue: revenue.map((r: any) => ({ currency_code: r.currency_code, paid: Number(r.paid), recovered: Number(r.recovered) })),
  }
}

/** Carts attributed to one Click-to-WhatsApp ad or post, with the orders they became. */
export type AdCartStats = Pick<AdminWhatsAppStatsResponse["by_ad"][number], "source_id" | "source_type" | "headline" | "source_url" | "carts" | "paid"> & {
  order_ids: string[]
}

/**
 * Carts submitted in [from, to) per ad (the conversation's last referral when
 * the cart was made); revenue is not summed here: the caller reads the
 * orders' totals from Medusa.
 */
export async function cartStatsByAd(sql: SqlRunner, input: { from: Date; to: Date; accountId?: string }): Promise<AdCartStats[]> {
  const rows = await sql.execute(
    `select referral_source_id as source_id,
            max(referral->>'source_type') as source_type,
            max(referral->>'headline') as headline,
            max(referral->>'source_url') as source_url,
            count(*) filter (where status not in ('pending', 'rejected'))::int as carts,
            count(*) filter (where paid_at is not null)::int as paid,
            coalesce(array_agg(order_id order by order_id) filter (where order_id is not null), '{}') as order_ids
       from whatsapp_cart
      where deleted_at is null and referral_source_id is not null and created_at >= ? and created_at < ?${input.accountId ? " and account_id = ?" : ""}
      group by referral_source_id
      order by carts desc, referral_source_id`,
    [input.from, input.to, ...(input.accountId ? [input.accountId] : [])]
  )
  return rows.map((r: any) => ({ ...r, order_ids: r.order_ids ?? [] }))
}
