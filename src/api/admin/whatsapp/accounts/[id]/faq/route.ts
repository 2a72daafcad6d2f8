import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import { saveWhatsAppFaqAnswersWorkflow } from "../../../../../../workflows/concierge/workflows/save-whatsapp-faq-answers"
import type { AdminSaveFaqAnswersType } from "./validators"
import type { AdminWhatsAppFaqAnswer, AdminWhatsAppFaqResponse } from "../../../../../../types/http"

async function listAnswers(whatsapp: WhatsAppModuleService, accountId: string): Promise<AdminWhatsAppFaqAnswer[]> {
  const rows = await whatsapp.listWhatsappFaqAnswers({ account_id: accountId }, { order: { topic: "ASC", language: "ASC" } })
  return rows.map((r) => ({ topic: r.topic, language: r.language, answer: r.answer, updated_at: r.updated_at }))
}

/** The account's FAQ answers, by topic and language. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppFaqResponse>) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  await whatsapp.retrieveWhatsappAccount(req.params.id)
  res.json({ faq_answers: await listAnswers(whatsapp, req.params.id) })
}

/** Sets or clears answers; the others stay as they are. */
export async function POST(req: AuthenticatedMedusaRequest<AdminSaveFaqAnswersType>, res: MedusaResponse<AdminWhatsAppFaqResponse>) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  await whatsapp.retrieveWhatsappAccount(req.params.id)
  await saveWhatsAppFaqAnswersWorkflow(req.scope).run({ input: { account_id: req.params.id, answers: req.validatedBody.answers } })
  res.json({ faq_answers: await listAnswers(whatsapp, req.params.id) })
}
