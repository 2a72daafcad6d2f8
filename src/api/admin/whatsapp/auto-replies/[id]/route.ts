import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { autoReplyOf, automationFieldsOf } from "../../../../../lib/automations/auto-reply-compat"
import { WHATSAPP_MODULE } from "../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../modules/whatsapp/service"
import type { AdminWhatsAppAutoReplyDeleteResponse, AdminWhatsAppAutoReplyResponse } from "../../../../../types/http"
import { deleteWhatsAppAutomationWorkflow, updateWhatsAppAutomationWorkflow } from "../../../../../workflows/automations/workflows/automation-rules"
import type { AdminUpdateAutoReplyRuleType } from "../validators"

/** The automation rule behind a keyword auto-reply id (404 when it is gone or no longer says a keyword auto-reply). */
async function autoReply(req: AuthenticatedMedusaRequest) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const current = autoReplyOf(await whatsapp.automationRule(req.params.id))
  if (!current) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No keyword auto-reply ${req.params.id}: edit it as an automation`)
  return current
}

/** Deprecated (docs/admin-api.md): changes the automation rule behind a keyword auto-reply. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateAutoReplyRuleType>, res: MedusaResponse<AdminWhatsAppAutoReplyResponse>) {
  const fields = automationFieldsOf(req.validatedBody, await autoReply(req))
  if (typeof fields === "string") throw new MedusaError(MedusaError.Types.INVALID_DATA, fields)
  const { result } = await updateWhatsAppAutomationWorkflow(req.scope).run({ input: { ...fields, id: req.params.id } })
  res.json({ auto_reply: autoReplyOf(result)! })
}

/** Deprecated: deletes the automation rule behind a keyword auto-reply. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppAutoReplyDeleteResponse>) {
  await autoReply(req)
  await deleteWhatsAppAutomationWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "whatsapp_auto_reply", deleted: true })
}
