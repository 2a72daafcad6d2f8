import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminWhatsAppAutomationListResponse,
  AdminWhatsAppAutomationRequest,
  AdminWhatsAppAutomationResponse,
  AdminWhatsAppAutomationRunsResponse,
  AdminWhatsAppAutomationTestRequest,
  AdminWhatsAppAutomationTestResponse,
} from "../../types/http"
import { sdk } from "../lib/sdk"
import { whatsappKeys } from "./keys"

const BASE = "/admin/whatsapp/automations"

/** Rules with their last run; refreshed every 15 s so a run's outcome shows without reloading. */
export function useAutomations(params: { limit?: number; offset?: number } = { limit: 100 }) {
  return useQuery({
    queryKey: whatsappKeys.automations.list(params),
    queryFn: () => sdk.client.fetch<AdminWhatsAppAutomationListResponse>(BASE, { query: params }),
    refetchInterval: 15_000,
  })
}

export function useAutomation(id: string | undefined) {
  return useQuery({
    queryKey: whatsappKeys.automations.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminWhatsAppAutomationResponse>(`${BASE}/${id}`),
    enabled: !!id,
  })
}

/** Creates (no `id`) or replaces a rule; enabling and disabling send the whole rule too. */
export function useSaveAutomation() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: AdminWhatsAppAutomationRequest }) =>
      sdk.client.fetch<AdminWhatsAppAutomationResponse>(id ? `${BASE}/${id}` : BASE, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.automations.all }),
  })
}

export function useDeleteAutomation() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch<unknown>(`${BASE}/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.automations.all }),
  })
}

/** What the rule would do for a sample event; nothing is sent, so nothing to invalidate. */
export function useTestAutomation(id: string) {
  return useMutation({
    mutationFn: (body: AdminWhatsAppAutomationTestRequest) =>
      sdk.client.fetch<AdminWhatsAppAutomationTestResponse>(`${BASE}/${id}/test`, { method: "POST", body }),
  })
}

/** A rule's recent runs, newest first, polled while the page is open. */
export function useAutomationRuns(id: string, params: { limit: number; offset: number }) {
  return useQuery({
    queryKey: whatsappKeys.automations.runs(id, params),
    queryFn: () => sdk.client.fetch<AdminWhatsAppAutomationRunsResponse>(`${BASE}/${id}/runs`, { query: params }),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  })
}
