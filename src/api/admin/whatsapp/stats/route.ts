import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import type { AdminWhatsAppStatsType } from "./validators"
import type { AdminWhatsAppStatsResponse } from "../../../../types/http"

/** The WhatsApp sales funnel and recovery figures for carts submitted in a date range. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminWhatsAppStatsType>, res: MedusaResponse<AdminWhatsAppStatsResponse>) => {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const { from, to, account_id } = req.validatedQuery as unknown as AdminWhatsAppStatsType
  const stats = await whatsapp.cartStats({ from, to, accountId: account_id })
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
  })
}
