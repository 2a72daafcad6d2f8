import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendWhatsAppMessageWorkflow } from "../../channel/workflows/send-whatsapp-message"
import { createPhoneLinkStep, CreatePhoneLinkInput } from "../steps/create-phone-link"

/**
 * A logged-in storefront customer asks to link a WhatsApp number: a one-time
 * link goes into that number's chat. Whoever opens it while logged in as
 * the same customer proves they hold the number (confirm workflow).
 */
export const requestWhatsAppPhoneLinkWorkflow = createWorkflow("request-whatsapp-phone-link", (input: CreatePhoneLinkInput) => {
  const link = createPhoneLinkStep(input)
  when("whatsapp-phone-link-issued", { link }, ({ link }) => !!link).then(() => {
    sendWhatsAppMessageWorkflow.runAsStep({
      input: transform({ link }, ({ link }) => ({
        conversation_id: link!.conversation_id,
        message: link!.message,
        idempotency_key: `phone-link:${link!.id}`,
      })),
    })
  })
  return new WorkflowResponse(transform({ link }, () => ({ requested: true })))
})
