import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import { createWhatsAppAutoReplyRuleWorkflow } from "../../../../../../workflows/selling/workflows/auto-reply-rules"
import type { AdminCreateAutoReplyRuleType } from "../../../auto-replies/validators"
import type { AdminWhatsAppAutoReplyListResponse, AdminWhatsAppAutoReplyResponse, AdminWhatsAppAutoReplyRule } from "../../../../../../types/http"

/** The account's keyword rules, highest priority first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppAutoReplyListResponse>) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  await whatsapp.retrieveWhatsappAccount(req.params.id)
  const rules = await whatsapp.listWhatsappAutoReplyRules(
    { account_id: req.params.id },
    { order: { priority: "DESC", created_at: "ASC" } }
  )
  res.json({ auto_replies: rules as unknown as AdminWhatsAppAutoReplyRule[] })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminCreateAutoReplyRuleType>, res: MedusaResponse<AdminWhatsAppAutoReplyResponse>) {
  const { result } = await createWhatsAppAutoReplyRuleWorkflow(req.scope).run({
    input: { ...req.validatedBody, account_id: req.params.id } as any,
  })
  res.status(201).json({ auto_reply: result as unknown as AdminWhatsAppAutoReplyRule })
}
