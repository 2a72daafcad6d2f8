import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import type { AdminWhatsAppAutomationTestResponse } from "../../../../../../types/http/automations"
import { previewAutomation } from "../../../../../../workflows/automations/preview-automation"
import type { AdminTestAutomationType } from "../../validators"

/**
 * POST …/automations/:id/test — a dry run: conditions checked, variables
 * filled in, each action described; nothing is sent or stored. (A dynamic
 * segment because Medusa's build leaves out every folder named `test`.)
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminTestAutomationType>, res: MedusaResponse<AdminWhatsAppAutomationTestResponse>) {
  if (req.params.operation !== "test") throw new MedusaError(MedusaError.Types.NOT_FOUND, `Unknown operation ${req.params.operation}`)
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const rule = await whatsapp.automationRule(req.params.id)
  res.json(await previewAutomation(req.scope, rule, req.validatedBody))
}
