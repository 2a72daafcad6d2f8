import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { orderTotalNote } from "../../../../lib/checkout/order-total-note"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import type { AdminListWhatsAppCartsType } from "./validators"
import type { AdminWhatsAppCart, AdminWhatsAppCartListResponse } from "../../../../types/http"

/**
 * Carts customers sent from WhatsApp, newest first, with what was changed on
 * the way; a cart that became an order says how the order's total (Medusa's,
 * read now) differs from the cart's, e.g. delivery added at checkout.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListWhatsAppCartsType>, res: MedusaResponse<AdminWhatsAppCartListResponse>) {
  const { limit, offset, ...filters } = req.validatedQuery as AdminListWhatsAppCartsType
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined))
  const [carts, count] = await whatsapp.listAndCountWhatsappCarts(clean, { take: limit, skip: offset, order: { created_at: "DESC" } })

  const orderIds = [...new Set(carts.map((c) => c.order_id).filter((id): id is string => !!id))]
  const orders = new Map<string, { total: number; shipping_total: number }>()
  if (orderIds.length) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "total", "shipping_total"], filters: { id: orderIds } })
    for (const o of data as any[]) orders.set(o.id, { total: Number(o.total), shipping_total: Number(o.shipping_total ?? 0) })
  }
  res.json({
    carts: carts.map((c) => ({
      ...(c as unknown as AdminWhatsAppCart),
      order_total_note: orderTotalNote(c.total == null ? null : Number(c.total), c.order_id ? orders.get(c.order_id) ?? null : null),
    })),
    count,
    limit,
    offset,
  })
}
