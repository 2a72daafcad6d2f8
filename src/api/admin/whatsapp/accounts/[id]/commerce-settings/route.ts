import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { graphErrorText } from "../../../../../../lib/graph-api/health"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import type { AdminCommerceSettingsType } from "../../validators"
import { retrieveAccount } from "../../helpers"

/** Turns the WhatsApp cart and the catalog button on or off for this number. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCommerceSettingsType>, res: MedusaResponse) => {
  const account = await retrieveAccount(req.scope, req.params.id)
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const client = await whatsapp.graphClientFor(account.id)
  try {
    await client.updateCommerceSettings(account.phone_number_id, req.validatedBody)
    const { data } = await client.getCommerceSettings(account.phone_number_id)
    res.json({ commerce_settings: data?.[0] ?? null })
  } catch (error) {
    res.status(502).json({ type: "graph_api_error", message: `Meta refused the commerce settings: ${graphErrorText(error)}` })
  }
}
