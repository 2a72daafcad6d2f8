import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { linkWhatsAppConversationCustomerWorkflow } from "../../../../../../workflows/identity/workflows/link-whatsapp-conversation-customer"
import { retrieveConversation } from "../../helpers"
import type { AdminLinkConversationCustomerType } from "./validators"

/** An admin links the conversation to a customer by hand; the link is proven by them and records who and when. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminLinkConversationCustomerType>, res: MedusaResponse) => {
  const customer = await req.scope.resolve(Modules.CUSTOMER).retrieveCustomer(req.validatedBody.customer_id) // 404 for an unknown id
  await retrieveConversation(req.scope, req.params.id)
  await linkWhatsAppConversationCustomerWorkflow(req.scope).run({
    input: { conversation_id: req.params.id, customer_id: customer.id, admin_user_id: req.auth_context.actor_id },
  })
  res.json({ conversation: await retrieveConversation(req.scope, req.params.id) })
}

/** Unlinks: the next WhatsApp cart gets a new guest customer. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveConversation(req.scope, req.params.id)
  await linkWhatsAppConversationCustomerWorkflow(req.scope).run({
    input: { conversation_id: req.params.id, customer_id: null, admin_user_id: req.auth_context.actor_id },
  })
  res.json({ conversation: await retrieveConversation(req.scope, req.params.id) })
}
