import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { toE164 } from "../../../../lib/phone"
import { requestWhatsAppPhoneLinkWorkflow } from "../../../../workflows/identity/workflows/request-whatsapp-phone-link"
import type { StoreRequestPhoneLinkType } from "./validators"

/**
 * A logged-in customer asks to link a WhatsApp number to their account. The
 * answer is the same whether or not a link was sent, so it tells nobody
 * whether a number talks to the store.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreRequestPhoneLinkType>, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const phone = req.validatedBody.phone ?? (await req.scope.resolve(Modules.CUSTOMER).retrieveCustomer(customerId)).phone
  const e164 = phone ? toE164(phone) : null
  if (!e164) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Give the WhatsApp number in international format (the account has no phone)")
  }
  await requestWhatsAppPhoneLinkWorkflow(req.scope).run({ input: { customer_id: customerId, wa_id: e164.slice(1) } })
  res.status(202).json({
    requested: true,
    message: "If this number wrote to the store on WhatsApp in the last 24 hours, a one-time link was sent to it there.",
  })
}
