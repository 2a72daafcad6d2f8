import { useCallback } from "react"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import {
  CATALOG_ITEM_STATUSES,
  type AdminWhatsAppCatalogImportResponse,
  type AdminWhatsAppCatalogItemListResponse,
  type AdminWhatsAppCatalogItemResponse,
  type AdminWhatsAppCatalogItemStatus,
  type AdminWhatsAppCatalogSyncRun,
  type AdminWhatsAppCatalogSyncRunResponse,
  type AdminWhatsAppProductSettingsResponse,
} from "../../types/http"
import { sdk } from "../lib/sdk"
import { whatsappKeys } from "./keys"

export type CatalogItemsFilter = {
  catalog_id?: string
  status?: AdminWhatsAppCatalogItemStatus
  product_id?: string
  variant_id?: string
  limit?: number
  offset?: number
}

const RUN_POLL_MS = 2000
// The sync lock's ttl: a run "running" for longer was cut short (restart, lock
// timeout) and will never finish, so stop polling it and let a new sync start.
const RUN_STALE_MS = 15 * 60 * 1000

export function isRunStale(run: AdminWhatsAppCatalogSyncRun): boolean {
  return run.status === "running" && Date.now() - new Date(run.started_at).getTime() > RUN_STALE_MS
}

export function useCatalogItems(filter: CatalogItemsFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: whatsappKeys.catalog.items(filter),
    queryFn: () => sdk.client.fetch<AdminWhatsAppCatalogItemListResponse>("/admin/whatsapp/catalog/items", { query: filter }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  })
}

/** The API has no aggregate: one `limit=1` request per status, reading `count`. */
export function useCatalogStatusCounts(catalogId?: string) {
  return useQuery({
    queryKey: whatsappKeys.catalog.counts(catalogId),
    queryFn: async () => {
      const counts = await Promise.all(
        CATALOG_ITEM_STATUSES.map((status) =>
          sdk.client
            .fetch<AdminWhatsAppCatalogItemListResponse>("/admin/whatsapp/catalog/items", { query: { status, catalog_id: catalogId, limit: 1 } })
            .then((r) => [status, r.count] as const)
        )
      )
      return Object.fromEntries(counts) as Record<AdminWhatsAppCatalogItemStatus, number>
    },
  })
}

// The API has no "latest run" endpoint: remember the run started here so a
// reload still shows (and keeps polling) it.
const runStorageKey = (accountId: string) => `whatsapp-catalog-last-run:${accountId}`

function readStoredRunId(accountId: string): string | null {
  try {
    return window.localStorage.getItem(runStorageKey(accountId))
  } catch {
    return null
  }
}

function storeRunId(accountId: string, runId: string) {
  try {
    window.localStorage.setItem(runStorageKey(accountId), runId)
  } catch {
    // Storage may be disabled; the run is still shown until the page is left.
  }
}

/** The run last started from this browser for an account, shared by every component that shows it. */
export function useLastCatalogRunId(accountId: string) {
  return useQuery({
    queryKey: whatsappKeys.catalog.lastRunId(accountId),
    queryFn: () => readStoredRunId(accountId),
    staleTime: Infinity,
  })
}

/** Polls a run while it is running; stops by itself once it has finished. */
export function useCatalogSyncRun(runId: string | null | undefined) {
  return useQuery({
    queryKey: whatsappKeys.catalog.run(runId ?? "none"),
    queryFn: () => sdk.client.fetch<AdminWhatsAppCatalogSyncRunResponse>(`/admin/whatsapp/catalog/runs/${runId}`),
    enabled: !!runId,
    refetchInterval: (query) => {
      const run = query.state.data?.run
      return run?.status === "running" && !isRunStale(run) ? RUN_POLL_MS : false
    },
  })
}

/** Makes a run started for the account its "last run": shown and polled by every component that watches the account. */
export function useRememberCatalogRun(accountId: string) {
  const queryClient = useQueryClient()
  return useCallback(
    (run: AdminWhatsAppCatalogSyncRun) => {
      storeRunId(accountId, run.id)
      // Seed the cache so polling starts from "running" and the finish is noticed.
      queryClient.setQueryData(whatsappKeys.catalog.run(run.id), { run })
      queryClient.setQueryData(whatsappKeys.catalog.lastRunId(accountId), run.id)
    },
    [accountId, queryClient]
  )
}

export function useStartCatalogSync(accountId: string) {
  const remember = useRememberCatalogRun(accountId)
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminWhatsAppCatalogSyncRunResponse>("/admin/whatsapp/catalog/sync", { method: "POST", body: { account_id: accountId } }),
    onSuccess: ({ run }) => remember(run),
  })
}

/** A run watched here finished: its items and counts changed. */
export function useRefreshCatalogItems() {
  const queryClient = useQueryClient()
  return useCallback(() => {
    queryClient.invalidateQueries({ queryKey: whatsappKeys.catalog.itemLists() })
    queryClient.invalidateQueries({ queryKey: whatsappKeys.catalog.allCounts() })
  }, [queryClient])
}

export function useImportCatalog() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (accountId: string) =>
      sdk.client.fetch<AdminWhatsAppCatalogImportResponse>("/admin/whatsapp/catalog/import", { method: "POST", body: { account_id: accountId } }),
    // Matches by SKU become mappings: the item list changed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.catalog.all }),
  })
}

export function useSetRetailerId() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { variant_id: string; retailer_id: string; catalog_id?: string }) =>
      sdk.client.fetch<AdminWhatsAppCatalogItemResponse>(`/admin/whatsapp/catalog/items/${input.variant_id}`, {
        method: "POST",
        body: { retailer_id: input.retailer_id, ...(input.catalog_id ? { catalog_id: input.catalog_id } : {}) },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: whatsappKeys.catalog.all }),
  })
}

export function useProductWhatsAppSettings(productId: string) {
  return useQuery({
    queryKey: whatsappKeys.productSettings.detail(productId),
    queryFn: () => sdk.client.fetch<AdminWhatsAppProductSettingsResponse>(`/admin/whatsapp/products/${productId}/settings`),
  })
}

export function useUpdateProductWhatsAppSettings(productId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { searchable?: boolean; hidden_in_catalog?: boolean }) =>
      sdk.client.fetch<AdminWhatsAppProductSettingsResponse>(`/admin/whatsapp/products/${productId}/settings`, { method: "POST", body }),
    onSuccess: (data) => queryClient.setQueryData(whatsappKeys.productSettings.detail(productId), data),
  })
}
