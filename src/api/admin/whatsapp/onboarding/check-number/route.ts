import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkBusinessNumber } from "../../../../../lib/onboarding/check-number"
import type { AdminWhatsAppCheckNumberResponse } from "../../../../../types/http/onboarding"
import type { AdminCheckNumberType } from "../validators"

/** The phone-number requirements that can be checked before the merchant starts (format, country, not a short code). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCheckNumberType>, res: MedusaResponse<AdminWhatsAppCheckNumberResponse>) => {
  res.json(checkBusinessNumber(req.validatedBody.phone))
}
