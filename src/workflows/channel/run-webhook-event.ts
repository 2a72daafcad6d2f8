import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { describeError } from "../../lib/safe-error"
import { webhookFailureOutcome, workRetryOptions } from "../../lib/webhook-event-failure"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import type { ClaimedWebhookEvent } from "../../modules/whatsapp/types"
import { asWorkOutcome } from "./steps/finish-webhook-event"
import { processWhatsAppWebhookEventsWorkflow } from "./workflows/process-whatsapp-webhook-event"

/**
 * The `webhook_event` work handler: one workflow run for a claimed batch.
 * An event whose own items fail is failed alone (see ingest-webhook-event);
 * a batch that fails as a whole (an extension hook, the event bus) is
 * recorded on its events with a backoff, final after maxWebhookAttempts.
 */
export async function processWebhookEvents(container: MedusaContainer, events: ClaimedWebhookEvent[]) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  try {
    const { result } = await processWhatsAppWebhookEventsWorkflow(container).run({ input: { events } })
    return { retryInMs: earliestRetry(result.outcomes) }
  } catch (error) {
    const retry = workRetryOptions(whatsapp.getOptions())
    const outcomes = events.map((event) => ({ id: event.id, ...webhookFailureOutcome(error, event.attempts, retry, "batch") }))
    await whatsapp.finishWork("webhook_event", outcomes.map(asWorkOutcome))
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`whatsapp: processing ${events.length} webhook event(s) failed (${describeError(error)}); first ${events[0].id}`)
    return { retryInMs: earliestRetry(outcomes) }
  }
}

function earliestRetry(outcomes: { retryInMs: number | null }[]): number | null {
  const delays = outcomes.map((o) => o.retryInMs).filter((ms): ms is number => ms != null)
  return delays.length ? Math.min(...delays) : null
}
