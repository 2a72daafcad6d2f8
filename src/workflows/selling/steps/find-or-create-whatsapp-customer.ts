import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { toE164 } from "../../../lib/phone"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

/**
 * The Medusa customer behind a WhatsApp number: matched by phone in E.164
 * (how Medusa's storefronts and admins enter it), created as a guest
 * customer otherwise, and remembered on the conversation.
 */
export const findOrCreateWhatsAppCustomerStep = createStep(
  "find-or-create-whatsapp-customer",
  async (input: { conversation_id: string; wa_id: string; profile_name: string | null }, { container }) => {
    const customers = container.resolve(Modules.CUSTOMER)
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    const phone = toE164(input.wa_id)
    if (!phone) {
      return new StepResponse({ customer_id: null as string | null, phone: null as string | null }, null)
    }
    const [existing] = await customers.listCustomers({ phone } as any, { take: 1, order: { created_at: "ASC" } })
    let created: string | null = null
    let customerId = existing?.id
    if (!customerId) {
      const [firstName, ...rest] = (input.profile_name ?? "").trim().split(/\s+/)
      const customer = await customers.createCustomers({
        phone,
        first_name: firstName || null,
        last_name: rest.join(" ") || null,
        has_account: false,
        metadata: { source: "whatsapp" },
      } as any) as unknown as { id: string }
      customerId = customer.id
      created = customer.id
    }
    await whatsapp.sql.execute(
      `update whatsapp_conversation set customer_id = ?, updated_at = now() where id = ? and customer_id is distinct from ?`,
      [customerId, input.conversation_id, customerId]
    )
    return new StepResponse({ customer_id: customerId as string | null, phone }, created)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    await container.resolve(Modules.CUSTOMER).deleteCustomers([createdId])
  }
)
