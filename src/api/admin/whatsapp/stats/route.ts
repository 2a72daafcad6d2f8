import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AdCartStats } from "../../../../modules/whatsapp/sql/stats"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import type { AdminWhatsAppStatsType } from "./validators"
import type { AdminWhatsAppStatsResponse } from "../../../../types/http"

/** The WhatsApp sales funnel and recovery figures for carts submitted in a date range. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminWhatsAppStatsType>, res: MedusaResponse<AdminWhatsAppStatsResponse>) => {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const { from, to, account_id } = req.validatedQuery as unknown as AdminWhatsAppStatsType
  const [stats, ads, steps] = await Promise.all([
    whatsapp.cartStats({ from, to, accountId: account_id }),
    whatsapp.cartStatsByAd({ from, to, accountId: account_id }),
    whatsapp.recoveryStepStats({ from, to, accountId: account_id }),
  ])
  const orders = await orderTotals(req.scope, [...ads.flatMap((a) => a.order_ids), ...steps.flatMap((s) => s.recovered_order_ids)])
  res.json({
    from: from.toISOString(),
    to: to.toISOString(),
    account_id: account_id ?? null,
    carts: {
      submitted: stats.submitted,
      paid: stats.paid,
      awaiting_payment: stats.awaiting_payment,
      abandoned: stats.abandoned,
      reminded: stats.reminded,
      recovered: stats.recovered,
    },
    recovery_rate: stats.reminded ? stats.recovered / stats.reminded : null,
    skipped_reminders: stats.skipped_reminders,
    revenue: stats.revenue,
    by_step: steps.map((s) => ({
      step: s.step,
      sent: s.sent,
      clicked: s.clicked,
      recovered: s.recovered_order_ids.length,
      revenue: sumPerCurrency(s.recovered_order_ids, orders).map(([currency_code, sum]) => ({ currency_code, total: sum.total, discount: sum.discount })),
    })),
    by_ad: withOrderRevenue(ads, orders),
  })
}

type OrderTotals = Map<string, { total: number; discount: number; currency_code: string }>

/** Medusa's own totals of these orders: what was charged, and what the discounts took off. */
async function orderTotals(scope: MedusaContainer, ids: string[]): Promise<OrderTotals> {
  const orderIds = [...new Set(ids)]
  const orders: OrderTotals = new Map()
  if (orderIds.length) {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "total", "discount_total", "currency_code"], filters: { id: orderIds } })
    for (const o of data as any[]) {
      orders.set(o.id, { total: Number(o.total), discount: Number(o.discount_total ?? 0), currency_code: String(o.currency_code).toLowerCase() })
    }
  }
  return orders
}

function sumPerCurrency(orderIds: string[], orders: OrderTotals): [string, { total: number; discount: number }][] {
  const sums = new Map<string, { total: number; discount: number }>()
  for (const id of orderIds) {
    const order = orders.get(id)
    if (!order) continue
    const sum = sums.get(order.currency_code) ?? { total: 0, discount: 0 }
    sums.set(order.currency_code, { total: sum.total + order.total, discount: sum.discount + order.discount })
  }
  return [...sums]
}

/** Each ad's revenue: the totals Medusa computed for its carts' orders, per currency. */
function withOrderRevenue(ads: AdCartStats[], orders: OrderTotals): AdminWhatsAppStatsResponse["by_ad"] {
  return ads.map(({ order_ids, ...ad }) => ({
    ...ad,
    orders: order_ids.length,
    revenue: sumPerCurrency(order_ids, orders).map(([currency_code, sum]) => ({ currency_code, total: sum.total })),
  }))
}
