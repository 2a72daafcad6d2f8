import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { ProductWhatsappSettings, ProductWithVariants, WhatsappCart, WhatsappConversation } from "./catalog-types"

const widgetKeys = {
  productSettings: (productId: string) => ["whatsapp", "product-settings", productId] as const,
  productVariants: (productId: string) => ["whatsapp", "product-variants", productId] as const,
  orderCarts: (orderId: string) => ["whatsapp", "carts", { order_id: orderId }] as const,
  conversation: (id: string) => ["whatsapp", "conversations", id] as const,
  customerConversations: (customerId: string) => ["whatsapp", "conversations", { customer_id: customerId }] as const,
}

export function useProductWhatsappSettings(productId: string) {
  return useQuery({
    queryKey: widgetKeys.productSettings(productId),
    queryFn: () => sdk.client.fetch<ProductWhatsappSettings>(`/admin/whatsapp/products/${productId}/settings`),
  })
}

export function useUpdateProductWhatsappSettings(productId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { searchable?: boolean; hidden_in_catalog?: boolean }) =>
      sdk.client.fetch<ProductWhatsappSettings>(`/admin/whatsapp/products/${productId}/settings`, { method: "POST", body }),
    onSuccess: (data) => queryClient.setQueryData(widgetKeys.productSettings(productId), data),
  })
}

/** The product page loads the product without its variants ("-variants"), so read them here. */
export function useProductVariantTitles(productId: string) {
  return useQuery({
    queryKey: widgetKeys.productVariants(productId),
    queryFn: () =>
      sdk.client.fetch<{ product: ProductWithVariants }>(`/admin/products/${productId}`, {
        query: { fields: "id,title,variants.id,variants.title,variants.sku" },
      }),
  })
}

export function useOrderWhatsappCarts(orderId: string) {
  return useQuery({
    queryKey: widgetKeys.orderCarts(orderId),
    queryFn: () => sdk.client.fetch<{ carts: WhatsappCart[] }>("/admin/whatsapp/carts", { query: { order_id: orderId, limit: 5 } }),
  })
}

export function useWhatsappConversation(conversationId: string | undefined) {
  return useQuery({
    queryKey: widgetKeys.conversation(conversationId ?? "none"),
    queryFn: () => sdk.client.fetch<{ conversation: WhatsappConversation }>(`/admin/whatsapp/conversations/${conversationId}`),
    enabled: !!conversationId,
  })
}

export function useCustomerConversations(customerId: string) {
  return useQuery({
    queryKey: widgetKeys.customerConversations(customerId),
    queryFn: () =>
      sdk.client.fetch<{ conversations: WhatsappConversation[]; count: number }>("/admin/whatsapp/conversations", {
        query: { customer_id: customerId, limit: 20 },
      }),
  })
}

export function useMarkWhatsappCartPaid(orderId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (cartId: string) =>
      sdk.client.fetch<{ cart: WhatsappCart }>(`/admin/whatsapp/carts/${cartId}/mark-paid`, { method: "POST", body: {} }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: widgetKeys.orderCarts(orderId) })
      // The capture changes the order's payment status: refresh the dashboard's own order queries.
      queryClient.invalidateQueries({ queryKey: ["orders"] })
    },
  })
}
