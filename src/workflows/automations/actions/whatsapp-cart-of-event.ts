import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { WhatsAppCartRow } from "../../../modules/whatsapp/types"
import type { AutomationActionContext } from "../types"

/** The WhatsApp cart an event is about: named directly, or found from its Medusa cart or order. */
export async function whatsappCartOfEvent(context: AutomationActionContext): Promise<WhatsAppCartRow | null> {
  const whatsapp: WhatsAppModuleService = context.container.resolve(WHATSAPP_MODULE)
  const { whatsapp_cart_id, cart_id, order_id } = context.event
  if (whatsapp_cart_id) return whatsapp.findWhatsAppCart({ id: whatsapp_cart_id })
  if (cart_id) return whatsapp.findWhatsAppCart({ cart_id })
  if (order_id) return whatsapp.findWhatsAppCart({ order_id })
  return null
}
