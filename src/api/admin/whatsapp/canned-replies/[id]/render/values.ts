import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { type CannedReplyValues, firstName } from "../../../../../../lib/inbox/canned-reply"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"

/**
 * What a canned reply's variables mean for one conversation and the admin
 * inserting it: the linked Medusa customer's name first (the WhatsApp
 * profile name otherwise), the store's name, the admin's first name.
 */
export async function cannedReplyValues(container: MedusaContainer, conversationId: string, adminUserId: string): Promise<CannedReplyValues> {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const conversation = await whatsapp.retrieveWhatsappConversation(conversationId, {
    select: ["id", "profile_name", "username", "wa_id", "customer_id"],
  })
  const [customer] = conversation.customer_id
    ? await container.resolve(Modules.CUSTOMER).listCustomers({ id: conversation.customer_id }, { select: ["first_name", "last_name"] })
    : []
  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 })
  const [agent] = await container.resolve(Modules.USER).listUsers({ id: adminUserId }, { select: ["first_name"] })
  const customerName = [customer?.first_name, customer?.last_name].filter(Boolean).join(" ") || conversation.profile_name || null
  return {
    customer_name: customerName,
    customer_first_name: customer?.first_name || firstName(conversation.profile_name),
    store_name: store?.name ?? null,
    phone: conversation.wa_id ? `+${conversation.wa_id}` : null,
    username: conversation.username ?? null,
    agent_name: agent?.first_name ?? null,
  }
}
