import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import { presentConversation } from "./helpers"
import { conversationFields } from "./query-config"
import type { AdminListConversationsType } from "./validators"
import type { AdminWhatsAppConversationChangesResponse, AdminWhatsAppConversationListResponse } from "../../../../types/http"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListConversationsType>,
  res: MedusaResponse<AdminWhatsAppConversationListResponse | AdminWhatsAppConversationChangesResponse>
) => {
  const { account_id, customer_id, unread, has_cart, inquiry, opted_out, handoff, assigned, status, updated_since, q, limit, offset } =
    req.validatedQuery as AdminListConversationsType
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)

  if (updated_since) {
    const changes = await whatsapp.listConversationChanges(updated_since, limit)
    const { data } = changes.changed_ids.length
      ? await query.graph({ entity: "whatsapp_conversation", fields: conversationFields, filters: { id: changes.changed_ids } })
      : { data: [] }
    res.json({
      conversations: data.map((c: any) => presentConversation(c)),
      removed_ids: changes.removed_ids,
      next_cursor: changes.next_cursor,
      more: changes.more,
    })
    return
  }

  // Taken before the rows are read: a change made while they are read comes again with the next poll.
  const cursor = await whatsapp.currentChangeCursor()
  const filters: Record<string, unknown> = {}
  if (q) filters.id = await whatsapp.findConversationIds(q)
  if (account_id) filters.account_id = account_id
  if (customer_id) filters.customer_id = customer_id
  if (unread !== undefined) filters.unread_count = unread ? { $gt: 0 } : 0
  if (has_cart !== undefined) filters.has_cart = has_cart
  if (inquiry !== undefined) filters.has_inquiry = inquiry
  if (opted_out !== undefined) filters.opted_out = opted_out
  if (handoff !== undefined) filters.handoff_at = handoff ? { $ne: null } : null
  if (assigned) filters.assigned_to_id = assigned === "none" ? null : assigned === "me" ? req.auth_context.actor_id : assigned
  if (status) filters.status = status

  const { data, metadata } = await query.graph({
    entity: "whatsapp_conversation",
    fields: conversationFields,
    filters,
    pagination: { skip: offset, take: limit, order: { last_message_at: "DESC", created_at: "DESC", id: "DESC" } },
  })
  res.json({ conversations: data.map((c: any) => presentConversation(c)), count: metadata?.count ?? data.length, offset, limit, cursor })
}
