import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { ClaimedWebhookEvent } from "../../../modules/whatsapp/types"
import { finishWebhookEventsStep } from "../steps/finish-webhook-event"
import { ingestWebhookEventsStep } from "../steps/ingest-webhook-event"
import { WhatsAppEvents } from "../../../events"


/**
 * Processes a batch of claimed webhook POSTs: store their messages and
 * statuses, let extensions react (`webhookEventsIngested` hook), emit
 * `whatsapp.message.received` per new message, and record each outcome.
 */
export const processWhatsAppWebhookEventsWorkflow = createWorkflow(
  "process-whatsapp-webhook-events",
  (input: { events: ClaimedWebhookEvent[] }) => {
    const result = ingestWebhookEventsStep(input.events)
    const hookInput = transform({ input, result }, ({ input, result }) => ({
      event_ids: input.events.map((e) => e.id),
      messages: result.messages,
    }))
    const webhookEventsIngested = createHook("webhookEventsIngested", hookInput)
    const events = transform({ result }, ({ result }) => ({
      received: result.messages.map((m) => ({
        id: m.message_id,
        conversation_id: m.conversation_id,
        account_id: m.account_id,
        type: m.type,
        text: m.text,
        referred_retailer_id: m.referred_retailer_id,
        // The customer: phone (null when a username customer withholds it) and BSUID.
        wa_id: m.wa_id,
        user_id: m.user_id,
        // reply_to_message_id, forwarded, frequently_forwarded, target_message_id, referral (sql/message-lifecycle)
        ...m.context,
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
    const outcomes = finishWebhookEventsStep(result.events)
    return new WorkflowResponse({ result, outcomes }, { hooks: [webhookEventsIngested] })
  }
)
