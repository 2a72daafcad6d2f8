import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  deleteWhatsAppAutoReplyRuleWorkflow,
  updateWhatsAppAutoReplyRuleWorkflow,
} from "../../../../../workflows/selling/workflows/auto-reply-rules"
import type { AdminUpdateAutoReplyRuleType } from "../validators"
import type { AdminWhatsAppAutoReplyDeleteResponse, AdminWhatsAppAutoReplyResponse, AdminWhatsAppAutoReplyRule } from "../../../../../types/http"

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateAutoReplyRuleType>, res: MedusaResponse<AdminWhatsAppAutoReplyResponse>) {
  const { result } = await updateWhatsAppAutoReplyRuleWorkflow(req.scope).run({
    input: { ...req.validatedBody, id: req.params.id } as any,
  })
  res.json({ auto_reply: result as unknown as AdminWhatsAppAutoReplyRule })
}

export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppAutoReplyDeleteResponse>) {
  await deleteWhatsAppAutoReplyRuleWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "whatsapp_auto_reply", deleted: true })
}
