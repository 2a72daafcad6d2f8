import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GraphApiError } from "../../../../../../lib/graph-api/errors"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import type { AdminWhatsAppSubscribeResponse } from "../../../../../../types/http"
import { withMetaErrors } from "../../../meta-errors"
import { retrieveAccount } from "../../helpers"

/** Subscribes the app to the WABA's webhooks (`POST /{waba-id}/subscribed_apps`), so messages start arriving. */
export const POST = withMetaErrors("Meta refused the subscription", async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppSubscribeResponse>) => {
  const account = await retrieveAccount(req.scope, req.params.id)
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const client = await whatsapp.graphClientFor(account.id)
  const { success } = await client.subscribeApp(account.waba_id)
  // Meta answered 200 without confirming: reported like its refusals.
  if (!success) throw new GraphApiError("Meta did not confirm the subscription (success: false)", 200, "success_false")
  res.json({ subscribed: true })
})
