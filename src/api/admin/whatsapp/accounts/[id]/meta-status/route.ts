import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { graphErrorText } from "../../../../../../lib/graph-api/meta-error"
import { metaStatusItems } from "../../../../../../lib/meta-status"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import type { AdminWhatsAppMetaStatusResponse } from "../../../../../../types/http"
import { retrieveAccount } from "../../helpers"

/**
 * Business verification, display name review, Official Business Account
 * badge, quality rating, messaging limit and registration, each explained
 * (lib/meta-status). A read Meta refuses leaves its lines "unknown" with
 * Meta's error; the route itself answers 200.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppMetaStatusResponse>) => {
  const account = await retrieveAccount(req.scope, req.params.id)
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  const client = await whatsapp.graphClientFor(account.id, { timeoutMs: 10_000 })
  const [waba, phone] = await Promise.allSettled([client.getWabaBusiness(account.waba_id), client.getPhoneNumberStatus(account.phone_number_id)])
  const items = metaStatusItems({
    business_verification_status: waba.status === "fulfilled" ? waba.value.business_verification_status ?? null : null,
    phone: phone.status === "fulfilled" ? phone.value : null,
    business_error: waba.status === "rejected" ? graphErrorText(waba.reason) : null,
    phone_error: phone.status === "rejected" ? graphErrorText(phone.reason) : null,
  })
  res.json({ account_id: account.id, items })
}
