import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addressRequestText } from "../../../lib/cart-texts"
import type { SupportedLanguage } from "../../../lib/account-settings"
import { sendWhatsAppMessageWorkflow } from "../../channel/workflows/send-whatsapp-message"
import { handOffForAddressStep } from "../steps/hand-off-for-address"

export type AskWhatsAppDeliveryAddressInput = { whatsapp_cart_id: string; conversation_id: string; language: SupportedLanguage }

/**
 * Order on submit with `ask_address_in_chat`, for an order without a street
 * address: the customer is asked to reply with it, and the conversation goes
 * to a person, who enters the address on Medusa's order page. Once per cart.
 */
export const askWhatsAppDeliveryAddressWorkflow = createWorkflow(
  "ask-whatsapp-delivery-address",
  (input: AskWhatsAppDeliveryAddressInput) => {
    handOffForAddressStep(transform({ input }, ({ input }) => ({ conversation_id: input.conversation_id })))
    const sent = sendWhatsAppMessageWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        conversation_id: input.conversation_id,
        message: { type: "text" as const, text: { body: addressRequestText(input.language) } },
        idempotency_key: `address-request:${input.whatsapp_cart_id}`,
      })),
    })
    return new WorkflowResponse(sent)
  }
)
