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
  const [stats, ads] = await Promise.all([
    whatsapp.cartStats({ from, to, accountId: account_id }),
    whatsapp.cartStatsByAd({ from, to, accountId: account_id }),
  ])
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
    by_ad: await withOrderRevenue(req.scope, ads),
  })
}

/** Each ad's revenue: the totals Medusa computed for its carts' orders, per currency. */
async function withOrderRevenue(scope: MedusaContainer, ads: AdCartStats[]): Promise<AdminWhatsAppStatsResponse["by_ad"]> {
  const orderIds = [...new Set(ads.flatMap((a) => a.order_ids))]
  const orders = new Map<string, { total: number; currency_code: string }>()
  if (orderIds.length) {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "total", "currency_code"], filters: { id: orderIds } })
    for (const o of data as any[]) orders.set(o.id, { total: Number(o.total), currency_code: String(o.currency_code).toLowerCase() })
  }
  return ads.map(({ order_ids, ...ad }) => {
    const revenue = new Map<string, number>()
    for (const id of order_ids) {
      const order = orders.get(id)
      if (order) revenue.set(order.currency_code, (revenue.get(order.currency_code) ?? 0) + order.total)
    }
    return { ...ad, orders: order_ids.length, revenue: [...revenue].map(([currency_code, total]) => ({ currency_code, total })) }
  })
}
