import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminWhatsAppCatalogSyncRun,
  AdminWhatsAppCheckNumberRequest,
  AdminWhatsAppCheckNumberResponse,
  AdminWhatsAppConnectCatalogRequest,
  AdminWhatsAppConnectCatalogResponse,
  AdminWhatsAppCreateMetaCatalogRequest,
  AdminWhatsAppCreateMetaCatalogResponse,
  AdminWhatsAppEmbeddedSignupRequest,
  AdminWhatsAppEmbeddedSignupResponse,
  AdminWhatsAppMetaCatalogsResponse,
  AdminWhatsAppMetaStatusResponse,
  AdminWhatsAppOnboardingConfigResponse,
  AdminWhatsAppPhoneStepResponse,
  AdminWhatsAppRegisterRequest,
  AdminWhatsAppRequestCodeRequest,
  AdminWhatsAppVerifyCodeRequest,
} from "../../types/http"
import { onboardingRequest } from "../lib/onboarding-request"
import { whatsappKeys } from "./keys"

/**
 * Guided onboarding (issue 20). Every request goes through
 * `onboardingRequest`, so a failure carries the route's `next_step` and
 * Meta's error (`failureOf(error)` in lib/onboarding-error-body).
 */

const ACCOUNTS = "/admin/whatsapp/accounts"
const ONBOARDING = "/admin/whatsapp/onboarding"

/** Whether "Connect with Facebook" is offered, and what Meta's SDK needs. */
export function useOnboardingConfig() {
  return useQuery({
    queryKey: whatsappKeys.onboarding(),
    queryFn: () => onboardingRequest<AdminWhatsAppOnboardingConfigResponse>(ONBOARDING),
    staleTime: Infinity,
  })
}

export function useCheckNumber() {
  return useMutation({
    mutationFn: (body: AdminWhatsAppCheckNumberRequest) =>
      onboardingRequest<AdminWhatsAppCheckNumberResponse>(`${ONBOARDING}/check-number`, { method: "POST", body }),
  })
}

export function useEmbeddedSignup() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminWhatsAppEmbeddedSignupRequest) =>
      onboardingRequest<AdminWhatsAppEmbeddedSignupResponse>(`${ONBOARDING}/embedded-signup`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.accounts.all }),
  })
}

export function useMetaCatalogs(accountId: string) {
  return useQuery({
    queryKey: whatsappKeys.accounts.metaCatalogs(accountId),
    queryFn: () => onboardingRequest<AdminWhatsAppMetaCatalogsResponse>(`${ACCOUNTS}/${accountId}/meta-catalogs`),
    retry: false,
  })
}

export function useCreateMetaCatalog(accountId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminWhatsAppCreateMetaCatalogRequest) =>
      onboardingRequest<AdminWhatsAppCreateMetaCatalogResponse>(`${ACCOUNTS}/${accountId}/meta-catalogs`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.accounts.metaCatalogs(accountId) }),
  })
}

/** With `start_sync`, the route answers the first sync's run (`sync_run`); without one the step offers to start a sync. */
export type ConnectCatalogResult = AdminWhatsAppConnectCatalogResponse & { sync_run?: AdminWhatsAppCatalogSyncRun | null }

export function useConnectMetaCatalog(accountId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminWhatsAppConnectCatalogRequest) =>
      onboardingRequest<ConnectCatalogResult>(`${ACCOUNTS}/${accountId}/catalog`, { method: "POST", body }),
    // The account's catalog, its health lines, the catalog page and the Meta list all changed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.all }),
  })
}

export function useMetaStatus(accountId: string) {
  return useQuery({
    queryKey: whatsappKeys.accounts.metaStatus(accountId),
    queryFn: () => onboardingRequest<AdminWhatsAppMetaStatusResponse>(`${ACCOUNTS}/${accountId}/meta-status`),
    retry: false,
  })
}

/** request-code, verify-code and register: each answers the number as Meta now describes it. */
function usePhoneStep<Body>(accountId: string, path: "request-code" | "verify-code" | "register") {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Body) => onboardingRequest<AdminWhatsAppPhoneStepResponse>(`${ACCOUNTS}/${accountId}/phone/${path}`, { method: "POST", body }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: whatsappKeys.accounts.health(accountId) })
      queryClient.invalidateQueries({ queryKey: whatsappKeys.accounts.metaStatus(accountId) })
    },
  })
}

export const useRequestCode = (accountId: string) => usePhoneStep<AdminWhatsAppRequestCodeRequest>(accountId, "request-code")
export const useVerifyCode = (accountId: string) => usePhoneStep<AdminWhatsAppVerifyCodeRequest>(accountId, "verify-code")
export const useRegisterNumber = (accountId: string) => usePhoneStep<AdminWhatsAppRegisterRequest>(accountId, "register")
