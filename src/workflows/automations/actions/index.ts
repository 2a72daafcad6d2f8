import type { AutomationActionType } from "../../../types/http/automations"
import type { AutomationActionHandler, AutomationActionOutcome } from "../types"
import { handler as sendText } from "./send-text"
import { handler as sendTemplate } from "./send-template"
import { handler as sendProducts } from "./send-products"
import { handler as sendCollection } from "./send-collection"
import { handler as notifyAdmins } from "./notify-admins"
import { handler as tagConversation } from "./tag-conversation"
import { handler as addToCustomerGroup } from "./add-to-customer-group"
import { handler as webhook } from "./webhook"
import { handler as sendDiscount } from "./send-discount"
import { handler as assignConversation } from "./assign-conversation"
import { handler as createOrder } from "./create-order"
import { handler as markOrderPaid } from "./mark-order-paid"

type Registry = { [T in AutomationActionType]?: AutomationActionHandler<T> }

/** Each action type and its handler (one file per type, see the brief of issue 22). */
export const ACTION_HANDLERS: Registry = {
  send_text: sendText,
  send_template: sendTemplate,
  send_products: sendProducts,
  send_collection: sendCollection,
  notify_admins: notifyAdmins,
  tag_conversation: tagConversation,
  add_to_customer_group: addToCustomerGroup,
  webhook,
  send_discount: sendDiscount,
  assign_conversation: assignConversation,
  create_order: createOrder,
  mark_order_paid: markOrderPaid,
}

/** The handler of a type; a type without one fails visibly instead of being dropped. */
export function actionHandler(type: AutomationActionType): AutomationActionHandler {
  const handler = ACTION_HANDLERS[type] as AutomationActionHandler | undefined
  return handler ?? (async (): Promise<AutomationActionOutcome> => ({ status: "failed", detail: `action ${type} is not available in this version` }))
}
