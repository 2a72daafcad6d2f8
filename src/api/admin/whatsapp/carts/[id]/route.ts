import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../modules/whatsapp/service"
import type { AdminWhatsAppCart, AdminWhatsAppCartResponse } from "../../../../../types/http"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppCartResponse>) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  res.json({ cart: (await whatsapp.retrieveWhatsappCart(req.params.id)) as unknown as AdminWhatsAppCart })
}
