import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import type { AdminWhatsAppAutomationRunsResponse } from "../../../../../../types/http/automations"

/** A rule's runs, newest first, with each action's outcome and the run's error. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppAutomationRunsResponse>) {
  const { limit, offset } = req.validatedQuery as { limit: number; offset: number }
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  await whatsapp.retrieveWhatsappAutomationRule(req.params.id)
  const { runs, count } = await whatsapp.listAutomationRuns(req.params.id, limit, offset)
  res.json({ runs, count, offset, limit })
}
