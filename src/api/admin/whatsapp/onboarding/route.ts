import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../modules/whatsapp/service"
import type { AdminWhatsAppOnboardingConfigResponse } from "../../../../types/http/onboarding"

/** What the admin needs to run Meta's signup popup; disabled without the app id, configuration id and app secret. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppOnboardingConfigResponse>) => {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const options = whatsapp.getOptions()
  const enabled = !!(options.metaAppId && options.embeddedSignupConfigId && options.appSecret)
  res.json({
    embedded_signup: {
      enabled,
      app_id: options.metaAppId ?? null,
      config_id: options.embeddedSignupConfigId ?? null,
      graph_api_version: options.graphApiVersion,
      sdk_url: options.facebookSdkUrl,
    },
  })
}
