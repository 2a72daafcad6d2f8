import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { formatMoney } from "../../lib/chat-format"
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from "../../lib/account-settings"
import type { ConditionFacts } from "../../lib/automations/conditions"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"
import type { AutomationConversation } from "../../modules/whatsapp/sql/automations"
import type { AutomationTriggerEvent } from "./types"
import { linesInOrderAdded } from "../../lib/lines-in-order-added"

export type AutomationFacts = {
  facts: ConditionFacts
  variables: Record<string, string>
  conversation: AutomationConversation | null
}

const num = (v: unknown): number | null => (v == null ? null : Number(v))

/**
 * Everything a rule's conditions and texts read, loaded when the run runs
 * (so a delayed rule sees the cart and the customer as they are then).
 * Totals are Medusa's own computed totals (query.graph `total`).
 */
export async function loadAutomationFacts(
  container: MedusaContainer,
  event: AutomationTriggerEvent,
  /** Already read with the run's claim (with the account's name). */
  preloaded?: (AutomationConversation & { store_name: string | null }) | null
): Promise<AutomationFacts> {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const conversation = preloaded ?? (event.conversation_id ? await whatsapp.automationConversation(event.conversation_id) : null)
  const accountId = event.account_id ?? conversation?.account_id ?? null
  const storeName = preloaded && accountId === preloaded.account_id ? preloaded.store_name : accountId ? await whatsapp.accountName(accountId) : null
  const waCart = await whatsapp.automationCart(event.whatsapp_cart_id ? { id: event.whatsapp_cart_id } : { order_id: event.order_id })
  const cartId = event.cart_id ?? waCart?.cart_id ?? null
  const orderId = event.order_id ?? waCart?.order_id ?? null
  const language = (SUPPORTED_LANGUAGES as readonly string[]).includes(conversation?.language ?? "")
    ? (conversation!.language as SupportedLanguage)
    : "en"

  const cart = cartId
    ? ((
        await query.graph({
          entity: "cart",
          fields: ["id", "total", "currency_code", "customer_id", "items.id", "items.created_at", "items.product_id", "items.product.collection_id", "items.product.title"],
          filters: { id: cartId },
        })
      ).data[0] as any)
    : null
  const order = orderId
    ? ((
        await query.graph({
          entity: "order",
          fields: ["id", "display_id", "status", "total", "currency_code", "customer_id", "created_at", "items.id", "items.created_at", "items.product_id", "items.product.collection_id", "items.product.title"],
          filters: { id: orderId },
        })
      ).data[0] as any)
    : null

  const customerId = event.customer_id ?? order?.customer_id ?? cart?.customer_id ?? waCart?.customer_id ?? conversation?.customer_id ?? null
  const customer = customerId
    ? ((await query.graph({ entity: "customer", fields: ["id", "first_name", "last_name", "groups.id"], filters: { id: customerId } })).data[0] as any)
    : null
  let previousOrders: number | null = null
  if (customerId) {
    const { data: orders } = await query.graph({ entity: "order", fields: ["id", "created_at"], filters: { customer_id: customerId } })
    const before = order ? orders.filter((o: any) => o.id !== order.id && new Date(o.created_at) <= new Date(order.created_at)) : orders
    previousOrders = before.length
  }

  // {{product_name}} names the first line added, in the preview and the run alike.
  const items: any[] = [...linesInOrderAdded<any>(cart?.items), ...linesInOrderAdded<any>(order?.items)]
  const product = event.product_id
    ? ((await query.graph({ entity: "product", fields: ["id", "title"], filters: { id: event.product_id } })).data[0] as any)
    : null

  const variables: Record<string, string> = {}
  const set = (name: string, value: unknown) => {
    if (value != null && value !== "") variables[name] = String(value)
  }
  const customerName = [customer?.first_name, customer?.last_name].filter(Boolean).join(" ") || conversation?.profile_name
  set("customer_name", customerName)
  set("product_id", event.product_id ?? items[0]?.product_id)
  set("product_name", product?.title ?? items[0]?.product?.title)
  if (cart?.total != null) set("cart_total", formatMoney(Number(cart.total), cart.currency_code, language))
  if (waCart?.cart_id && waCart.checkout_expires_at && new Date(waCart.checkout_expires_at) > new Date()) {
    set("checkout_url", whatsapp.checkoutLink(waCart.id, waCart.cart_id, new Date(waCart.checkout_expires_at)))
  }
  set("order_display_id", order?.display_id)
  set("order_status", order?.status)
  set("store_name", storeName)

  return {
    conversation,
    variables,
    facts: {
      account_id: accountId,
      language: conversation?.language ?? null,
      cart_total: num(cart?.total),
      order_total: num(order?.total),
      previous_orders: previousOrders,
      customer_group_ids: (customer?.groups ?? []).map((g: any) => g.id),
      product_ids: [...new Set(items.map((i) => i.product_id).filter(Boolean))] as string[],
      collection_ids: [...new Set(items.map((i) => i.product?.collection_id).filter(Boolean))] as string[],
    },
  }
}
