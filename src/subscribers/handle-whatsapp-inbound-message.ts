import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import pLimit from "p-limit"
import { WHATSAPP_MODULE } from "../modules/whatsapp"
import type WhatsAppModuleService from "../modules/whatsapp/service"
import { WhatsAppEvents } from "../events"
import { handleInboundMessage } from "../workflows/selling/handle-inbound-message"

/**
 * Answers run a few at a time per process (p-limit, `answerConcurrency`).
 * Every answer is a search and a workflow or two; run all at once, a burst
 * of messages takes the whole event loop and the webhook itself, which must
 * answer Meta in milliseconds, waits behind them. A message waiting here is
 * already stored and unhandled, so the sweep job answers it if the process
 * stops first.
 */
let answering: ReturnType<typeof pLimit> | null = null

/** Answers a new incoming message: cart, product question, keyword rule, search or default reply. */
export default async function handleWhatsAppInboundMessage({ event, container }: SubscriberArgs<{ id: string }>) {
  answering ??= pLimit((container.resolve(WHATSAPP_MODULE) as WhatsAppModuleService).getOptions().answerConcurrency)
  await answering(() => handleInboundMessage(container, event.data.id))
}

export const config: SubscriberConfig = {
  event: WhatsAppEvents.MESSAGE_RECEIVED,
  context: { subscriberId: "whatsapp-handle-inbound-message" },
}
