import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { isServiceWindowOpen, serviceWindowClosesAt } from "../../../../lib/customer-window"
import { conversationFields } from "./query-config"

/** Adds what the inbox shows: whether free-form replies are possible, and until when. */
export function presentConversation<T extends { last_inbound_at: string | Date | null }>(conversation: T) {
  return {
    ...conversation,
    window_open: isServiceWindowOpen(conversation.last_inbound_at),
    window_closes_at: serviceWindowClosesAt(conversation.last_inbound_at),
  }
}

export async function retrieveConversation(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [conversation],
  } = await query.graph({ entity: "whatsapp_conversation", fields: conversationFields, filters: { id } })
  if (!conversation) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `WhatsApp conversation ${id} was not found`)
  }
  return presentConversation(conversation as any)
}
