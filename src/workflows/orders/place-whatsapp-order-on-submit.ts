import type { MedusaContainer } from "@medusajs/framework/types"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { resolveAccountSettings } from "../../lib/account-settings"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import { notifyAdminStep } from "../selling/steps/notify-admin"
import { placeWhatsAppOrderNow, type PlacedWhatsAppOrder } from "./place-whatsapp-order-now"
import { askWhatsAppDeliveryAddressWorkflow } from "./workflows/ask-whatsapp-delivery-address"

/** A feed notice on its own, for outcomes found outside a workflow. */
const notifyAdminsWorkflow = createWorkflow("notify-whatsapp-admins-of-order-on-submit", (notice: { title: string; description: string; resource_type: string; resource_id: string }) =>
  new WorkflowResponse(notifyAdminStep(notice))
)

/**
 * The account setting `order_on_submit`: a submitted cart is completed at
 * once with manual payment (placeWhatsAppOrderNow). With `ask_address_in_chat`
 * an order without a street address asks for it in the chat. A cart that
 * cannot become an order is reported to the admins (the customer was told
 * an order is coming; a person follows up). Accounts with the setting off:
 * nothing happens.
 */
export async function placeWhatsAppOrderOnSubmit(scope: MedusaContainer, input: { whatsapp_cart_id: string; account_id: string }): Promise<PlacedWhatsAppOrder | null> {
  const whatsapp: WhatsAppModuleService = scope.resolve(WHATSAPP_MODULE)
  const account = await whatsapp.retrieveWhatsappAccount(input.account_id, { select: ["id", "settings"] })
  const settings = resolveAccountSettings(account.settings)
  if (settings.order_on_submit !== "on") return null

  const placed = await placeWhatsAppOrderNow(scope, input.whatsapp_cart_id)
  const checkout = await whatsapp.findWhatsAppCart({ id: input.whatsapp_cart_id })
  if (placed.status === "refused") {
    await notifyAdminsWorkflow(scope).run({
      input: {
        title: "WhatsApp order could not be placed on submit",
        description: `A submitted cart did not become an order: ${placed.reason}. Follow up in the conversation.`,
        resource_type: "whatsapp_conversation",
        resource_id: checkout?.conversation_id ?? input.whatsapp_cart_id,
      },
    })
    return placed
  }
  if (settings.ask_address_in_chat && !placed.has_street_address && checkout) {
    await askWhatsAppDeliveryAddressWorkflow(scope).run({
      input: { whatsapp_cart_id: checkout.id, conversation_id: checkout.conversation_id, language: checkout.language },
    })
  }
  return placed
}
