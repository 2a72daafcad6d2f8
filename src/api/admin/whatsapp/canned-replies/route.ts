import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import { createWhatsAppCannedReplyWorkflow } from "../../../../workflows/inbox/workflows/canned-replies"
import type { AdminCreateCannedReplyType } from "./validators"
import type { AdminWhatsAppCannedReply, AdminWhatsAppCannedReplyListResponse, AdminWhatsAppCannedReplyResponse } from "../../../../types/http"

/** The team's saved replies, by title. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppCannedReplyListResponse>) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const replies = await whatsapp.listWhatsappCannedReplies({}, { take: null, order: { title: "ASC" } } as any)
  res.json({ canned_replies: replies as unknown as AdminWhatsAppCannedReply[] })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminCreateCannedReplyType>, res: MedusaResponse<AdminWhatsAppCannedReplyResponse>) {
  const { result } = await createWhatsAppCannedReplyWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ canned_reply: result as unknown as AdminWhatsAppCannedReply })
}
