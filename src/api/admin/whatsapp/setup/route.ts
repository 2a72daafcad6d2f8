import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import type { AdminWhatsAppSetupResponse } from "../../../../types/http"

/** What to paste into the Meta app dashboard: the callback URL and the verify token. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppSetupResponse>) => {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const options = whatsapp.getOptions()
  res.json({
    webhook_url: `${options.publicUrl.replace(/\/+$/, "")}/whatsapp/webhook`,
    verify_token: options.verifyToken,
    webhook_fields: ["messages"],
    graph_api_version: options.graphApiVersion,
    app_secret_configured: !!options.appSecret,
  })
}
