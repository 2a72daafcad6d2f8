import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { claimWebhookEventStep } from "../steps/claim-webhook-event"
import { finishWebhookEventStep } from "../steps/finish-webhook-event"
import { ingestWebhookEventStep } from "../steps/ingest-webhook-event"

export const WhatsAppEvents = {
  WEBHOOK_EVENT_RECEIVED: "whatsapp.webhook_event.received",
  MESSAGE_RECEIVED: "whatsapp.message.received",
  MESSAGE_QUEUED: "whatsapp.message.queued",
  CONVERSATION_OPTED_OUT: "whatsapp.conversation.opted_out",
  CONVERSATION_OPTED_IN: "whatsapp.conversation.opted_in",
} as const

/**
 * Processes one stored webhook POST: claim it, store its messages and
 * statuses, let extensions react (`webhookEventIngested` hook), emit
 * `whatsapp.message.received` per new message, and record the outcome.
 */
export const processWhatsAppWebhookEventWorkflow = createWorkflow(
  "process-whatsapp-webhook-event",
  (input: { id: string }) => {
    const claimed = claimWebhookEventStep(input.id)
    const result = ingestWebhookEventStep(claimed)
    const webhookEventIngested = createHook("webhookEventIngested", {
      event_id: input.id,
      messages: result.messages,
    })
    const events = transform({ result }, ({ result }) => ({
      received: result.messages.map((m) => ({
        id: m.message_id,
        conversation_id: m.conversation_id,
        account_id: m.account_id,
        type: m.type,
        text: m.text,
        referred_retailer_id: m.referred_retailer_id,
      })),
      optedOut: result.messages
        .filter((m) => m.opt_command === "opt_out")
        .map((m) => ({ conversation_id: m.conversation_id, account_id: m.account_id })),
      optedIn: result.messages
        .filter((m) => m.opt_command === "opt_in")
        .map((m) => ({ conversation_id: m.conversation_id, account_id: m.account_id })),
    }))
    emitEventStep({ eventName: WhatsAppEvents.MESSAGE_RECEIVED, data: events.received })
    emitEventStep({ eventName: WhatsAppEvents.CONVERSATION_OPTED_OUT, data: events.optedOut }).config({
      name: "emit-whatsapp-opted-out",
    })
    emitEventStep({ eventName: WhatsAppEvents.CONVERSATION_OPTED_IN, data: events.optedIn }).config({
      name: "emit-whatsapp-opted-in",
    })
    const outcome = finishWebhookEventStep({ id: input.id, result })
    return new WorkflowResponse({ result, outcome }, { hooks: [webhookEventIngested] })
  }
)
