import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { whatsappKeys } from "./keys"

/** Medusa's own resources, read by the plugin's screens (pickers, titles, settings choices). */

export type ProductWithVariants = {
  id: string
  title: string
  thumbnail?: string | null
  variants?: { id: string; title: string | null; sku?: string | null }[] | null
}

const MAPPING_FIELDS = "id,title,variants.id,variants.title,variants.sku"

/** Products (with their variants) by free-text search; `q` empty lists the first ones when `listWhenEmpty`. */
export function useProductSearch(q: string, options: { fields?: string; limit?: number; listWhenEmpty?: boolean } = {}) {
  const query = { q: q || undefined, fields: options.fields ?? MAPPING_FIELDS, limit: options.limit ?? 10 }
  return useQuery({
    queryKey: whatsappKeys.medusa.products(query),
    queryFn: () => sdk.client.fetch<{ products: ProductWithVariants[] }>("/admin/products", { query }),
    enabled: options.listWhenEmpty || q.trim().length > 0,
    placeholderData: keepPreviousData,
  })
}

/** Titles for the products of one page of items (one request, not one per row). */
export function useProductsByIds(ids: string[]) {
  const sorted = [...new Set(ids)].sort()
  const query = { id: sorted, fields: MAPPING_FIELDS, limit: sorted.length }
  return useQuery({
    queryKey: whatsappKeys.medusa.products(query),
    queryFn: () => sdk.client.fetch<{ products: ProductWithVariants[] }>("/admin/products", { query }),
    enabled: sorted.length > 0,
  })
}

/** One product with the given fields (the product page loads it without variants, so widgets read them here). */
export function useMedusaProduct(id: string | null, fields: string, options: { staleTime?: number } = {}) {
  return useQuery({
    queryKey: whatsappKeys.medusa.product(id ?? "", { fields }),
    queryFn: () => sdk.client.fetch<{ product: ProductWithVariants }>(`/admin/products/${id}`, { query: { fields } }),
    enabled: !!id,
    staleTime: options.staleTime,
  })
}

export function useRegions() {
  return useQuery({
    queryKey: whatsappKeys.medusa.regions(),
    queryFn: () =>
      sdk.client.fetch<{ regions: { id: string; name: string; currency_code: string }[] }>("/admin/regions", {
        query: { fields: "id,name,currency_code", limit: 100 },
      }),
  })
}

export function useSalesChannels() {
  return useQuery({
    queryKey: whatsappKeys.medusa.salesChannels(),
    queryFn: () => sdk.client.fetch<{ sales_channels: { id: string; name: string }[] }>("/admin/sales-channels", { query: { fields: "id,name", limit: 100 } }),
  })
}

export type GroupKind = "collection" | "category"
export type ProductGroup = { id: string; label: string; handle: string | null }

/** Medusa's list endpoints differ in path, response key and title field; normalize them here. */
async function searchGroups(kind: GroupKind, q: string): Promise<ProductGroup[]> {
  const query = { q: q || undefined, limit: 30 }
  if (kind === "collection") {
    const { collections } = await sdk.client.fetch<{ collections: { id: string; title: string; handle: string | null }[] }>(
      "/admin/collections",
      { query: { ...query, fields: "id,title,handle" } }
    )
    return collections.map((c) => ({ id: c.id, label: c.title, handle: c.handle }))
  }
  const { product_categories } = await sdk.client.fetch<{
    product_categories: { id: string; name: string; handle: string | null }[]
  }>("/admin/product-categories", { query: { ...query, fields: "id,name,handle" } })
  return product_categories.map((c) => ({ id: c.id, label: c.name, handle: c.handle }))
}

export function useProductGroups(kind: GroupKind, q: string) {
  return useQuery({
    queryKey: whatsappKeys.medusa.groups(kind, q),
    queryFn: () => searchGroups(kind, q),
  })
}

/** A picker's choices: Medusa ids with what the merchant recognizes them by. */
export type PickerOption = { id: string; label: string; hint?: string | null }

/** Products by search, through the SDK (the automation pickers). */
export function useProductOptions(q: string, ids: string[] = []) {
  const query = ids.length ? { id: ids, limit: ids.length, fields: "id,title,handle" } : { q: q || undefined, limit: 20, fields: "id,title,handle" }
  return useQuery({
    queryKey: whatsappKeys.medusa.products(query),
    queryFn: async (): Promise<PickerOption[]> =>
      (await sdk.admin.product.list(query)).products.map((p) => ({ id: p.id, label: p.title, hint: p.handle })),
    placeholderData: keepPreviousData,
  })
}

export function useCollectionOptions(q: string) {
  return useQuery({
    queryKey: whatsappKeys.medusa.groups("collection-options", q),
    queryFn: async (): Promise<PickerOption[]> =>
      (await sdk.admin.productCollection.list({ q: q || undefined, limit: 30, fields: "id,title,handle" })).collections.map((c) => ({
        id: c.id,
        label: c.title,
        hint: c.handle,
      })),
    placeholderData: keepPreviousData,
  })
}

export function useCustomerGroupOptions(q: string) {
  const query = { q: q || undefined, limit: 30, fields: "id,name" }
  return useQuery({
    queryKey: whatsappKeys.medusa.customerGroups(query),
    queryFn: async (): Promise<PickerOption[]> =>
      (await sdk.admin.customerGroup.list(query)).customer_groups.map((g) => ({ id: g.id, label: g.name ?? g.id })),
    placeholderData: keepPreviousData,
  })
}

/** Admin users, for "assign the conversation". */
export function useUserOptions(q: string) {
  const query = { q: q || undefined, limit: 30, fields: "id,email,first_name,last_name" }
  return useQuery({
    queryKey: whatsappKeys.medusa.users(query),
    queryFn: async (): Promise<PickerOption[]> =>
      (await sdk.admin.user.list(query)).users.map((u) => {
        const name = [u.first_name, u.last_name].filter(Boolean).join(" ")
        return { id: u.id, label: name || u.email, hint: name ? u.email : null }
      }),
    placeholderData: keepPreviousData,
  })
}
