import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { graphErrorText } from "../../../../../../lib/graph-api/health"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import { retrieveAccount } from "../../helpers"

/** Subscribes the app to the WABA's webhooks (`POST /{waba-id}/subscribed_apps`), so messages start arriving. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const account = await retrieveAccount(req.scope, req.params.id)
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const client = await whatsapp.graphClientFor(account.id)
  try {
    const { success } = await client.subscribeApp(account.waba_id)
    if (!success) {
      res.status(502).json({ type: "graph_api_error", message: "Meta did not confirm the subscription (success: false)" })
      return
    }
    res.json({ subscribed: true })
  } catch (error) {
    res.status(502).json({ type: "graph_api_error", message: `Meta refused the subscription: ${graphErrorText(error)}` })
  }
}
