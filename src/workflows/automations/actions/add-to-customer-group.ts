import { linkCustomersToCustomerGroupWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"
import type { AutomationActionHandler } from "../types"
import { failure } from "./queue-message"

/** Adds the event's Medusa customer to a customer group (Medusa's own link workflow; adding twice is harmless). */
export const handler: AutomationActionHandler<"add_to_customer_group"> = async (action, context) => {
  const whatsapp: WhatsAppModuleService = context.container.resolve(WHATSAPP_MODULE)
  let customerId = context.event.customer_id ?? null
  if (!customerId && context.event.order_id) {
    const query = context.container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["customer_id"], filters: { id: context.event.order_id } })
    customerId = (data[0] as any)?.customer_id ?? null
  }
  if (!customerId && context.event.conversation_id) customerId = (await whatsapp.automationConversation(context.event.conversation_id))?.customer_id ?? null
  if (!customerId) return { status: "skipped", detail: "no Medusa customer linked to this conversation" }
  const query = context.container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["groups.id"], filters: { id: customerId } })
  if (((data[0] as any)?.groups ?? []).some((g: any) => g.id === action.customer_group_id)) {
    return { status: "done", detail: `customer ${customerId} already in group ${action.customer_group_id}` }
  }
  try {
    await linkCustomersToCustomerGroupWorkflow(context.container).run({ input: { id: action.customer_group_id, add: [customerId] } })
    return { status: "done", detail: `customer ${customerId} added to group ${action.customer_group_id}` }
  } catch (error) {
    return failure(error, "not added to the group")
  }
}
