import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { failedWorkOutcome, workRetryOptions } from "../../lib/webhook-event-failure"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import type { ClaimedInbound } from "../../modules/whatsapp/types"
import { createCartFromWhatsAppOrderWorkflow } from "./workflows/create-cart-from-whatsapp-order"
import { refuseForeignCatalogOrder } from "./refuse-foreign-catalog-order"
import { handleWhatsAppProductInquiryWorkflow } from "./workflows/handle-whatsapp-product-inquiry"
import { replyToWhatsAppTextWorkflow } from "./workflows/reply-to-whatsapp-text"
import { describeError } from "../../lib/safe-error"

/**
 * The `inbound_message` work handler. Reacts to one claimed incoming
 * message: an order becomes a cart, a text from a catalog product is a
 * product question, any other text gets a rule, search or default reply.
 * The claim keeps two instances from racing; the workflows are idempotent
 * anyway, so a retry after a crash is safe. A failure is stored on the
 * message and retried with backoff, and given up at the attempt cap.
 */
export async function handleInboundMessage(container: MedusaContainer, claimed: ClaimedInbound): Promise<{ retryInMs: number | null }> {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const messageId = claimed.id
  if (claimed.opted_out) {
    await whatsapp.finishWork("inbound_message", [{ id: messageId, result: "done", note: "customer opted out: not answered" }])
    return { retryInMs: null }
  }
  try {
    if (claimed.type === "order") {
      const refused = await refuseForeignCatalogOrder(container, messageId)
      if (refused) {
        await whatsapp.finishWork("inbound_message", [{ id: messageId, result: "done", note: refused }])
        return { retryInMs: null }
      }
      await createCartFromWhatsAppOrderWorkflow(container).run({ input: { message_id: messageId } })
    } else if (claimed.referred_retailer_id) {
      await handleWhatsAppProductInquiryWorkflow(container).run({ input: { message_id: messageId } })
    } else {
      await replyToWhatsAppTextWorkflow(container).run({ input: { message_id: messageId } })
    }
    await whatsapp.finishWork("inbound_message", [{ id: messageId, result: "done", note: null }])
    return { retryInMs: null }
  } catch (error) {
    // Stored on the message and logged: the failure's kind and code, never the SQL with the customer's text and number.
    const message = describeError(error)
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`whatsapp: handling message ${messageId} failed: ${message}`)
    const outcome = failedWorkOutcome(messageId, message, claimed.attempts, workRetryOptions(whatsapp.getOptions()))
    await whatsapp.finishWork("inbound_message", [outcome])
    return { retryInMs: outcome.result === "retry" ? outcome.delayMs : null }
  }
}
