import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveAccountSettings } from "../../../lib/account-settings"
import type { WhatsAppNotificationData } from "../../../lib/notifications/notification-data"
import { DELIVERY_LINK_DAYS } from "../../../lib/checkout-link"
import { clip } from "../../../lib/chat-format"
import {
  deliveryButtonText,
  deliveryLinkPrompt,
  orderConfirmationText,
  OrderUpdateKind,
  orderUpdateSummary,
  orderUpdateText,
  Tracking,
} from "../../../lib/order-texts"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import { loadWhatsAppOrder } from "../../orders/steps/load-whatsapp-order"

export type WhatsAppOrderUpdateInput = {
  order_id: string
  update: OrderUpdateKind
  /** For `shipped`: the fulfillment whose tracking numbers go into the message. */
  fulfillment_id?: string
}

export type PreparedOrderUpdate = { notification: CreateNotificationDTO | null; skipped: string | null }

/**
 * Builds the `whatsapp` notification for an order update, or says why there
 * is none: the order did not come from WhatsApp, the merchant switched this
 * update off, or the admin chose not to notify the customer.
 */
export const prepareWhatsAppOrderUpdateStep = createStep(
  "prepare-whatsapp-order-update",
  async (input: WhatsAppOrderUpdateInput, { container }) => {
    const skip = (reason: string) => new StepResponse<PreparedOrderUpdate>({ notification: null, skipped: reason })
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const { checkout, order } = await loadWhatsAppOrder(container, input.order_id)
    if (!checkout) return skip("not_from_whatsapp")
    if (order.no_notification) return skip("no_notification")
    const account = await whatsapp.retrieveWhatsappAccount(checkout.account_id, { select: ["id", "settings"] })
    const settings = resolveAccountSettings(account.settings)
    if (!settings.order_updates[input.update]) return skip("switched_off")

    const lang = checkout.language
    const tracking = input.fulfillment_id ? await trackingOf(container, input.fulfillment_id) : []
    // Order on submit without the address asked in the chat: the confirmation carries the delivery-details link.
    const deliveryLink =
      input.update === "placed" && settings.order_on_submit === "on" && !settings.ask_address_in_chat
        ? whatsapp.deliveryLink(checkout.id, new Date(Date.now() + DELIVERY_LINK_DAYS * 24 * 60 * 60 * 1000))
        : null
    const text =
      input.update === "placed"
        ? deliveryLink
          ? clip(`${orderConfirmationText(lang, order)}\n\n${deliveryLinkPrompt(lang)}`, 1024)
          : orderConfirmationText(lang, order)
        : orderUpdateText(lang, input.update, order.display_id, tracking)
    const template = settings.order_update_template
    const data: WhatsAppNotificationData = {
      account_id: checkout.account_id,
      conversation_id: checkout.conversation_id,
      text,
      ...(deliveryLink ? { button: { text: deliveryButtonText(lang), url: deliveryLink } } : {}),
      ...(template
        ? {
            template: {
              name: template.name,
              language: template.language,
              components: [
                {
                  type: "body",
                  parameters: [
                    { type: "text", text: `#${order.display_id}` },
                    { type: "text", text: orderUpdateSummary(lang, input.update, tracking) },
                  ],
                },
              ],
            },
          }
        : {}),
    }
    return new StepResponse<PreparedOrderUpdate>({
      notification: {
        to: (checkout.wa_id ?? checkout.user_id)!,
        channel: "whatsapp",
        template: `whatsapp-order-${input.update}`,
        data,
        trigger_type: `whatsapp.order.${input.update}`,
        resource_type: "order",
        resource_id: order.id,
        receiver_id: order.customer_id ?? undefined,
        idempotency_key: `whatsapp-order-${input.update}:${order.id}${input.fulfillment_id ? `:${input.fulfillment_id}` : ""}`,
      },
      skipped: null,
    })
  }
)

async function trackingOf(container: any, fulfillmentId: string): Promise<Tracking[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "fulfillment",
    fields: ["id", "labels.tracking_number", "labels.tracking_url"],
    filters: { id: fulfillmentId },
  })
  return ((data[0] as any)?.labels ?? [])
    .filter((l: any) => l.tracking_number)
    .map((l: any) => ({ number: l.tracking_number, url: /^https?:\/\//.test(l.tracking_url ?? "") ? l.tracking_url : null }))
}
