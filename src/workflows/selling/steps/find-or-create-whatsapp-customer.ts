import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { toE164 } from "../../../lib/phone"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { CustomerLink } from "../../../modules/whatsapp/types"

type Compensation = { conversation_id: string; created_id: string; previous: CustomerLink } | null

/**
 * The Medusa customer a WhatsApp cart belongs to: the conversation's proven
 * customer (created here from WhatsApp, proven by the customer through a
 * one-time link, or linked by an admin), else a new guest customer created
 * for this sender. Never a customer found by phone: anyone can type any
 * number on a storefront account, and that account would then see this
 * sender's orders and prefill their checkout.
 */
export const findOrCreateWhatsAppCustomerStep = createStep(
  "find-or-create-whatsapp-customer",
  async (input: { conversation_id: string; wa_id: string | null; profile_name: string | null }, { container }) => {
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    // A username customer may withhold the phone: the cart then goes without
    // a customer until the checkout page asks for the email and phone.
    const phone = input.wa_id ? toE164(input.wa_id) : null
    const proven = await whatsapp.provenCustomerId(input.conversation_id)
    if (proven) {
      return new StepResponse({ customer_id: proven as string | null, phone }, null as Compensation)
    }
    if (!phone) {
      return new StepResponse({ customer_id: null as string | null, phone: null as string | null }, null as Compensation)
    }

    const customers = container.resolve(Modules.CUSTOMER)
    const [firstName, ...rest] = (input.profile_name ?? "").trim().split(/\s+/)
    const customer = (await customers.createCustomers({
      phone,
      first_name: firstName || null,
      last_name: rest.join(" ") || null,
      has_account: false,
      metadata: { source: "whatsapp", whatsapp_conversation_id: input.conversation_id },
    } as any)) as unknown as { id: string }
    const written = await whatsapp.linkConversationCustomer(
      input.conversation_id,
      { customer_id: customer.id, method: "whatsapp_created", linked_by: null, linked_at: new Date() },
      { onlyIfUnproven: true }
    )
    if (!written?.changed) {
      // Another cart of the same sender linked its own guest first: use that one.
      await customers.deleteCustomers([customer.id])
      return new StepResponse({ customer_id: written?.current.customer_id ?? null, phone }, null as Compensation)
    }
    return new StepResponse(
      { customer_id: customer.id as string | null, phone },
      { conversation_id: input.conversation_id, created_id: customer.id, previous: written.previous } as Compensation
    )
  },
  async (compensation, { container }) => {
    if (!compensation) return
    const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
    await whatsapp.linkConversationCustomer(compensation.conversation_id, compensation.previous)
    await container.resolve(Modules.CUSTOMER).deleteCustomers([compensation.created_id])
  }
)
