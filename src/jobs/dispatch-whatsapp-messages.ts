import { MedusaContainer } from "@medusajs/framework/types"
import { WHATSAPP_MODULE } from "../modules/whatsapp"
import type WhatsAppModuleService from "../modules/whatsapp/service"

/** Queued messages younger than this are left to the subscriber that sends them at once. */
const GRACE_MS = 5_000
const CONCURRENCY = 8

/**
 * Sends queued messages whose retry time has come and takes over sends
 * abandoned by a stopped process. Safe on every instance: a message is
 * claimed before it is sent.
 */
export default async function dispatchWhatsAppMessages(container: MedusaContainer) {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const ids = await whatsapp.listDueOutboundMessages(GRACE_MS, 200)
  for (let i = 0; i < ids.length; i += CONCURRENCY) {
    await Promise.all(ids.slice(i, i + CONCURRENCY).map((id) => whatsapp.dispatchOutboundMessage(id).catch(() => null)))
  }
}

export const config = {
  name: "whatsapp-dispatch-messages",
  schedule: { interval: 5_000 },
}
