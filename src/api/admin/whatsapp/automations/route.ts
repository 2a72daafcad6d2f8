import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import { toRule } from "../../../../modules/whatsapp/sql/automations"
import type { AdminWhatsAppAutomationListResponse, AdminWhatsAppAutomationResponse } from "../../../../types/http/automations"
import { createWhatsAppAutomationWorkflow } from "../../../../workflows/automations/workflows/automation-rules"
import type { NewAutomationRuleInput } from "../../../../workflows/automations/steps/automation-rule-steps"
import type { AdminCreateAutomationType } from "./validators"

/** Automation rules, oldest first, each with its latest run; webhook secrets masked. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppAutomationListResponse>) {
  const { limit, offset } = req.validatedQuery as { limit: number; offset: number }
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const [rows, count] = await whatsapp.listAndCountWhatsappAutomationRules({}, { take: limit, skip: offset, order: { created_at: "ASC", id: "ASC" } as any })
  const last = await whatsapp.lastAutomationRuns(rows.map((r) => r.id))
  res.json({ automations: rows.map((r) => whatsapp.publicAutomationRule({ ...toRule(r), last_run: last.get(r.id) ?? null })), count })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminCreateAutomationType>, res: MedusaResponse<AdminWhatsAppAutomationResponse>) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const { result } = await createWhatsAppAutomationWorkflow(req.scope).run({ input: req.validatedBody as NewAutomationRuleInput })
  res.status(201).json({ automation: whatsapp.publicAutomationRule(result) })
}
