import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import type { AdminListWhatsAppCartsType } from "./validators"

/** Carts customers sent from WhatsApp, newest first, with what was changed on the way. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListWhatsAppCartsType>, res: MedusaResponse) {
  const { limit, offset, ...filters } = req.validatedQuery as AdminListWhatsAppCartsType
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined))
  const [carts, count] = await whatsapp.listAndCountWhatsappCarts(clean, { take: limit, skip: offset, order: { created_at: "DESC" } })
  res.json({ carts, count, limit, offset })
}
