import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * In split mode (`npm run demo -- --workers M`) the log says which worker
 * took up each message: on the Redis event bus only workers receive these
 * events. Ids and the message type only; the text and the customer's number
 * stay out of the log. The one-process demo sets no DEMO_LOG_WORK and logs
 * nothing here.
 */
export default async function showWhatsAppWork({ event, container }: SubscriberArgs<{ id: string; type?: string }>) {
  if (process.env.DEMO_LOG_WORK !== "1") return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  if (event.name === "whatsapp.message.received") {
    logger.info(`whatsapp: inbound ${event.data.type ?? ""} message ${event.data.id} taken up here → answering`)
  } else {
    logger.info(`whatsapp: outbound message ${event.data.id} queued → sending (the send lane woke on this worker)`)
  }
}

export const config: SubscriberConfig = {
  event: ["whatsapp.message.received", "whatsapp.message.queued"],
  context: { subscriberId: "demo-show-whatsapp-work" },
}
