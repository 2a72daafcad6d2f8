import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminWhatsAppAccountDetailResponse,
  AdminWhatsAppAccountListResponse,
  AdminWhatsAppAccountResponse,
  AdminWhatsAppCommerceSettingsResponse,
  AdminWhatsAppHealthResponse,
  AdminWhatsAppSetupResponse,
  AdminWhatsAppSubscribeResponse,
  AdminWhatsAppSubmitStarterTemplatesRequest,
  AdminWhatsAppSubmitStarterTemplatesResponse,
  AdminWhatsAppTemplatesResponse,
} from "../../types/http"
import { sdk } from "../lib/sdk"
import { whatsappKeys } from "./keys"

const BASE = "/admin/whatsapp/accounts"

export function useWhatsAppAccounts(params: { limit?: number; offset?: number } = { limit: 50 }) {
  return useQuery({
    queryKey: whatsappKeys.accounts.list(params),
    queryFn: () => sdk.client.fetch<AdminWhatsAppAccountListResponse>(BASE, { query: params }),
  })
}

export function useWhatsAppAccount(id: string | undefined) {
  return useQuery({
    queryKey: whatsappKeys.accounts.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<AdminWhatsAppAccountDetailResponse>(`${BASE}/${id}`),
    enabled: !!id,
  })
}

/** Adds (no `id`) or edits an account; secrets are sent only when typed. */
export function useSaveWhatsAppAccount(id?: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      sdk.client.fetch<AdminWhatsAppAccountResponse>(id ? `${BASE}/${id}` : BASE, { method: "POST", body }),
    // Name, catalog, token and region show on every WhatsApp screen.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.all }),
  })
}

export function useAccountHealth(id: string) {
  return useQuery({
    queryKey: whatsappKeys.accounts.health(id),
    queryFn: () => sdk.client.fetch<AdminWhatsAppHealthResponse>(`${BASE}/${id}/health`),
  })
}

export function useSubscribeWebhooks(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => sdk.client.fetch<AdminWhatsAppSubscribeResponse>(`${BASE}/${id}/subscribe`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.accounts.health(id) }),
  })
}

export function useUpdateCommerceSettings(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { is_cart_enabled?: boolean; is_catalog_visible?: boolean }) =>
      sdk.client.fetch<AdminWhatsAppCommerceSettingsResponse>(`${BASE}/${id}/commerce-settings`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.accounts.health(id) }),
  })
}

export function useAccountTemplates(id: string, options: { enabled?: boolean; retry?: boolean; refetchInterval?: number | false } = {}) {
  return useQuery({
    queryKey: whatsappKeys.accounts.templates(id),
    queryFn: () => sdk.client.fetch<AdminWhatsAppTemplatesResponse>(`${BASE}/${id}/templates`),
    enabled: options.enabled ?? true,
    retry: options.retry,
    refetchInterval: options.refetchInterval,
    // Templates change rarely and the call goes to Meta: don't repeat it on every render.
    staleTime: 60_000,
  })
}

/** Submits the store's templates for Meta's review; the templates, settings and health then change. */
export function useSubmitStarterTemplates(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminWhatsAppSubmitStarterTemplatesRequest) =>
      sdk.client.fetch<AdminWhatsAppSubmitStarterTemplatesResponse>(`${BASE}/${id}/templates/starter`, { method: "POST", body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: whatsappKeys.accounts.templates(id) }),
        queryClient.invalidateQueries({ queryKey: whatsappKeys.accounts.health(id) }),
        queryClient.invalidateQueries({ queryKey: whatsappKeys.accounts.detail(id) }),
      ]),
  })
}

/** What to paste into the Meta app dashboard. */
export function useWebhookSetup() {
  return useQuery({
    queryKey: whatsappKeys.setup(),
    queryFn: () => sdk.client.fetch<AdminWhatsAppSetupResponse>("/admin/whatsapp/setup"),
  })
}
