import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setConversationCustomerStep } from "../steps/set-conversation-customer"

export type LinkWhatsAppConversationCustomerInput = {
  conversation_id: string
  /** null unlinks. */
  customer_id: string | null
  /** The admin user doing it, recorded with the time. */
  admin_user_id: string
}

/** An admin links a conversation to a customer by hand (or unlinks it); who and when are kept. */
export const linkWhatsAppConversationCustomerWorkflow = createWorkflow(
  "link-whatsapp-conversation-customer",
  (input: LinkWhatsAppConversationCustomerInput) => {
    const link = transform({ input }, ({ input }) => ({
      conversation_id: input.conversation_id,
      link: input.customer_id
        ? { customer_id: input.customer_id, method: "linked_by_admin" as const, linked_by: input.admin_user_id, linked_at: new Date() }
        : { customer_id: null, method: null, linked_by: null, linked_at: null },
    }))
    return new WorkflowResponse(setConversationCustomerStep(link))
  }
)
