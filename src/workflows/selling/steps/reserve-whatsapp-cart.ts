import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SupportedLanguage } from "../../../lib/account-settings"
import type { OrderItem } from "../../../lib/cart/reconcile-order"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

export type WhatsAppCartReservation = {
  whatsapp_cart_id: string
  /** False when this order message was already handled (or is being handled): do nothing. */
  fresh: boolean
  message_id: string
  wamid: string
  conversation_id: string
  /** Null for a username customer whose phone Meta withholds. */
  wa_id: string | null
  user_id: string | null
  profile_name: string | null
  account: {
    id: string
    catalog_id: string | null
    region_id: string | null
    sales_channel_id: string | null
    language: SupportedLanguage
  }
  order: { catalog_id: string | null; text: string | null; product_items: OrderItem[] }
}

/**
 * Claims the order message's one `whatsapp_cart` row (unique on the order
 * wamid). A replay, or a second worker on the same message, finds the row
 * and gets `fresh: false`. A row left `pending` by a process that died is
 * taken over after a grace period.
 */
export const reserveWhatsAppCartStep = createStep(
  "reserve-whatsapp-cart",
  async (input: { message_id: string }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const row = await whatsapp.loadOrderMessage(input.message_id)
    if (!row || row.direction !== "inbound" || row.type !== "order" || !row.wamid) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Message ${input.message_id} is not an incoming WhatsApp order`)
    }
    const order = row.payload?.order ?? {}
    const reserved = await whatsapp.reserveWhatsAppCart({
      account_id: row.account_id,
      conversation_id: row.conversation_id,
      source_wamid: row.wamid,
      source_message_id: row.id,
    })
    const result: WhatsAppCartReservation = {
      whatsapp_cart_id: reserved.id,
      fresh: reserved.fresh,
      message_id: row.id,
      wamid: row.wamid,
      conversation_id: row.conversation_id,
      wa_id: row.wa_id,
      user_id: row.user_id,
      profile_name: row.profile_name,
      account: {
        id: row.account_id,
        catalog_id: row.catalog_id,
        region_id: row.region_id,
        sales_channel_id: row.sales_channel_id,
        language: row.language,
      },
      order: {
        catalog_id: order.catalog_id ?? null,
        text: order.text ?? null,
        product_items: Array.isArray(order.product_items) ? order.product_items : [],
      },
    }
    return new StepResponse(result, reserved.created ? reserved.id : null)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    // Only an unfinished row goes: the next attempt reserves it afresh.
    await whatsapp.releasePendingCart(createdId)
  }
)
