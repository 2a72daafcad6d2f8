import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { describeError } from "../../lib/safe-error"
import { webhookFailureOutcome } from "../../lib/webhook-event-failure"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import type { ClaimedWebhookEvent } from "../../modules/whatsapp/types"
import { processWhatsAppWebhookEventsWorkflow } from "./workflows/process-whatsapp-webhook-event"

/** Events handled per workflow run: batching is what keeps intake fast under load. */
const BATCH_SIZE = 200
/** After a partial batch under load, wait this long so the next batch is fuller. */
const COALESCE_MS = 50

let draining = false
let again = false

/**
 * Processes every claimable webhook event (pending, or failed and due), a
 * batch per workflow run, until none is left. One drain runs per process at
 * a time; a call during a drain makes it look once more before it stops, so
 * no event waits for the retry job. An event whose own items fail is failed
 * alone (see ingest-webhook-event); a batch that fails as a whole (an
 * extension hook, the event bus) is recorded on its events with a backoff,
 * final after maxWebhookAttempts.
 */
export async function drainWebhookEvents(container: MedusaContainer) {
  if (draining) {
    again = true
    return
  }
  draining = true
  try {
    do {
      again = false
      const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
      for (;;) {
        const events = await whatsapp.claimWebhookEvents(BATCH_SIZE)
        if (!events.length) break
        await processBatch(container, whatsapp, events)
        if (events.length < BATCH_SIZE) {
          await new Promise((resolve) => setTimeout(resolve, COALESCE_MS))
        }
      }
    } while (again)
  } finally {
    draining = false
  }
}

async function processBatch(container: MedusaContainer, whatsapp: WhatsAppModuleService, events: ClaimedWebhookEvent[]) {
  try {
    await processWhatsAppWebhookEventsWorkflow(container).run({ input: { events } })
  } catch (error) {
    const options = whatsapp.getOptions()
    const retry = { maxAttempts: options.maxWebhookAttempts, baseDelayMs: options.retryBaseDelayMs, maxDelayMs: options.maxRetryDelayMs }
    await whatsapp.finishWebhookEvents(
      events.map((event) => ({ id: event.id, ...webhookFailureOutcome(error, event.attempts, retry, "batch") }))
    )
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`whatsapp: processing ${events.length} webhook event(s) failed (${describeError(error)}); first ${events[0].id}`)
  }
}
