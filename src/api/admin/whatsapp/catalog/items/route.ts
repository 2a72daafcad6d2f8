import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { catalogItemFields } from "../query-config"
import type { AdminListCatalogItemsType } from "../validators"
import type { AdminWhatsAppCatalogItemListResponse } from "../../../../../types/http"

/** Sync status per variant, with Meta's errors and warnings. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListCatalogItemsType>, res: MedusaResponse<AdminWhatsAppCatalogItemListResponse>) => {
  const { catalog_id, status, product_id, variant_id, limit, offset } = req.validatedQuery as AdminListCatalogItemsType
  const filters: Record<string, unknown> = {}
  if (catalog_id) filters.catalog_id = catalog_id
  if (status) filters.sync_status = status
  if (product_id) filters.product_id = product_id
  if (variant_id) filters.variant_id = variant_id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "whatsapp_catalog_item",
    fields: catalogItemFields,
    filters,
    pagination: { skip: offset, take: limit, order: { updated_at: "DESC", id: "ASC" } },
  })
  res.json({ items: data, count: metadata?.count ?? data.length, offset, limit })
}
