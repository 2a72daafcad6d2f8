import type { MedusaContainer } from "@medusajs/framework/types"
import { handleDueInboundMessages } from "../workflows/selling/handle-inbound-message"

/**
 * Answers incoming messages the subscriber missed (a process that stopped
 * between storing and answering, a lost event) and retries failed ones after
 * their backoff. Claims make it safe on every instance.
 */
export default async function handleWhatsAppInboundMessages(container: MedusaContainer) {
  await handleDueInboundMessages(container)
}

export const config = {
  name: "whatsapp-handle-inbound-messages",
  schedule: { interval: 5_000 },
}
