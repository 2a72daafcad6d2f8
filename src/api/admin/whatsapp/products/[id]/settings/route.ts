import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { WHATSAPP_MODULE } from "../../../../../../modules/whatsapp"
import type WhatsAppModuleService from "../../../../../../modules/whatsapp/service"
import { updateWhatsAppProductSettingsWorkflow } from "../../../../../../workflows/catalog/workflows/update-whatsapp-product-settings"
import type { AdminProductSettingsType } from "./validators"
import type { AdminWhatsAppProductSettingsResponse } from "../../../../../../types/http"

/**
 * The switches, and `catalog_item_count`: how many of the product's items are
 * in a WhatsApp catalog (what hiding it takes away), so the admin can say so
 * before saving.
 */
async function settingsOf(whatsapp: WhatsAppModuleService, productId: string) {
  const [setting] = await whatsapp.listWhatsappProductSettings({ product_id: productId })
  const [, catalogItemCount] = await whatsapp.listAndCountWhatsappCatalogItems(
    { product_id: productId, sync_status: ["synced", "error", "pending"] },
    { select: ["id"], take: 1 }
  )
  return {
    settings: { product_id: productId, searchable: setting?.searchable ?? true, hidden_in_catalog: setting?.hidden_in_catalog ?? false },
    catalog_item_count: catalogItemCount,
  }
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminWhatsAppProductSettingsResponse>) => {
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  res.json(await settingsOf(whatsapp, req.params.id))
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminProductSettingsType>, res: MedusaResponse<AdminWhatsAppProductSettingsResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [product],
  } = await query.graph({ entity: "product", fields: ["id"], filters: { id: req.params.id } })
  if (!product) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${req.params.id} was not found`)
  await updateWhatsAppProductSettingsWorkflow(req.scope).run({ input: { product_id: product.id, ...req.validatedBody } })
  const whatsapp: WhatsAppModuleService = req.scope.resolve(WHATSAPP_MODULE)
  res.json(await settingsOf(whatsapp, product.id))
}
