import type { AutomationTriggerType } from "../../types/http/automations"
import type { AutomationTriggerEvent } from "../../workflows/automations/types"

/** Medusa's own order events the engine listens to (Medusa 2.21: OrderWorkflowEvents, FulfillmentWorkflowEvents). */
export const ORDER_EVENT_TRIGGERS: Record<string, AutomationTriggerType> = {
  "order.placed": "order_placed",
  "order.canceled": "order_canceled",
  "shipment.created": "order_shipped",
  "delivery.created": "order_delivered",
}

/** The plugin's events (docs/events.md) and the trigger each stands for. */
export const WHATSAPP_EVENT_TRIGGERS: Record<string, AutomationTriggerType> = {
  "whatsapp.message.received": "message_received",
  "whatsapp.product_inquiry.received": "product_question",
  "whatsapp.cart.submitted": "cart_submitted",
  "whatsapp.cart.abandoned": "cart_abandoned",
  "whatsapp.checkout.completed": "checkout_completed",
  "whatsapp.conversation.opted_out": "customer_opted_out",
  "whatsapp.conversation.handed_off": "handoff_requested",
}

type Data = Record<string, any>
const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null)

/**
 * The trigger an event stands for, with what the event itself says. Its
 * `key` is the event's own identity, so a redelivered webhook or a re-emitted
 * event maps to the same key: a message's id, a cart's id, an order's id, a
 * fulfillment's id. Order events arrive with ids only: the caller fills in
 * the conversation from the WhatsApp cart behind the order (`needs`). An
 * event without its identity is not a trigger (null).
 */
export function triggerFromEvent(
  name: string,
  data: Data,
  occurredAt: Date
): { event: AutomationTriggerEvent; needs: "order" | "fulfillment" | "conversation" | null } | null {
  const type = WHATSAPP_EVENT_TRIGGERS[name] ?? ORDER_EVENT_TRIGGERS[name]
  if (!type) return null
  const base = (key: string | null, fields: Partial<AutomationTriggerEvent>): AutomationTriggerEvent | null =>
    key
      ? {
          type,
          key: `${type}:${key}`,
          account_id: str(data.account_id),
          conversation_id: str(data.conversation_id),
          occurred_at: occurredAt.toISOString(),
          ...fields,
        }
      : null
  let event: AutomationTriggerEvent | null = null
  let needs: "order" | "fulfillment" | "conversation" | null = "conversation"
  switch (type) {
    case "message_received":
      if (data.type && data.type !== "text" && data.type !== "button" && data.type !== "interactive") return null
      event = base(str(data.id), { text: str(data.text) })
      break
    case "product_question":
      event = base(str(data.message_id), { product_id: str(data.product_id), text: str(data.text) })
      break
    case "cart_submitted":
    case "cart_abandoned":
      event = base(str(data.whatsapp_cart_id), { whatsapp_cart_id: str(data.whatsapp_cart_id), cart_id: str(data.cart_id) })
      break
    case "checkout_completed":
      event = base(str(data.order_id), { whatsapp_cart_id: str(data.whatsapp_cart_id), cart_id: str(data.cart_id), order_id: str(data.order_id) })
      break
    case "customer_opted_out":
      // No message id on the event: the conversation's last inbound message (the opt-out itself) is filled in by the caller.
      event = base(str(data.conversation_id), {})
      break
    case "handoff_requested":
      event = base(str(data.message_id) ?? str(data.conversation_id), {})
      break
    case "order_placed":
    case "order_canceled":
      event = base(str(data.id), { order_id: str(data.id) })
      needs = "order"
      break
    case "order_shipped":
    case "order_delivered":
      // The fulfillment id: an order shipped in two parcels fires once per parcel.
      event = base(str(data.id), {})
      needs = "fulfillment"
      break
  }
  return event ? { event, needs } : null
}
