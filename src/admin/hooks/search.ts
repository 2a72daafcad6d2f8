import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminWhatsAppSearchResponse,
  AdminWhatsAppSearchSynonymDeleteResponse,
  AdminWhatsAppSearchSynonymListResponse,
  AdminWhatsAppSearchSynonymResponse,
} from "../../types/http"
import { sdk } from "../lib/sdk"
import { whatsappKeys } from "./keys"

const BASE = "/admin/whatsapp/search/synonyms"

export function useSearchSynonyms() {
  return useQuery({
    queryKey: whatsappKeys.searchSynonyms.lists(),
    queryFn: () => sdk.client.fetch<AdminWhatsAppSearchSynonymListResponse>(BASE),
  })
}

/** Creates (no id) or changes a group; the try-out box reads again, since results may change. */
export function useSaveSearchSynonym(id?: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { mode?: "two_way" | "one_way"; source?: string | null; terms: string[] }) =>
      sdk.client.fetch<AdminWhatsAppSearchSynonymResponse>(id ? `${BASE}/${id}` : BASE, { method: "POST", body }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: whatsappKeys.searchSynonyms.all })
      queryClient.invalidateQueries({ queryKey: [...whatsappKeys.all, "search"] })
    },
  })
}

export function useDeleteSearchSynonym() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch<AdminWhatsAppSearchSynonymDeleteResponse>(`${BASE}/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: whatsappKeys.searchSynonyms.all })
      queryClient.invalidateQueries({ queryKey: [...whatsappKeys.all, "search"] })
    },
  })
}

/** How a text is understood and what it finds, as a customer's message would be (GET /admin/whatsapp/search). */
export function useSearchTryOut(q: string) {
  return useQuery({
    queryKey: whatsappKeys.searchTryOut(q),
    queryFn: () => sdk.client.fetch<AdminWhatsAppSearchResponse>("/admin/whatsapp/search", { query: { q, limit: 5 } }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  })
}
