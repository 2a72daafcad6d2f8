import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import { mapWhatsAppCatalogItemWorkflow } from "../../../../../../workflows/catalog/workflows/map-whatsapp-catalog-item"
import { catalogItemFields } from "../../query-config"
import type { AdminMapCatalogItemType } from "../../validators"
import type { AdminWhatsAppCatalogItemResponse } from "../../../../../../types/http"

/** Sets a variant's content ID (copied from Commerce Manager) in a catalog. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminMapCatalogItemType>, res: MedusaResponse<AdminWhatsAppCatalogItemResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [variant],
  } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: req.params.variant_id } })
  if (!variant) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant ${req.params.variant_id} was not found`)

  let catalogId = req.validatedBody.catalog_id
  if (!catalogId) {
    const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
    const catalogs = [...new Set((await whatsapp.listWhatsappAccounts({}, { select: ["catalog_id"] })).map((a) => a.catalog_id).filter(Boolean))]
    if (catalogs.length !== 1) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Say which catalog_id: there is not exactly one connected catalog")
    }
    catalogId = catalogs[0] as string
  }
  const { result } = await mapWhatsAppCatalogItemWorkflow(req.scope).run({
    input: { catalog_id: catalogId, variant_id: variant.id, product_id: variant.product_id, retailer_id: req.validatedBody.retailer_id },
  })
  const {
    data: [item],
  } = await query.graph({ entity: "whatsapp_catalog_item", fields: catalogItemFields, filters: { id: result.id } })
  res.json({ item })
}
