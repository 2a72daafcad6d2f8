import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

export type FaqAnswerInput = { topic: "shipping" | "returns" | "payment" | "hours"; language: "en" | "es" | "pt"; answer: string | null }
type Stored = { id: string; topic: FaqAnswerInput["topic"]; language: FaqAnswerInput["language"]; answer: string }

/**
 * Writes an account's FAQ answers: a text creates or replaces the answer
 * of that topic and language, an empty one removes it. Compensation puts
 * back exactly what was there.
 */
export const saveFaqAnswersStep = createStep(
  "save-whatsapp-faq-answers",
  async (input: { account_id: string; answers: FaqAnswerInput[] }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const existing = (await whatsapp.listWhatsappFaqAnswers({ account_id: input.account_id })) as unknown as Stored[]
    const find = (a: FaqAnswerInput) => existing.find((e) => e.topic === a.topic && e.language === a.language)
    const toDelete = input.answers.filter((a) => !a.answer && find(a)).map((a) => find(a)!)
    const toUpdate = input.answers.filter((a) => a.answer && find(a)).map((a) => ({ id: find(a)!.id, answer: a.answer! }))
    const toCreate = input.answers.filter((a) => a.answer && !find(a)).map((a) => ({ account_id: input.account_id, topic: a.topic, language: a.language, answer: a.answer! }))
    if (toDelete.length) await whatsapp.deleteWhatsappFaqAnswers(toDelete.map((d) => d.id))
    if (toUpdate.length) await whatsapp.updateWhatsappFaqAnswers(toUpdate)
    const created = toCreate.length ? await whatsapp.createWhatsappFaqAnswers(toCreate) : []
    const previous = existing.filter((e) => toDelete.includes(e) || toUpdate.some((u) => u.id === e.id))
    return new StepResponse(null, { account_id: input.account_id, created: created.map((c) => c.id), previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    if (undo.created.length) await whatsapp.deleteWhatsappFaqAnswers(undo.created)
    const deleted = undo.previous.map((p) => p.id)
    if (deleted.length) await whatsapp.restoreWhatsappFaqAnswers(deleted)
    if (undo.previous.length) await whatsapp.updateWhatsappFaqAnswers(undo.previous.map((p) => ({ id: p.id, answer: p.answer })))
  }
)
