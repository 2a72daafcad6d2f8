import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WHATSAPP_MODULE } from "../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../modules/whatsapp/service"

export type ImportResult = {
  total: number
  matched: { retailer_id: string; variant_id: string; by: "mapping" | "sku" }[]
  unmatched: { retailer_id: string; name: string | null }[]
}

/**
 * Reads the merchant's existing catalog (all pages) and matches each item to
 * a variant: an existing mapping first, else retailer id = SKU. Matches by
 * SKU become mappings; the rest are listed for manual mapping.
 */
export const importCatalogStep = createStep("import-whatsapp-catalog", async (input: { account_id: string }, { container }) => {
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const account = await whatsapp.retrieveWhatsappAccount(input.account_id)
  if (!account.catalog_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Connect a catalog to this account first")
  const client = await whatsapp.graphClientFor(account.id)

  const products: { retailer_id: string; name?: string }[] = []
  let after: string | undefined
  for (;;) {
    const page = await client.listCatalogProducts(account.catalog_id, after)
    products.push(...page.data)
    if (!page.paging?.next || !page.data.length) break
    after = page.paging.cursors?.after
  }

  const retailerIds = products.map((p) => p.retailer_id)
  const mapped = retailerIds.length
    ? await whatsapp.listWhatsappCatalogItems({ catalog_id: account.catalog_id, retailer_id: retailerIds }, { select: ["retailer_id", "variant_id"] })
    : []
  const byMapping = new Map(mapped.map((m) => [m.retailer_id, m.variant_id]))
  const unmappedIds = retailerIds.filter((id) => !byMapping.has(id))
  const { data: variants } = unmappedIds.length
    ? await query.graph({ entity: "product_variant", fields: ["id", "sku", "product_id"], filters: { sku: unmappedIds } })
    : { data: [] as any[] }
  const bySku = new Map(variants.map((v: any) => [v.sku, v]))
  const taken = new Set(mapped.map((m) => m.variant_id))

  const result: ImportResult = { total: products.length, matched: [], unmatched: [] }
  const creates: Record<string, unknown>[] = []
  for (const product of products) {
    const viaMapping = byMapping.get(product.retailer_id)
    const viaSku = bySku.get(product.retailer_id)
    if (viaMapping) {
      result.matched.push({ retailer_id: product.retailer_id, variant_id: viaMapping, by: "mapping" })
    } else if (viaSku && !taken.has(viaSku.id)) {
      taken.add(viaSku.id)
      result.matched.push({ retailer_id: product.retailer_id, variant_id: viaSku.id, by: "sku" })
      creates.push({
        catalog_id: account.catalog_id,
        variant_id: viaSku.id,
        product_id: viaSku.product_id,
        retailer_id: product.retailer_id,
        retailer_id_source: "imported",
        content_hash: "mapped", // exists at Meta: the next sync updates it
        sync_status: "pending",
      })
    } else {
      result.unmatched.push({ retailer_id: product.retailer_id, name: product.name ?? null })
    }
  }
  // Variants that already had a default mapping keep one row: imported ids replace them.
  const existing = creates.length
    ? await whatsapp.listWhatsappCatalogItems({ catalog_id: account.catalog_id, variant_id: creates.map((c) => c.variant_id as string) }, { select: ["id", "variant_id"] })
    : []
  const existingByVariant = new Map(existing.map((e) => [e.variant_id, e.id]))
  const updates = creates.filter((c) => existingByVariant.has(c.variant_id as string)).map((c) => ({ id: existingByVariant.get(c.variant_id as string), ...c }))
  const inserts = creates.filter((c) => !existingByVariant.has(c.variant_id as string))
  const created: { id: string }[] = inserts.length ? await whatsapp.createWhatsappCatalogItems(inserts as any[]) : []
  if (updates.length) await whatsapp.updateWhatsappCatalogItems(updates as any)
  return new StepResponse(result, created.map((c) => c.id))
}, async (createdIds, { container }) => {
  if (!createdIds?.length) return
  const whatsapp: WhatsAppModuleService = container.resolve(WHATSAPP_MODULE)
  await whatsapp.deleteWhatsappCatalogItems(createdIds)
})
