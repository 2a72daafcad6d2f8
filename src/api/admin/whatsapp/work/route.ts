import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import type { AdminWhatsAppWorkResponse } from "../../../../types/http"

/** How much work is waiting, per kind: a backlog that grows, or items given up, is what to look at first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppWorkResponse>) => {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  res.json({ work: await whatsapp.workBacklog() })
}
