import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import { presentConversation } from "./helpers"
import { conversationFields } from "./query-config"
import type { AdminListConversationsType } from "./validators"
import type { AdminWhatsAppConversationListResponse } from "../../../../types/http"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListConversationsType>, res: MedusaResponse<AdminWhatsAppConversationListResponse>) => {
  const { account_id, customer_id, unread, has_cart, inquiry, opted_out, handoff, q, limit, offset } = req.validatedQuery as AdminListConversationsType
  const filters: Record<string, unknown> = {}
  if (q) {
    const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
    filters.id = await whatsapp.findConversationIds(q)
  }
  if (account_id) filters.account_id = account_id
  if (customer_id) filters.customer_id = customer_id
  if (unread !== undefined) filters.unread_count = unread ? { $gt: 0 } : 0
  if (has_cart !== undefined) filters.has_cart = has_cart
  if (inquiry !== undefined) filters.has_inquiry = inquiry
  if (opted_out !== undefined) filters.opted_out = opted_out
  if (handoff !== undefined) filters.handoff_at = handoff ? { $ne: null } : null

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "whatsapp_conversation",
    fields: conversationFields,
    filters,
    pagination: { skip: offset, take: limit, order: { last_message_at: "DESC", created_at: "DESC" } },
  })
  res.json({ conversations: data.map((c: any) => presentConversation(c)), count: metadata?.count ?? data.length, offset, limit })
}
