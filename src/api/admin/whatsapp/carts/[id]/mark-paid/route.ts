import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import { markWhatsAppCartPaidWorkflow } from "../../../../../../workflows/orders/workflows/mark-whatsapp-cart-paid"
import type { AdminWhatsAppCart, AdminWhatsAppMarkCartPaidResponse } from "../../../../../../types/http"

/** "Mark as paid": the money for a manual payment arrived; captures it and tells the customer. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppMarkCartPaidResponse>) {
  const { result } = await markWhatsAppCartPaidWorkflow(req.scope).run({
    input: { whatsapp_cart_id: req.params.id, captured_by: req.auth_context.actor_id },
  })
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  res.json({ ...result, cart: (await whatsapp.retrieveWhatsappCart(req.params.id)) as unknown as AdminWhatsAppCart })
}
