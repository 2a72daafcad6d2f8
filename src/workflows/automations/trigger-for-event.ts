import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { triggerFromEvent } from "../../lib/automations/trigger-events"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import type { AutomationTriggerEvent } from "./types"

/**
 * The trigger event for a Medusa event, completed with what the event does
 * not carry: the conversation and account of an order (from the WhatsApp
 * cart behind it; an order that did not come from WhatsApp is no trigger),
 * the account of a conversation, the customer. Null: not a trigger.
 */
export async function automationTriggerFor(
  container: MedusaContainer,
  name: string,
  data: Record<string, any>,
  occurredAt: Date = new Date()
): Promise<AutomationTriggerEvent | null> {
  const mapped = triggerFromEvent(name, data, occurredAt)
  if (!mapped) return null
  const { event, needs } = mapped
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  if (needs === "fulfillment") {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: links } = await query.graph({ entity: "order_fulfillment", fields: ["order_id"], filters: { fulfillment_id: data.id } })
    event.order_id = (links[0] as { order_id?: string } | undefined)?.order_id ?? null
    if (!event.order_id) return null
  }
  if (needs === "order" || needs === "fulfillment") {
    const cart = await whatsapp.automationCart({ order_id: event.order_id })
    if (!cart) return null
    Object.assign(event, { account_id: cart.account_id, conversation_id: cart.conversation_id, whatsapp_cart_id: cart.id, cart_id: cart.cart_id })
  }
  if (event.conversation_id) {
    const conversation = await whatsapp.automationConversation(event.conversation_id)
    if (!conversation) return null
    event.account_id ??= conversation.account_id
    event.customer_id ??= conversation.customer_id
    // An opt-out has no id of its own: the message that opted out (the last inbound one) is its identity.
    if (event.type === "customer_opted_out") event.key = `${event.key}:${conversation.last_inbound_at ? new Date(conversation.last_inbound_at).toISOString() : "first"}`
  }
  return event
}
