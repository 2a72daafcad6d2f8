import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { AdminWhatsAppCartListResponse, AdminWhatsAppMarkCartPaidResponse } from "../../types/http"
import { sdk } from "../lib/sdk"
import { POLL_MS } from "./conversations"
import { whatsappKeys } from "./keys"

type CartFilters = { conversation_id?: string; order_id?: string; limit?: number }

export function useWhatsAppCarts(filters: CartFilters, options: { enabled?: boolean; poll?: boolean } = {}) {
  return useQuery({
    queryKey: whatsappKeys.carts.list(filters),
    queryFn: () => sdk.client.fetch<AdminWhatsAppCartListResponse>("/admin/whatsapp/carts", { query: filters }),
    enabled: options.enabled ?? true,
    refetchInterval: options.poll ? POLL_MS * 2 : false,
  })
}

/** "Mark as paid": captures a manual payment. */
export function useMarkWhatsAppCartPaid() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (cartId: string) =>
      sdk.client.fetch<AdminWhatsAppMarkCartPaidResponse>(`/admin/whatsapp/carts/${cartId}/mark-paid`, { method: "POST", body: {} }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: whatsappKeys.carts.all })
      queryClient.invalidateQueries({ queryKey: whatsappKeys.stats.all })
      // The capture changes the order's payment status: refresh the dashboard's own order queries.
      queryClient.invalidateQueries({ queryKey: ["orders"] })
    },
  })
}
