import type { AutomationActionHandler } from "../types"
import { sendProducts } from "./send-products-message"

export const handler: AutomationActionHandler<"send_products"> = (action, context) =>
  sendProducts(context, { product_ids: action.product_ids, variant_ids: action.variant_ids }, action.text)
