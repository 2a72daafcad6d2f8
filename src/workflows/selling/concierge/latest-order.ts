import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { orderState, type OrderState } from "../../../lib/concierge/order-state"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

const ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "canceled_at",
  "created_at",
  "currency_code",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
]

export type LatestOrder = { id: string; display_id: number | string; state: OrderState }

/**
 * The customer's most recent Medusa order: among the orders placed from
 * this conversation's WhatsApp carts and, when the conversation is linked to
 * a Medusa customer by a proven link, that customer's orders (storefront
 * ones included). An unproven phone match is never used: it could show a
 * stranger's order.
 */
export async function latestCustomerOrder(
  container: MedusaContainer,
  input: { conversation_id: string; customer_id: string | null }
): Promise<LatestOrder | null> {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const carts = await whatsapp.listWhatsappCarts({ conversation_id: input.conversation_id, order_id: { $ne: null } } as any, { select: ["order_id"] })
  const orderIds = carts.map((c) => c.order_id).filter((id): id is string => !!id)
  const candidates: any[] = []
  if (orderIds.length) {
    const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderIds } })
    candidates.push(...data)
  }
  if (input.customer_id) {
    const { data } = await query.graph({
      entity: "order",
      fields: ORDER_FIELDS,
      filters: { customer_id: input.customer_id },
      pagination: { take: 1, order: { created_at: "DESC" } },
    })
    candidates.push(...data)
  }
  const latest = candidates.sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime())[0]
  return latest ? { id: latest.id, display_id: latest.display_id, state: orderState(latest) } : null
}
