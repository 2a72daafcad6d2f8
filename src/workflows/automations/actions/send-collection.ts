import type { AutomationActionHandler } from "../types"
import { sendProducts } from "./send-products-message"

export const handler: AutomationActionHandler<"send_collection"> = (action, context) =>
  sendProducts(context, { collection_id: action.collection_id }, action.text)
