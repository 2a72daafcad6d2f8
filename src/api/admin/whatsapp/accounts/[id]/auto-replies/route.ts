import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { autoReplyOf, automationFieldsOf } from "../../../../../../lib/automations/auto-reply-compat"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import { toRule } from "../../../../../../modules/whatsapp/sql/automations"
import type { AdminWhatsAppAutoReplyListResponse, AdminWhatsAppAutoReplyResponse, AdminWhatsAppAutoReplyRule } from "../../../../../../types/http"
import { createWhatsAppAutomationWorkflow } from "../../../../../../workflows/automations/workflows/automation-rules"
import type { AdminCreateAutoReplyRuleType } from "../../../auto-replies/validators"

/**
 * Deprecated (docs/admin-api.md): the account's keyword auto-replies, which
 * are automation rules now; highest priority first. Rules the old shape
 * cannot say (conditions, a delay, several actions) are left out.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppAutoReplyListResponse>) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  await whatsapp.retrieveWhatsappAccount(req.params.id)
  const rows = await whatsapp.listWhatsappAutomationRules(
    { account_id: req.params.id, trigger_type: "message_received" },
    { order: { priority: "DESC", created_at: "ASC", id: "ASC" } as any }
  )
  res.json({ auto_replies: rows.map((row) => autoReplyOf(toRule(row))).filter((r): r is AdminWhatsAppAutoReplyRule => !!r) })
}

/** Deprecated: creates the automation rule "message matches these keywords → this text or these products". */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateAutoReplyRuleType>, res: MedusaResponse<AdminWhatsAppAutoReplyResponse>) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  await whatsapp.retrieveWhatsappAccount(req.params.id)
  const fields = automationFieldsOf(req.validatedBody, null)
  if (typeof fields === "string") throw new MedusaError(MedusaError.Types.INVALID_DATA, fields)
  const { result } = await createWhatsAppAutomationWorkflow(req.scope).run({ input: { ...fields, account_id: req.params.id } })
  res.status(201).json({ auto_reply: autoReplyOf(result)! })
}
