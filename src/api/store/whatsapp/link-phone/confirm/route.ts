import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { confirmWhatsAppPhoneLinkWorkflow } from "../../../../../workflows/identity/workflows/confirm-whatsapp-phone-link"
import type { StoreConfirmPhoneLinkType } from "../validators"

/**
 * The storefront page behind the link posts its token here with the
 * customer's session: the token alone proves nothing, the customer who asked
 * for it must be the one logged in. The token travels in the body, never in
 * a URL that gets logged.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreConfirmPhoneLinkType>, res: MedusaResponse) => {
  const { result } = await confirmWhatsAppPhoneLinkWorkflow(req.scope).run({
    input: { token: req.validatedBody.token, customer_id: req.auth_context.actor_id },
  })
  res.json({ linked: true, conversation_id: result.conversation_id })
}
