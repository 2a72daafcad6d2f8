import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { recoverAbandonedWhatsAppCartsWorkflow } from "medusa-plugin-whatsapp-commerce/workflows"

/**
 * Demo only: runs the abandoned-cart job now, as if `hours_ahead` hours had
 * passed, so a walkthrough (and the recovery browser spec) can show the
 * reminders of a day or three without waiting for them. The plugin's own
 * job runs every minute on the real clock; this route is not in the plugin.
 */
export const POST = async (req: AuthenticatedMedusaRequest<{ hours_ahead?: unknown }>, res: MedusaResponse) => {
  const hours = Number((req.body as { hours_ahead?: unknown })?.hours_ahead)
  if (!Number.isFinite(hours) || hours < 0 || hours > 24 * 8) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "hours_ahead must be a number of hours from 0 to 192")
  }
  const now = new Date(Date.now() + hours * 3_600_000)
  const { result } = await recoverAbandonedWhatsAppCartsWorkflow(req.scope).run({ input: { now } })
  res.json({ now: now.toISOString(), ran: result.ran, reminded: result.reminded, skipped: result.skipped, abandoned: result.abandoned })
}
