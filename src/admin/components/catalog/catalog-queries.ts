import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import {
  CATALOG_ITEM_STATUSES,
  type CatalogAccount,
  type CatalogImportResult,
  type CatalogItem,
  type CatalogItemsFilter,
  type CatalogItemsResponse,
  type CatalogItemStatus,
  type CatalogSyncRun,
  type ProductWithVariants,
} from "./catalog-types"

// Everything under this prefix is refreshed after a sync or a mapping change.
export const catalogKeys = {
  all: ["whatsapp", "catalog"] as const,
  accounts: () => [...catalogKeys.all, "accounts"] as const,
  items: (filter: CatalogItemsFilter) => [...catalogKeys.all, "items", filter] as const,
  counts: (catalogId?: string) => [...catalogKeys.all, "counts", catalogId ?? "all"] as const,
  run: (id: string) => [...catalogKeys.all, "runs", id] as const,
  products: (params: Record<string, unknown>) => [...catalogKeys.all, "products", params] as const,
}

const RUN_POLL_MS = 2000
// The sync lock's ttl: a run "running" for longer was cut short (restart, lock
// timeout) and will never finish, so stop polling it and let a new sync start.
const RUN_STALE_MS = 15 * 60 * 1000

export function isRunStale(run: CatalogSyncRun): boolean {
  return run.status === "running" && Date.now() - new Date(run.started_at).getTime() > RUN_STALE_MS
}
const PRODUCT_FIELDS = "id,title,variants.id,variants.title,variants.sku"

export function useCatalogAccounts() {
  return useQuery({
    queryKey: catalogKeys.accounts(),
    queryFn: () => sdk.client.fetch<{ accounts: CatalogAccount[] }>("/admin/whatsapp/accounts", { query: { limit: 50 } }),
  })
}

export function useCatalogItems(filter: CatalogItemsFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: catalogKeys.items(filter),
    queryFn: () => sdk.client.fetch<CatalogItemsResponse>("/admin/whatsapp/catalog/items", { query: filter }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  })
}

/** The API has no aggregate: one `limit=1` request per status, reading `count`. */
export function useCatalogStatusCounts(catalogId?: string) {
  return useQuery({
    queryKey: catalogKeys.counts(catalogId),
    queryFn: async () => {
      const counts = await Promise.all(
        CATALOG_ITEM_STATUSES.map((status) =>
          sdk.client
            .fetch<CatalogItemsResponse>("/admin/whatsapp/catalog/items", { query: { status, catalog_id: catalogId, limit: 1 } })
            .then((r) => [status, r.count] as const)
        )
      )
      return Object.fromEntries(counts) as Record<CatalogItemStatus, number>
    },
  })
}

/** Polls a run while it is running; stops by itself once it has finished. */
export function useCatalogSyncRun(runId: string | null) {
  return useQuery({
    queryKey: catalogKeys.run(runId ?? "none"),
    queryFn: () => sdk.client.fetch<{ run: CatalogSyncRun }>(`/admin/whatsapp/catalog/runs/${runId}`),
    enabled: !!runId,
    refetchInterval: (query) => {
      const run = query.state.data?.run
      return run?.status === "running" && !isRunStale(run) ? RUN_POLL_MS : false
    },
  })
}

export function useStartCatalogSync() {
  return useMutation({
    mutationFn: (accountId: string) =>
      sdk.client.fetch<{ run: CatalogSyncRun }>("/admin/whatsapp/catalog/sync", { method: "POST", body: { account_id: accountId } }),
  })
}

export function useImportCatalog() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (accountId: string) =>
      sdk.client.fetch<{ import: CatalogImportResult }>("/admin/whatsapp/catalog/import", { method: "POST", body: { account_id: accountId } }),
    // Matches by SKU become mappings: the item list changed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKeys.all }),
  })
}

export function useSetRetailerId() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { variant_id: string; retailer_id: string; catalog_id?: string }) =>
      sdk.client.fetch<{ item: CatalogItem }>(`/admin/whatsapp/catalog/items/${input.variant_id}`, {
        method: "POST",
        body: { retailer_id: input.retailer_id, ...(input.catalog_id ? { catalog_id: input.catalog_id } : {}) },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKeys.all }),
  })
}

/** Products (with their variants) by free-text search, for "Map to variant". */
export function useProductSearch(q: string) {
  return useQuery({
    queryKey: catalogKeys.products({ q }),
    queryFn: () =>
      sdk.client.fetch<{ products: ProductWithVariants[] }>("/admin/products", { query: { q, fields: PRODUCT_FIELDS, limit: 10 } }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  })
}

/** Titles for the products of one page of items (one request, not one per row). */
export function useProductsByIds(ids: string[]) {
  const sorted = [...new Set(ids)].sort()
  return useQuery({
    queryKey: catalogKeys.products({ ids: sorted }),
    queryFn: () =>
      sdk.client.fetch<{ products: ProductWithVariants[] }>("/admin/products", {
        query: { id: sorted, fields: PRODUCT_FIELDS, limit: sorted.length },
      }),
    enabled: sorted.length > 0,
  })
}
