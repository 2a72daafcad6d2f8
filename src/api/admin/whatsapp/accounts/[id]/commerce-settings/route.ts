import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import type { AdminWhatsAppCommerceSettingsResponse } from "../../../../../../types/http"
import { withMetaErrors } from "../../../meta-errors"
import type { AdminCommerceSettingsType } from "../../validators"
import { retrieveAccount } from "../../helpers"

/** Turns the WhatsApp cart and the catalog button on or off for this number. */
export const POST = withMetaErrors(
  "Meta refused the commerce settings",
  async (req: AuthenticatedMedusaRequest<AdminCommerceSettingsType>, res: MedusaResponse<AdminWhatsAppCommerceSettingsResponse>) => {
    const account = await retrieveAccount(req.scope, req.params.id)
    const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
    const client = await whatsapp.graphClientFor(account.id)
    await client.updateCommerceSettings(account.phone_number_id, req.validatedBody)
    const { data } = await client.getCommerceSettings(account.phone_number_id)
    res.json({ commerce_settings: data?.[0] ?? null })
  }
)
