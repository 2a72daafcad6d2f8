import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { unknownCannedReplyVariables } from "../../../lib/inbox/canned-reply"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

export type CannedReplyInput = { title: string; text: string }

const service = (container: { resolve: (key: string) => unknown }) => container.resolve(WHATSAPP_MODULE) as WhatsAppModuleService

// A typo in a variable would reach the customer as "{{cusotmer_name}}": refused when saved.
function checkVariables(text: string | undefined) {
  const unknown = text ? unknownCannedReplyVariables(text) : []
  if (unknown.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `text: unknown variable ${unknown.map((v) => `{{${v}}}`).join(", ")}`)
  }
}

const createCannedReplyStep = createStep(
  "create-whatsapp-canned-reply",
  async (input: CannedReplyInput, { container }) => {
    checkVariables(input.text)
    const reply = await service(container).createWhatsappCannedReplies(input)
    return new StepResponse(reply, reply.id)
  },
  async (id, { container }) => {
    if (id) await service(container).deleteWhatsappCannedReplies(id)
  }
)

const updateCannedReplyStep = createStep(
  "update-whatsapp-canned-reply",
  async (input: Partial<CannedReplyInput> & { id: string }, { container }) => {
    checkVariables(input.text)
    const before = await service(container).retrieveWhatsappCannedReply(input.id)
    const reply = await service(container).updateWhatsappCannedReplies(input)
    return new StepResponse(reply, { id: before.id, title: before.title, text: before.text })
  },
  async (before, { container }) => {
    if (before) await service(container).updateWhatsappCannedReplies(before)
  }
)

const deleteCannedReplyStep = createStep(
  "delete-whatsapp-canned-reply",
  async (input: { id: string }, { container }) => {
    await service(container).retrieveWhatsappCannedReply(input.id)
    await service(container).softDeleteWhatsappCannedReplies(input.id)
    return new StepResponse(input.id, input.id)
  },
  async (id, { container }) => {
    if (id) await service(container).restoreWhatsappCannedReplies(id)
  }
)

export const createWhatsAppCannedReplyWorkflow = createWorkflow(
  "create-whatsapp-canned-reply",
  (input: CannedReplyInput) => new WorkflowResponse(createCannedReplyStep(input))
)

export const updateWhatsAppCannedReplyWorkflow = createWorkflow(
  "update-whatsapp-canned-reply",
  (input: Partial<CannedReplyInput> & { id: string }) => new WorkflowResponse(updateCannedReplyStep(input))
)

export const deleteWhatsAppCannedReplyWorkflow = createWorkflow(
  "delete-whatsapp-canned-reply",
  (input: { id: string }) => new WorkflowResponse(deleteCannedReplyStep(input))
)
