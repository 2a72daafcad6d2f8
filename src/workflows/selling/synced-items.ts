import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ProductMessageItem } from "../../lib/products/product-messages"
import { WHATSAPP_MODULE } from "../../modules/whatsapp"
import type WhatsAppModuleService from "../../modules/whatsapp/service"

export type UnsyncedItem = { variant_id: string; reason: string }

/**
 * Splits variants into what can be shown in WhatsApp (synced to the
 * account's catalog, in the order given) and what cannot, with the reason.
 */
export async function syncedCatalogItems(
  container: MedusaContainer,
  catalogId: string,
  variantIds: string[]
): Promise<{ items: ProductMessageItem[]; unsynced: UnsyncedItem[] }> {
  const ids = [...new Set(variantIds)]
  if (!ids.length) return { items: [], unsynced: [] }
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const rows = await whatsapp.catalogItemsForVariants(catalogId, ids)
  const byVariant = new Map(rows.map((r) => [r.variant_id as string, r]))
  const synced = ids.filter((id) => byVariant.get(id)?.sync_status === "synced")
  const { data } = synced.length
    ? await query.graph({ entity: "product_variant", fields: ["id", "title", "product.id", "product.title"], filters: { id: synced } })
    : { data: [] as any[] }
  const variants = new Map(data.map((v: any) => [v.id, v]))
  const items: ProductMessageItem[] = []
  const unsynced: UnsyncedItem[] = []
  for (const id of ids) {
    const row = byVariant.get(id)
    const variant: any = variants.get(id)
    if (row?.sync_status === "synced" && variant) {
      items.push({
        product_id: variant.product.id,
        product_title: variant.product.title,
        variant_id: id,
        variant_title: variant.title ?? "",
        retailer_id: row.retailer_id,
      })
    } else {
      unsynced.push({ variant_id: id, reason: row ? `catalog item is ${row.sync_status}` : "not in the WhatsApp catalog" })
    }
  }
  return { items, unsynced }
}

/** Variant ids of products, collections or categories, in a stable order. */
export async function variantIdsOf(
  container: MedusaContainer,
  selection: { product_ids?: string[]; collection_id?: string; category_id?: string }
): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown>[] = []
  if (selection.product_ids?.length) filters.push({ id: selection.product_ids })
  if (selection.collection_id) filters.push({ collection_id: selection.collection_id })
  if (selection.category_id) filters.push({ categories: { id: selection.category_id } })
  const out: string[] = []
  for (const filter of filters) {
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "variants.id", "variants.variant_rank", "variants.created_at"],
      filters: filter,
      pagination: { take: 500, order: { created_at: "ASC" } },
    })
    const order = selection.product_ids ?? []
    const products = [...data].sort((a: any, b: any) => order.indexOf(a.id) - order.indexOf(b.id))
    for (const product of products as any[]) {
      const variants = [...(product.variants ?? [])].sort(
        (a: any, b: any) => (a.variant_rank ?? 0) - (b.variant_rank ?? 0) || String(a.created_at).localeCompare(String(b.created_at))
      )
      out.push(...variants.map((v: any) => v.id))
    }
  }
  return out
}
