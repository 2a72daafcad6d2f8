import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createWhatsAppNotificationStep } from "../steps/create-whatsapp-notification"
import { prepareWhatsAppOrderUpdateStep, WhatsAppOrderUpdateInput } from "../steps/prepare-order-update"

export type SendWhatsAppOrderUpdateInput = WhatsAppOrderUpdateInput

/**
 * Tells a WhatsApp customer about their order (placed, shipped with
 * tracking, cancelled) through the `whatsapp` notification channel: text
 * inside the 24-hour window, the account's order-update template outside
 * it. Orders from other channels and switched-off updates are skipped.
 */
export const sendWhatsAppOrderUpdateWorkflow = createWorkflow(
  "send-whatsapp-order-update",
  (input: SendWhatsAppOrderUpdateInput) => {
    const prepared = prepareWhatsAppOrderUpdateStep(input)
    const sent = createWhatsAppNotificationStep(transform({ prepared }, ({ prepared }) => prepared.notification))
    return new WorkflowResponse(
      transform({ prepared, sent }, ({ prepared, sent }) => ({
        skipped: prepared.skipped,
        notification_id: sent.notification_id,
        message_id: sent.message_id,
        error: sent.error,
      }))
    )
  }
)
