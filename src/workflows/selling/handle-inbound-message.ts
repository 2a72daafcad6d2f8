import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { backoffDelay } from "../../lib/outbound/retry-policy"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import { createCartFromWhatsAppOrderWorkflow } from "./workflows/create-cart-from-whatsapp-order"
import { handleWhatsAppProductInquiryWorkflow } from "./workflows/handle-whatsapp-product-inquiry"
import { replyToWhatsAppTextWorkflow } from "./workflows/reply-to-whatsapp-text"
import { describeError } from "../../lib/safe-error"

/**
 * Reacts to one stored incoming message: an order becomes a cart, a text
 * from a catalog product is a product question, any other text gets a rule,
 * search or default reply. The claim keeps two instances from racing; the
 * workflows are idempotent anyway, so a retry after a crash is safe. Failures
 * are stored on the message and retried with backoff by the sweep job.
 */
export async function handleInboundMessage(container: MedusaContainer, messageId: string) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const claimed = await whatsapp.claimInboundMessage(messageId)
  if (!claimed) return
  if (claimed.opted_out) {
    await whatsapp.finishInboundMessage(messageId, { error: "customer opted out: not answered" })
    return
  }
  try {
    if (claimed.type === "order") {
      await createCartFromWhatsAppOrderWorkflow(container).run({ input: { message_id: messageId } })
    } else if (claimed.referred_retailer_id) {
      await handleWhatsAppProductInquiryWorkflow(container).run({ input: { message_id: messageId } })
    } else {
      await replyToWhatsAppTextWorkflow(container).run({ input: { message_id: messageId } })
    }
    await whatsapp.finishInboundMessage(messageId, {})
  } catch (error) {
    const options = whatsapp.getOptions()
    // Stored on the message and logged: the failure's kind and code, never the SQL with the customer's text and number.
    const message = describeError(error)
    const giveUp = claimed.attempts >= options.maxWebhookAttempts
    await whatsapp.finishInboundMessage(messageId, {
      error: giveUp ? `gave up after ${claimed.attempts} attempts: ${message}` : message,
      retryInMs: giveUp ? null : backoffDelay(claimed.attempts, { baseDelayMs: options.retryBaseDelayMs, maxDelayMs: options.maxRetryDelayMs }),
    })
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`whatsapp: handling message ${messageId} failed: ${message}`)
  }
}

/** Handles every due incoming message (the safety net behind the event subscriber). */
export async function handleDueInboundMessages(container: MedusaContainer, batch = 50) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  for (const id of await whatsapp.dueInboundMessages(batch)) {
    await handleInboundMessage(container, id)
  }
}
