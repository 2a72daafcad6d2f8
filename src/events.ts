/**
 * The Medusa events this plugin emits, one name each. Subscribers in a
 * Medusa app listen for these strings (documented in docs/events.md).
 */
export const WhatsAppEvents = {
  WEBHOOK_EVENT_RECEIVED: "whatsapp.webhook_event.received",
  MESSAGE_RECEIVED: "whatsapp.message.received",
  MESSAGE_QUEUED: "whatsapp.message.queued",
  CONVERSATION_OPTED_OUT: "whatsapp.conversation.opted_out",
  CONVERSATION_OPTED_IN: "whatsapp.conversation.opted_in",
  /** A customer asked for a person, or the concierge gave up: auto-replies pause until an admin resumes them. */
  CONVERSATION_HANDED_OFF: "whatsapp.conversation.handed_off",
  PRODUCT_INQUIRY_RECEIVED: "whatsapp.product_inquiry.received",
  CART_SUBMITTED: "whatsapp.cart.submitted",
  CHECKOUT_COMPLETED: "whatsapp.checkout.completed",
  CART_PAID: "whatsapp.cart.paid",
  CART_ABANDONED: "whatsapp.cart.abandoned",
  CART_RECOVERED: "whatsapp.cart.recovered",
} as const

export type WhatsAppEventName = (typeof WhatsAppEvents)[keyof typeof WhatsAppEvents]
