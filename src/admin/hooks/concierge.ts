import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { AdminWhatsAppConciergeTryResponse, AdminWhatsAppFaqAnswer, AdminWhatsAppFaqResponse } from "../../types/http"
import { apiErrorMessage } from "../lib/api-error"
import { sdk } from "../lib/sdk"
import { whatsappKeys } from "./keys"

const BASE = "/admin/whatsapp/accounts"

export function useFaqAnswers(accountId: string | undefined) {
  return useQuery({
    queryKey: whatsappKeys.accounts.faq(accountId ?? ""),
    queryFn: () => sdk.client.fetch<AdminWhatsAppFaqResponse>(`${BASE}/${accountId}/faq`),
    enabled: !!accountId,
  })
}

/** Saves answers; an empty answer removes that topic in that language. */
export function useSaveFaqAnswers(accountId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (answers: Pick<AdminWhatsAppFaqAnswer, "topic" | "language" | "answer">[]) =>
      sdk.client.fetch<AdminWhatsAppFaqResponse>(`${BASE}/${accountId}/faq`, { method: "POST", body: { answers } }),
    onSuccess: () => {
      toast.success("FAQ answers saved")
      return queryClient.invalidateQueries({ queryKey: whatsappKeys.accounts.faq(accountId) })
    },
    onError: (error) => toast.error(`Could not save: ${apiErrorMessage(error)}`),
  })
}

/** How a text would be understood; sends nothing to anyone. */
export function useTryConcierge(accountId: string) {
  return useMutation({
    mutationFn: (text: string) => sdk.client.fetch<AdminWhatsAppConciergeTryResponse>(`${BASE}/${accountId}/concierge/try`, { method: "POST", body: { text } }),
  })
}
