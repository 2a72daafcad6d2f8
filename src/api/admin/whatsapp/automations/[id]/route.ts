import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../modules/whatsapp/service"
import type { AdminWhatsAppAutomationResponse } from "../../../../../types/http/automations"
import { deleteWhatsAppAutomationWorkflow, updateWhatsAppAutomationWorkflow } from "../../../../../workflows/automations/workflows/automation-rules"
import type { AutomationRuleInput } from "../../../../../workflows/automations/steps/automation-rule-steps"
import type { AdminUpdateAutomationType } from "../validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppAutomationResponse>) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  res.json({ automation: whatsapp.publicAutomationRule(await whatsapp.automationRule(req.params.id)) })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateAutomationType>, res: MedusaResponse<AdminWhatsAppAutomationResponse>) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const { result } = await updateWhatsAppAutomationWorkflow(req.scope).run({ input: { ...(req.validatedBody as AutomationRuleInput), id: req.params.id } })
  res.json({ automation: whatsapp.publicAutomationRule(result) })
}

export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse<{ id: string; object: "whatsapp_automation"; deleted: true }>) {
  await deleteWhatsAppAutomationWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "whatsapp_automation", deleted: true })
}
