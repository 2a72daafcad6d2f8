import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import type { AdminWhatsAppAutomationTestResponse } from "../../../../../../types/http/automations"
import { previewAutomation } from "../../../../../../workflows/automations/preview-automation"
import type { AdminTestAutomationType } from "../../validators"

/** A dry run: conditions checked, variables filled in, each action described; nothing is sent or stored. */
export async function POST(req: AuthenticatedMedusaRequest<AdminTestAutomationType>, res: MedusaResponse<AdminWhatsAppAutomationTestResponse>) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const rule = await whatsapp.automationRule(req.params.id)
  res.json(await previewAutomation(req.scope, rule, req.validatedBody))
}
