import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { backoffDelay } from "../../lib/outbound/retry-policy"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import { finishWebhookEvent } from "../../modules/whatsapp/sql/webhook-events"
import { processWhatsAppWebhookEventWorkflow } from "./workflows/process-whatsapp-webhook-event"

/**
 * Runs the processing workflow for one stored event. A failure is recorded
 * on the event with a backoff (or as final after maxWebhookAttempts); the
 * retry job picks it up when due.
 */
export async function runWebhookEventProcessing(container: MedusaContainer, id: string) {
  try {
    const { result } = await processWhatsAppWebhookEventWorkflow(container).run({ input: { id } })
    return result.outcome
  } catch (error) {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const options = whatsapp.getOptions()
    const [event] = await whatsapp.sql.execute(`select attempts from whatsapp_webhook_event where id = ?`, [id])
    const attempts = event?.attempts ?? 1
    const giveUp = attempts >= options.maxWebhookAttempts
    const message = (error as Error)?.message ?? String(error)
    await finishWebhookEvent(whatsapp.sql, id, {
      status: "failed",
      note: giveUp ? `gave up after ${attempts} attempts: ${message}` : message,
      retryInMs: giveUp ? null : backoffDelay(attempts, { baseDelayMs: options.retryBaseDelayMs, maxDelayMs: options.maxRetryDelayMs }),
    })
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`whatsapp: processing webhook event ${id} failed (attempt ${attempts}): ${message}`)
    return null
  }
}
