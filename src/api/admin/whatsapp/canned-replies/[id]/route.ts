import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../modules/whatsapp/service"
import { deleteWhatsAppCannedReplyWorkflow, updateWhatsAppCannedReplyWorkflow } from "../../../../../workflows/inbox/workflows/canned-replies"
import type { AdminUpdateCannedReplyType } from "../validators"
import type { AdminWhatsAppCannedReply, AdminWhatsAppCannedReplyResponse, DeleteResponse } from "../../../../../types/http"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppCannedReplyResponse>) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  res.json({ canned_reply: (await whatsapp.retrieveWhatsappCannedReply(req.params.id)) as unknown as AdminWhatsAppCannedReply })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateCannedReplyType>, res: MedusaResponse<AdminWhatsAppCannedReplyResponse>) {
  const { result } = await updateWhatsAppCannedReplyWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
  res.json({ canned_reply: result as unknown as AdminWhatsAppCannedReply })
}

export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse<DeleteResponse<"whatsapp_canned_reply">>) {
  await deleteWhatsAppCannedReplyWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "whatsapp_canned_reply", deleted: true })
}
