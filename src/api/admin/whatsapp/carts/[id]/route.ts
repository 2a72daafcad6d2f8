import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../modules/whatsapp/service"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  res.json({ cart: await whatsapp.retrieveWhatsappCart(req.params.id) })
}
